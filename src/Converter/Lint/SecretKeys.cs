using System.Text.RegularExpressions;

namespace CSharpFrontend.Converter.Lint;

/// <summary>SecretsUsedInArgOrEnv's test: a name whose whole, first or last <c>_</c>-word is a secret token and none is <c>public</c>.</summary>
internal static partial class SecretKeys
{
    [GeneratedRegex("(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Deny();

    [GeneratedRegex("(?:_|^)(?:public)(?:_|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Allow();

    public static bool LooksSecret(string key) => Deny().IsMatch(key) && !Allow().IsMatch(key);
}
