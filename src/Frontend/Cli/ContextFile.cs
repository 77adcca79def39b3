namespace CSharpFrontend.Frontend.Cli;

/// <summary>
/// Reads a small file that belongs to a context directory (its <c>.dockerignore</c>) the way a build would see it: a
/// regular file, or a symbolic link that ends at one inside the directory, never more than <see cref="MaxBytes"/>.
/// A device, FIFO or a link out of the context is refused before it is opened (no hang, no leak of other files).
/// </summary>
internal static class ContextFile
{
    /// <summary>BuildKit's gRPC message limit: a file read through the gateway cannot be larger.</summary>
    public const long MaxBytes = 16 << 20;

    /// <summary>The file's bytes, or null when it does not exist.</summary>
    /// <exception cref="IOException">The path is not a regular file inside <paramref name="root"/>, or is too large.</exception>
    public static byte[]? Read(string path, string root)
    {
        var full = Path.GetFullPath(path);
        var kind = FileKinds.Of(full);
        if (kind == FileKind.Missing)
        {
            return null;
        }

        if (kind == FileKind.SymbolicLink)
        {
            var target = File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
            var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
            if (!target.StartsWith(rootFull, StringComparison.Ordinal))
            {
                throw new IOException($"{path} is a symbolic link out of the context ({target}); a build would not read it");
            }

            full = target;
            kind = FileKinds.Of(full);
            if (kind == FileKind.Missing)
            {
                return null;
            }
        }

        if (kind != FileKind.Regular)
        {
            throw new IOException($"{path} is not a regular file");
        }

        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read);
        if (stream.Length > MaxBytes)
        {
            throw new IOException($"{path} is {stream.Length} bytes, over the {MaxBytes} bytes a build can read");
        }

        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
