using System.Collections.Immutable;
using CSharpFrontend.Converter.Lint;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Tests.Lint;

/// <summary>
/// <see cref="LintResult.PrintOrder"/> as v0.24.0's <c>LintResults.PrintTo</c> sorts one file's warnings (subrequests/lint
/// lint.go): those without a location first, by rule name, then by first line (ties left where Go's sort leaves them,
/// which <see cref="GoSortTests"/> covers; none here).
/// </summary>
public sealed class LintPrintOrderTests
{
    [Fact]
    public void UnlocatedWarningsComeFirstByRuleThenTheRestByLine()
    {
        LintWarning At(LintRule rule, int? line) =>
            new(rule, rule.Name, line is { } l ? [SourceRange.Lines(l, l)] : ImmutableArray<SourceRange>.Empty);
        var warnings = new[]
        {
            At(LintRules.StageNameCasing, 3),
            At(LintRules.InvalidBaseImagePlatform, null),
            At(LintRules.MaintainerDeprecated, 1),
            At(LintRules.UndefinedVar, 7),
            At(LintRules.FromAsCasing, null),
            At(LintRules.JsonArgsRecommended, 2),
        };
        var result = new LintResult([.. warnings], new LintSource("Dockerfile", []), null);
        Assert.Equal(
            ["FromAsCasing", "InvalidBaseImagePlatform", "MaintainerDeprecated", "JSONArgsRecommended", "StageNameCasing", "UndefinedVar"],
            result.PrintOrder().Select(w => w.Rule.Name));
    }
}
