namespace CSharpFrontend.Frontend.Resolve;

/// <summary>
/// A <c>WWW-Authenticate</c> challenge (RFC 7235): a scheme and its <c>key=value</c> parameters, values either
/// tokens or quoted strings with backslash escapes. Registries send <c>Bearer realm="…",service="…",scope="…"</c>.
/// </summary>
/// <param name="Scheme">The auth scheme as sent (compare case-insensitively).</param>
/// <param name="Parameters">The parameters, keys lower-cased.</param>
public sealed record BearerChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>Whether this is a <c>Bearer</c> challenge with a realm.</summary>
    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) && Realm is not null;

    /// <summary>The token endpoint (<c>realm</c>), if given.</summary>
    public string? Realm => Parameters.GetValueOrDefault("realm");

    /// <summary>The <c>service</c> parameter, if given.</summary>
    public string? Service => Parameters.GetValueOrDefault("service");

    /// <summary>The <c>scope</c> parameter, if given.</summary>
    public string? Scope => Parameters.GetValueOrDefault("scope");

    /// <summary>Parses one header value, e.g. <c>Bearer realm="https://auth.docker.io/token",service="registry.docker.io"</c>.</summary>
    /// <returns>The challenge, or null when the value has no scheme.</returns>
    public static BearerChallenge? Parse(string header)
    {
        var text = header.AsSpan().Trim();
        var space = text.IndexOfAny(' ', '\t');
        var scheme = (space < 0 ? text : text[..space]).ToString();
        if (scheme.Length == 0)
        {
            return null;
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = space < 0 ? text.Length : space;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] is ' ' or '\t' or ','))
            {
                i++;
            }

            var keyStart = i;
            while (i < text.Length && text[i] is not ('=' or ',' or ' ' or '\t'))
            {
                i++;
            }

            var key = text[keyStart..i].ToString().ToLowerInvariant();
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            if (i >= text.Length || text[i] != '=')
            {
                continue;
            }

            i++;
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            string value;
            if (i < text.Length && text[i] == '"')
            {
                var builder = new System.Text.StringBuilder();
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    builder.Append(text[i++]);
                }

                i++;
                value = builder.ToString();
            }
            else
            {
                var valueStart = i;
                while (i < text.Length && text[i] is not (',' or ' ' or '\t'))
                {
                    i++;
                }

                value = text[valueStart..i].ToString();
            }

            if (key.Length > 0)
            {
                parameters.TryAdd(key, value);
            }
        }

        return new BearerChallenge(scheme, parameters);
    }
}
