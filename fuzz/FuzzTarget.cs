using System.Text;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Image;

namespace CSharpFrontend.Fuzz;

/// <summary>
/// One fuzz input through parse, convert and marshal with a fixed offline resolver. A rejected Dockerfile
/// (<see cref="ConvertException"/>, which carries the parser's diagnostics too) is an expected outcome; any other
/// exception escapes and afl-fuzz records it as a crash.
/// </summary>
public static class FuzzTarget
{
    private static readonly ConvertOptions Options = new()
    {
        ImageResolver = OfflineImageMetadataResolver.Instance,
        LocalUniqueId = "fuzz",
    };

    public static void Run(Stream input)
    {
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        Run(buffer.ToArray());
    }

    public static void Run(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var parsed = Parser.DockerfileParser.Parse(text);
        _ = parsed.Diagnostics.Length;
        try
        {
            var result = DockerfileConverter.ConvertAsync(text, Options).AsTask().GetAwaiter().GetResult();
            _ = result.Definition.ToBytes();
        }
        catch (ConvertException)
        {
            // A rejected Dockerfile: the expected way to fail.
        }
    }
}
