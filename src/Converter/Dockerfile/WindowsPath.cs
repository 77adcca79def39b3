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
    public static string? RemoveDriveLetter(string path, out string? error)
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
            return PosixPath.Clean(path.Replace('\\', '/'));
        }

        if (!path.AsSpan(0, colon).Equals("c", StringComparison.OrdinalIgnoreCase))
        {
            error = "The specified path is not on the system drive (C:)";
            return null;
        }

        return PosixPath.Clean(path[(colon + 1)..].Replace('\\', '/'));
    }

    /// <summary><c>system.IsAbs</c> for Windows: the path without its drive letter starts at the root.</summary>
    public static bool IsAbs(string path) => RemoveDriveLetter(path, out _) is { } cleaned && PosixPath.IsAbs(cleaned);

    /// <summary>
    /// <c>NormalizeWorkdir</c>: <paramref name="requested"/> against the <paramref name="current"/> working
    /// directory, with slashes (the image config takes it with backslashes); null and <paramref name="error"/> (the
    /// reason after <c>removing drive letter: </c>) when either path has an unusable drive.
    /// </summary>
    public static string? NormalizeWorkdir(string current, string requested, out string? error)
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
}
