
namespace CSharpFrontend.Converter.Llb;

/// <summary>Go's <c>path</c> package semantics (slash-separated, lexical): Clean, Join, IsAbs.</summary>
public static class PosixPath
{
    public static bool IsAbs(string path) => path.StartsWith('/');

    public static string Join(params string[] elements)
    {
        var joined = string.Join('/', elements.Where(e => e.Length > 0));
        return joined.Length == 0 ? "" : Clean(joined);
    }

    /// <summary>The shortest lexically equal path: repeated slashes, <c>.</c> and <c>..</c> resolved.</summary>
    public static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var rooted = path[0] == '/';
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!rooted)
                {
                    parts.Add("..");
                }

                continue;
            }

            parts.Add(part);
        }

        var body = string.Join('/', parts);
        return rooted ? "/" + body : body.Length == 0 ? "." : body;
    }
}
