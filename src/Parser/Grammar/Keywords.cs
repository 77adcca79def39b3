namespace CSharpFrontend.Parser.Grammar;

/// <summary>The instruction keywords (BuildKit's <c>command</c> package).</summary>
internal static class Keywords
{
    public static readonly string[] All =
    [
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER",
        "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    ];

    /// <summary>The keyword as written, sharing the string of an upper-case keyword.</summary>
    public static string Share(ReadOnlySpan<char> keyword)
    {
        foreach (var k in All)
        {
            if (keyword.SequenceEqual(k))
            {
                return k;
            }
        }

        return keyword.ToString();
    }
}
