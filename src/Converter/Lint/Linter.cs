using System.Collections.Immutable;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Lint;

/// <summary>
/// Runs checks under a <see cref="CheckConfig"/> and hands each warning to a sink (BuildKit's <c>linter.Linter</c>).
/// Without a sink nothing is reported and <c>error=true</c> has no effect, as upstream without a warning callback.
/// Safe to call from several threads.
/// </summary>
public sealed class Linter(CheckConfig config, Action<LintWarning>? warn)
{
    private readonly Lock _gate = new();
    private readonly SortedSet<string> _fired = new(StringComparer.Ordinal);

    /// <summary>How the error of <c>error=true</c> begins.</summary>
    public const string ViolationPrefix = "lint violation found for rules: ";

    public CheckConfig Config { get; } = config;

    /// <summary>Whether anything is reported at all (a sink is set).</summary>
    public bool Active => warn is not null;

    /// <summary>Whether <paramref name="rule"/> would be reported (a check can skip its work otherwise).</summary>
    public bool Reports(LintRule rule) => warn is not null && Config.Enables(rule);

    /// <summary>Reports <paramref name="rule"/> with <paramref name="detail"/> at <paramref name="ranges"/> when enabled.</summary>
    public void Run(LintRule rule, ImmutableArray<SourceRange> ranges, string detail)
    {
        if (!Reports(rule))
        {
            return;
        }

        lock (_gate)
        {
            _fired.Add(rule.Name);
        }

        warn!(new LintWarning(rule, detail, ranges));
    }

    /// <summary>Reports at an instruction: one range per line, as BuildKit's <c>node.Location()</c>.</summary>
    public void Run(LintRule rule, SourceRange? range, string detail) => Run(rule, PerLine(range), detail);

    /// <summary>BuildKit's location of an instruction: each of its lines as a range of its own (none for no range).</summary>
    public static ImmutableArray<SourceRange> PerLine(SourceRange? range) => range is { } r
        ? [.. Enumerable.Range(r.StartLine, Math.Max(r.EndLine, r.StartLine) - r.StartLine + 1).Select(line => SourceRange.Lines(line, line))]
        : [];

    /// <summary>
    /// With <c>error=true</c> and at least one reported warning: upstream's error (rules by name; upstream lists them
    /// in map order), else null.
    /// </summary>
    public string? Error()
    {
        lock (_gate)
        {
            return Config.Error && warn is not null && _fired.Count > 0
                ? ViolationPrefix + string.Join(", ", _fired)
                : null;
        }
    }
}
