using System.Text;

namespace CSharpFrontend.Frontend.Cli;

/// <summary>
/// A file's text decoded as UTF-8 (invalid bytes as U+FFFD, as <see cref="Encoding.GetString(byte[])"/> gives it) without
/// holding its bytes: the file is read twice in small blocks, once to count the characters and once to fill a string of
/// exactly that length, so a large Dockerfile costs its text and not also its bytes.
/// </summary>
internal static class Utf8FileText
{
    private const int BlockSize = 64 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Reads and decodes <paramref name="path"/>.</summary>
    /// <param name="path">A regular file, or anything else that can be read once (a pipe).</param>
    /// <param name="blockSize">The size of the blocks read (tests use small ones).</param>
    public static string Read(string path, int blockSize = BlockSize)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        if (!file.CanSeek)
        {
            // A pipe (e.g. <(cat Dockerfile)) is read once.
            using var bytes = new MemoryStream();
            file.CopyTo(bytes);
            return Utf8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length);
        }

        var block = new byte[blockSize];
        var scratch = new char[Utf8.GetMaxCharCount(blockSize)];
        var counter = Utf8.GetDecoder();
        long length = 0;
        int read;
        while ((read = file.Read(block)) > 0)
        {
            // Convert, not GetCharCount: a sequence cut by the block's end must carry over to the next block.
            counter.Convert(block, 0, read, scratch, 0, scratch.Length, flush: false, out _, out var counted, out _);
            length += counted;
        }

        counter.Convert(block, 0, 0, scratch, 0, scratch.Length, flush: true, out _, out var last, out _);
        length += last;
        if (length > Array.MaxLength)
        {
            throw new IOException($"{length} characters is more than a string holds");
        }

        file.Position = 0;
        return string.Create((int)length, (file, block), static (chars, state) =>
        {
            var (stream, buffer) = state;
            var decoder = Utf8.GetDecoder();
            var written = 0;
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                written += Decode(decoder, buffer.AsSpan(0, n), chars[written..], flush: false);
            }

            written += Decode(decoder, [], chars[written..], flush: true);
            if (written != chars.Length)
            {
                throw Changed();
            }
        });
    }

    /// <summary>Decodes all of <paramref name="bytes"/> into <paramref name="chars"/>; more characters than counted means the file changed.</summary>
    private static int Decode(Decoder decoder, ReadOnlySpan<byte> bytes, Span<char> chars, bool flush)
    {
        try
        {
            decoder.Convert(bytes, chars, flush, out var used, out var produced, out var completed);
            return used == bytes.Length && (completed || !flush) ? produced : throw Changed();
        }
        catch (ArgumentException)
        {
            throw Changed();
        }
    }

    private static IOException Changed() => new("the file changed while it was read");
}
