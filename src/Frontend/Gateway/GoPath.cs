using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>Go's <c>path.Base</c> and <c>path.Dir</c> (slash-separated paths).</summary>
public static class GoPath
{
    /// <summary>The last element; <c>.</c> for empty, <c>/</c> for only slashes.</summary>
    public static string Base(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        path = path.TrimEnd('/');
        if (path.Length == 0)
        {
            return "/";
        }

        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }

    /// <summary>All but the last element, cleaned.</summary>
    public static string Dir(string path)
    {
        var slash = path.LastIndexOf('/');
        return PosixPath.Clean(path[..(slash + 1)]);
    }
}
