using System.Text.RegularExpressions;

namespace CSharpFrontend.Frontend.Dump;

/// <summary>
/// The build stage an op belongs to, read from the prefix the Dockerfile frontend gives its custom names:
/// <c>[build 2/5] RUN …</c> is stage <c>build</c>, <c>[linux/arm64 build 2/5]</c> is <c>linux/arm64 build</c>,
/// and <c>[2/5]</c> (a Dockerfile with one unnamed stage) is <see cref="Unnamed"/>.
/// </summary>
internal static partial class StageName
{
    /// <summary>Ops that belong to no stage: <c>[internal] …</c>, no custom name, or a name of another form.</summary>
    public const string Internal = "internal";

    /// <summary>The one stage of a single-stage Dockerfile, whose prefix carries no name.</summary>
    public const string Unnamed = "stage";

    public static string Of(string? customName)
    {
        if (customName is null)
        {
            return Internal;
        }

        var match = Prefix().Match(customName);
        if (!match.Success)
        {
            return Internal;
        }

        var name = match.Groups["name"].Value.TrimEnd();
        return name.Length == 0 ? Unnamed : name;
    }

    [GeneratedRegex(@"^\[(?:(?<name>[^\]]*) )?[0-9]+/[0-9]+\]")]
    private static partial Regex Prefix();
}
