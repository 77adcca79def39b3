using System.Text.RegularExpressions;

namespace CSharpFrontend.E2E.Tests;

/// <summary>The Dockerfile steps of a <c>docker build --progress=plain</c> output and whether each came from the cache.</summary>
internal static partial class BuildProgress
{
    public sealed record Step(string Name, bool Cached);

    [GeneratedRegex(@"^#(\d+) (\[[^\]]*\] (?:RUN|COPY|ADD|WORKDIR) .*)$")]
    private static partial Regex StepName();

    [GeneratedRegex(@"^#(\d+) CACHED$")]
    private static partial Regex CachedStatus();

    /// <summary>RUN, COPY, ADD and WORKDIR steps (not FROM, not the internal loads), in the order they appear.</summary>
    public static IReadOnlyList<Step> Steps(string output)
    {
        var names = new Dictionary<string, string>();
        var cached = new HashSet<string>();
        foreach (var line in output.Split('\n').Select(line => line.TrimEnd('\r')))
        {
            if (StepName().Match(line) is { Success: true } named)
            {
                names.TryAdd(named.Groups[1].Value, named.Groups[2].Value);
            }
            else if (CachedStatus().Match(line) is { Success: true } status)
            {
                cached.Add(status.Groups[1].Value);
            }
        }

        return [.. names.Select(entry => new Step(entry.Value, cached.Contains(entry.Key)))];
    }
}
