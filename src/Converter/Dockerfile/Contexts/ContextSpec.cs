namespace CSharpFrontend.Converter.Dockerfile.Contexts;

/// <summary>The kinds of value a <c>context:&lt;name&gt;</c> option can have.</summary>
public enum ContextKind
{
    /// <summary><c>docker-image://ref</c>.</summary>
    DockerImage,

    /// <summary>A git URL (<c>git://</c>, <c>git@</c>, or an http(s) URL ending in <c>.git</c>).</summary>
    Git,

    /// <summary>An http(s) URL that is no git repository: the file it serves.</summary>
    Http,

    /// <summary><c>oci-layout://store@digest</c>.</summary>
    OciLayout,

    /// <summary><c>local:name</c>: a directory the client sends.</summary>
    Local,

    /// <summary><c>input:name</c>: a frontend input.</summary>
    Input,
}

/// <summary>A named context's value split as builder/build.go's <c>contextByName</c> reads it.</summary>
/// <param name="Kind">What the value names.</param>
/// <param name="Rest">The part after <c>scheme:</c> (<c>//</c> removed for image and OCI references).</param>
/// <param name="Value">The value as given.</param>
public sealed record ContextSpec(ContextKind Kind, string Rest, string Value)
{
    /// <summary>
    /// Splits <paramref name="value"/>; <paramref name="key"/> names the option in errors; <paramref name="gitQueries"/>
    /// reads an http(s) URL's query as a git reference's (v0.24).
    /// </summary>
    /// <exception cref="ConvertException">The value has no scheme, or one upstream does not know.</exception>
    public static ContextSpec Parse(string value, string key, bool gitQueries = false)
    {
        var colon = value.IndexOf(':');
        if (colon < 0)
        {
            throw new ConvertException($"invalid context specifier {value} for {key}");
        }

        var scheme = value[..colon];
        var rest = value[(colon + 1)..];
        if (scheme.StartsWith("git@", StringComparison.Ordinal))
        {
            scheme = "git";
        }

        return scheme switch
        {
            "docker-image" => new ContextSpec(ContextKind.DockerImage, TrimSlashes(rest), value),
            "git" => new ContextSpec(ContextKind.Git, rest, value),
            "http" or "https" => new ContextSpec(GitContext.TryParse(value, withQuery: gitQueries) is null ? ContextKind.Http : ContextKind.Git, rest, value),
            "oci-layout" => new ContextSpec(ContextKind.OciLayout, TrimSlashes(rest), value),
            "local" => new ContextSpec(ContextKind.Local, rest, value),
            "input" => new ContextSpec(ContextKind.Input, rest, value),
            _ => throw new ConvertException($"unsupported context source {scheme} for {key}"),
        };
    }

    private static string TrimSlashes(string rest) => rest.StartsWith("//", StringComparison.Ordinal) ? rest[2..] : rest;
}
