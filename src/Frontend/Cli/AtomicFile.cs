namespace CSharpFrontend.Frontend.Cli;

/// <summary>
/// Writes a command's output files whole or not at all. A regular file (or a new path) gets a temporary file beside it
/// that is renamed over it once every output is ready; a device, FIFO or socket is written through, never replaced;
/// a symbolic link is followed to what it names. Nothing is written until every regular output could be prepared.
/// </summary>
internal sealed class AtomicFile : IDisposable
{
    private readonly List<(string Temporary, string Target)> _staged = [];
    private readonly List<(string Target, byte[] Content)> _through = [];

    /// <summary>Writes one file whole or not at all.</summary>
    /// <exception cref="IOException">With a message naming the path and the reason.</exception>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        using var files = new AtomicFile();
        files.Add(path, content);
        files.Commit();
    }

    /// <summary>Prepares one output: a temporary file for a regular target, nothing yet for a special one.</summary>
    /// <exception cref="IOException">The path cannot be written (missing directory, a directory, no permission).</exception>
    public void Add(string path, ReadOnlySpan<byte> content)
    {
        var target = Path.GetFullPath(path);
        var kind = FileKinds.Of(target);
        if (kind == FileKind.SymbolicLink)
        {
            target = ResolveLinks(path, target);
            kind = FileKinds.Of(target);
        }

        switch (kind)
        {
            case FileKind.Directory:
                throw new IOException($"cannot write {path}: it is a directory");
            case FileKind.Special:
                _through.Add((target, content.ToArray()));
                return;
        }

        var directory = Path.GetDirectoryName(target) ?? ".";
        if (FileKinds.Of(directory) != FileKind.Directory && !Directory.Exists(directory))
        {
            throw new IOException($"cannot write {path}: directory {directory} does not exist");
        }

        var temporary = Path.Combine(directory, "." + Path.GetFileName(target) + "." + Environment.ProcessId + "." + _staged.Count + ".tmp");
        try
        {
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write);
            _staged.Add((temporary, target));
            stream.Write(content);
            stream.Flush(flushToDisk: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot write {path}: {ex.Message}", ex);
        }
    }

    /// <summary>Renames the prepared files over their targets, then writes through to the special ones.</summary>
    public void Commit()
    {
        foreach (var (temporary, target) in _staged)
        {
            try
            {
                File.Move(temporary, target, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new IOException($"cannot write {target}: {ex.Message}", ex);
            }
        }

        _staged.Clear();
        foreach (var (target, content) in _through)
        {
            try
            {
                using var stream = new FileStream(target, FileMode.Open, FileAccess.Write);
                stream.Write(content);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new IOException($"cannot write {target}: {ex.Message}", ex);
            }
        }
    }

    public void Dispose()
    {
        foreach (var (temporary, _) in _staged)
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The path a chain of symbolic links ends at (which may not exist yet).</summary>
    private static string ResolveLinks(string path, string full)
    {
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException ex)
        {
            throw new IOException($"cannot write {path}: {ex.Message}", ex);
        }
    }
}
