using System.Text;

namespace CSharpFrontend.Frontend.Cli;

/// <summary>A command's input: a named file, or standard input for <c>-</c>.</summary>
internal sealed record InputFile(string DisplayName, string Text)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static InputFile Read(string path)
    {
        if (path == "-")
        {
            using var stdin = Console.OpenStandardInput();
            using var buffer = new MemoryStream();
            stdin.CopyTo(buffer);
            return new InputFile("<stdin>", Utf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }

        if (Directory.Exists(path))
        {
            throw new IOException($"it is a directory; name the Dockerfile in it (e.g. {Path.Combine(path, "Dockerfile")})");
        }

        return new InputFile(path, Utf8FileText.Read(path));
    }

    /// <summary>Reads the input, or prints why it cannot be read and returns null.</summary>
    public static InputFile? TryRead(string path, TextWriter errors)
    {
        try
        {
            return Read(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"error: cannot read {path}: {ex.Message}");
            return null;
        }
    }
}
