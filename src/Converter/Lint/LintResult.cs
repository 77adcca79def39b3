using System.Collections.Immutable;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Lint;

/// <summary>The Dockerfile a result refers to (BuildKit's <c>pb.SourceInfo</c>).</summary>
/// <param name="Filename">Its name, e.g. <c>Dockerfile</c>.</param>
/// <param name="Data">Its bytes as read.</param>
/// <param name="Language">Always <c>Dockerfile</c>.</param>
public sealed record LintSource(string Filename, ImmutableArray<byte> Data, string Language = "Dockerfile");

/// <summary>Why the conversion failed: the message, and where when known.</summary>
public sealed record LintBuildError(string Message, ImmutableArray<SourceRange> Ranges);

/// <summary>The lint subrequest's result (BuildKit's <c>lint.LintResults</c>): warnings in the order found, the source, and the error if any.</summary>
public sealed record LintResult(ImmutableArray<LintWarning> Warnings, LintSource Source, LintBuildError? Error)
{
    /// <summary>Whether the error is the checks' own (<c>error=true</c> with warnings): the warnings are errors.</summary>
    public bool WarningsAreErrors => Error is { Ranges.IsDefaultOrEmpty: true } e && e.Message.StartsWith(Linter.ViolationPrefix, StringComparison.Ordinal);

    /// <summary>
    /// The warnings in a stable order: without a location first, then by start line, rule name, detail, end line
    /// (upstream appends them as found, partly from parallel goroutines).
    /// </summary>
    public ImmutableArray<LintWarning> Sorted() =>
    [
        .. Warnings
            .OrderBy(w => w.Ranges.IsDefaultOrEmpty ? 0 : 1)
            .ThenBy(w => w.Ranges.IsDefaultOrEmpty ? 0 : w.Ranges[0].StartLine)
            .ThenBy(w => w.Rule.Name, StringComparer.Ordinal)
            .ThenBy(w => w.Detail, StringComparer.Ordinal)
            .ThenBy(w => w.Ranges.IsDefaultOrEmpty ? 0 : w.Ranges[0].EndLine),
    ];

    /// <summary>
    /// The warnings in the order BuildKit's report prints them (<c>LintResults.PrintTo</c>): Go's <c>sort.Slice</c> of the
    /// warnings as found, those without a location first (by rule name), then by start line; warnings on one line
    /// stay where Go's unstable sort leaves them, so this needs the order they were found in.
    /// </summary>
    public ImmutableArray<LintWarning> PrintOrder()
    {
        var warnings = Warnings.ToArray();
        GoSort.Slice(warnings, static (left, right) => (left.Ranges.IsDefaultOrEmpty, right.Ranges.IsDefaultOrEmpty) switch
        {
            (true, true) => string.CompareOrdinal(left.Rule.Name, right.Rule.Name) < 0,
            (true, false) => true,
            (false, true) => false,
            _ => left.Ranges[0].StartLine < right.Ranges[0].StartLine,
        });
        return [.. warnings];
    }
}
