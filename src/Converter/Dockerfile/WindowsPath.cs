using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Shared;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>
/// BuildKit's util/system path rules for a Windows stage: backslashes read as slashes, a drive letter must be
/// <c>C:</c> and is removed, UNC paths and a bare drive are refused; what is left is an ordinary slash path.
/// </summary>
internal static class WindowsPath
{
    /// <summary>
    /// <c>CheckSystemDriveAndRemoveDriveLetter</c>: <paramref name="path"/> cleaned, with slashes and without its
    /// <c>C:</c>, or null and <paramref name="error"/> when the path names no usable place.
    /// </summary>
    public static string? RemoveDriveLetter(string path, out string? error) => RemoveDriveLetter(path, keepSlash: false, out error);

    /// <inheritdoc cref="RemoveDriveLetter(string, out string?)"/>
    /// <param name="keepSlash">A trailing slash or backslash stays (as one slash) after cleaning.</param>
    public static string? RemoveDriveLetter(string path, bool keepSlash, out string? error)
    {
        error = null;
        if (path.Length == 2 && path[1] == ':')
        {
            error = $"No relative path specified in {GoQuoting.Quote(path)}";
            return null;
        }

        if (path.Length >= 2 && path[0] is '/' or '\\' && path[1] is '/' or '\\')
        {
            error = "UNC paths are not supported";
            return null;
        }

        var colon = path.IndexOf(':');
        if (colon < 0)
        {
            return CleanPath(path, keepSlash);
        }

        if (!path.AsSpan(0, colon).Equals("c", StringComparison.OrdinalIgnoreCase))
        {
            error = "The specified path is not on the system drive (C:)";
            return null;
        }

        return CleanPath(path[(colon + 1)..], keepSlash);
    }

    /// <summary>util/system <c>cleanPath</c>: slashes, cleaned, a trailing separator kept when asked.</summary>
    private static string CleanPath(string path, bool keepSlash)
    {
        path = path.Replace('\\', '/');
        var cleaned = PosixPath.Clean(path);
        return keepSlash && cleaned.Length > 1 && path.EndsWith('/') ? cleaned + "/" : cleaned;
    }

    /// <summary><c>system.IsAbs</c> for Windows: the path without its drive letter starts at the root.</summary>
    public static bool IsAbs(string path) => RemoveDriveLetter(path, out _) is { } cleaned && PosixPath.IsAbs(cleaned);

    /// <summary>
    /// <c>NormalizePath</c> without keepSlash (as <c>NormalizeWorkdir</c> and COPY sources use it):
    /// <paramref name="requested"/> against <paramref name="current"/>, with slashes (a config's working directory
    /// takes them as backslashes); null and <paramref name="error"/> (the reason after <c>removing drive letter: </c>)
    /// when either path has an unusable drive.
    /// </summary>
    public static string? Normalize(string current, string requested, out string? error)
    {
        var parent = current.Length == 0 ? "/" : current.Replace('\\', '/');
        if (RemoveDriveLetter(parent, out error) is not { } cleanParent)
        {
            return null;
        }

        parent = IsAbs(cleanParent) ? cleanParent : PosixPath.Join("/", cleanParent);
        var path = requested.Length == 0 ? parent : requested.Replace('\\', '/');
        if (RemoveDriveLetter(path, out error) is not { } cleanPath)
        {
            return null;
        }

        return IsAbs(cleanPath) ? cleanPath : PosixPath.Join(parent, cleanPath);
    }

    /// <summary>
    /// <c>NormalizeWorkdir</c>: <see cref="Normalize"/>, an unusable drive failing the conversion with upstream's
    /// doubly wrapped text.
    /// </summary>
    /// <exception cref="ConvertException">Either path has an unusable drive.</exception>
    public static string NormalizeWorkdir(string current, string requested) =>
        Normalize(current, requested, out var error)
            ?? throw new ConvertException($"normalizing workdir: normalizing working directory: removing drive letter: {error}");

    /// <summary>
    /// <c>pathRelativeToWorkingDir</c> for COPY and ADD: the destination without its drive letter (cleaned, a final
    /// separator kept), joined to the stage's directory <paramref name="dir"/> (already clean, absolute and without a
    /// drive) unless absolute, keeping a final separator; null and <paramref name="error"/> when the drive is unusable.
    /// </summary>
    public static string? CopyDestination(string dir, string destination, out string? error)
    {
        if (RemoveDriveLetter(destination, keepSlash: true, out error) is not { } path)
        {
            return null;
        }

        if (IsAbs(path))
        {
            return path;
        }

        var joined = PosixPath.Join(dir.Length == 0 ? "/" : dir, path);
        return path is "." || path.EndsWith('/') ? joined.TrimEnd('/') + "/" : joined;
    }
}
