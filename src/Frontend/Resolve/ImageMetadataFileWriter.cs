using System.Text;
using System.Text.Json;

namespace CSharpFrontend.Frontend.Resolve;

/// <summary>
/// Writes an <see cref="ImageLock"/> as an image-metadata file (the format <c>FileImageMetadataResolver</c>
/// reads): an indented object, keys sorted, each <c>{ "digest", "config" }</c>. The config is written
/// <em>verbatim</em>, the bytes the registry sent: the converter then reads exactly what BuildKit would read (no
/// field dropped or re-encoded), and the value still hashes to the config digest its manifest names, so the file
/// can be checked against the registry.
/// </summary>
public static class ImageMetadataFileWriter
{
    /// <summary>The file's UTF-8 bytes, ending in a newline.</summary>
    public static byte[] Write(ImageLock imageLock)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, SkipValidation = false }))
        {
            writer.WriteStartObject();
            foreach (var (key, image) in imageLock.Images)
            {
                writer.WritePropertyName(key);
                writer.WriteStartObject();
                writer.WriteString("digest", image.Digest);
                writer.WritePropertyName("config");
                writer.WriteRawValue(image.ConfigJson.Span, skipInputValidation: false);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.ToArray();
    }

    /// <summary>The file as text (for tests and messages).</summary>
    public static string WriteText(ImageLock imageLock) => Encoding.UTF8.GetString(Write(imageLock));
}
