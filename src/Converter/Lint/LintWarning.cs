using System.Collections.Immutable;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Lint;

/// <summary>One fired check: the rule, its message, and where (the instruction's lines; none for some rules).</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Detail">The formatted message.</param>
/// <param name="Ranges">The source ranges (BuildKit reports whole lines: <c>node.Location()</c>).</param>
public sealed record LintWarning(LintRule Rule, string Detail, ImmutableArray<SourceRange> Ranges);
