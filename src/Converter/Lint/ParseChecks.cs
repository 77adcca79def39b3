using System.Collections.Immutable;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Lint;

/// <summary>
/// The checks BuildKit runs while it parses (<c>instructions.Parse</c> with a linter) and right after:
/// NoEmptyContinuation, MaintainerDeprecated, StageNameCasing, FromAsCasing, InvalidDefinitionDescription,
/// ReservedStageName, DuplicateStageName, ConsistentInstructionCasing.
/// </summary>
internal static class ParseChecks
{
    private static readonly ImmutableHashSet<string> ReservedStageNames = ["context", "scratch"];

    /// <summary>
    /// Runs the node checks over <paramref name="parsed"/> in source order, up to the instruction the parser rejected
    /// (whose pre-parse checks still run, as upstream checks a node before parsing it).
    /// </summary>
    public static void Run(ParseResult parsed, Linter lint)
    {
        if (parsed.Syntax is not { } tree)
        {
            return;
        }

        foreach (var warning in parsed.Diagnostics)
        {
            if (warning.Severity == DiagnosticSeverity.Warning && warning.Code == DiagnosticCodes.EmptyContinuationLine)
            {
                lint.Run(LintRules.NoEmptyContinuation, SourceRange.Lines(warning.Range.StartLine, warning.Range.EndLine), LintRules.NoEmptyContinuation.Format());
            }
        }

        var failedLine = parsed.FirstError?.Range.StartLine ?? int.MaxValue;
        foreach (var node in tree.Nodes)
        {
            if (node.StartLine > failedLine)
            {
                break;
            }

            var failed = failedLine >= node.StartLine && failedLine <= node.EndLine;
            CheckNode(node, lint, failed);
            if (failed)
            {
                break;
            }
        }

        if (parsed.Ast is { } ast)
        {
            StageNames(ast, lint);
            CommandCasing(ast, lint);
        }
    }

    private static SourceRange Lines(SyntaxNode node) => SourceRange.Lines(node.StartLine, node.EndLine);

    private static void CheckNode(SyntaxNode node, Linter lint, bool failed)
    {
        var keyword = node.Keyword.ToLowerInvariant();
        var args = node.Args;
        if (keyword == "maintainer")
        {
            lint.Run(LintRules.MaintainerDeprecated, Lines(node), LintRules.MaintainerDeprecated.Format());
        }
        else if (keyword == "from")
        {
            if (args.Length == 3 && args[2] != args[2].ToLowerInvariant())
            {
                lint.Run(LintRules.StageNameCasing, Lines(node), LintRules.StageNameCasing.Format(args[2]));
            }

            if (!FromMatchesAsCase(node.Keyword, args))
            {
                lint.Run(LintRules.FromAsCasing, Lines(node), LintRules.FromAsCasing.Format(node.Keyword, args[1]));
            }

            if (!failed && args.Length == 3)
            {
                DefinitionDescription("FROM", [args[2].ToLowerInvariant()], node, lint);
            }
        }
        else if (keyword == "arg" && !failed)
        {
            DefinitionDescription("ARG", [.. args.Select(a => a.Split('=', 2)[0])], node, lint);
        }
    }

    private static bool FromMatchesAsCase(string keyword, ImmutableArray<string> args)
    {
        if (args.Length < 3)
        {
            return true;
        }

        var lower = keyword == keyword.ToLowerInvariant();
        var upper = keyword == keyword.ToUpperInvariant();
        if (!lower && !upper)
        {
            return true;
        }

        return lower ? args[1] == args[1].ToLowerInvariant() : args[1] == args[1].ToUpperInvariant();
    }

    private static void DefinitionDescription(string instruction, ImmutableArray<string> keys, SyntaxNode node, Linter lint)
    {
        if (node.PrevComments.IsEmpty || keys.IsEmpty)
        {
            return;
        }

        var first = node.PrevComments[^1].Split(' ')[0];
        if (keys.Contains(first))
        {
            return;
        }

        var example = keys.Length > 1 ? "<arg_key>" : keys[0];
        lint.Run(LintRules.InvalidDefinitionDescription, Lines(node), LintRules.InvalidDefinitionDescription.Format(instruction, example));
    }

    private static void StageNames(Parser.Dockerfile ast, Linter lint)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stage in ast.Stages)
        {
            if (stage.Name.Length == 0)
            {
                continue;
            }

            if (ReservedStageNames.Contains(stage.Name))
            {
                lint.Run(LintRules.ReservedStageName, stage.Range, LintRules.ReservedStageName.Format(LintRules.Quote(stage.Name)));
            }

            if (!seen.Add(stage.Name))
            {
                lint.Run(LintRules.DuplicateStageName, stage.Range, LintRules.DuplicateStageName.Format(LintRules.Quote(stage.Name)));
            }
        }
    }

    private static bool SelfConsistent(string s) => s == s.ToLowerInvariant() || s == s.ToUpperInvariant();

    private static void CommandCasing(Parser.Dockerfile ast, Linter lint)
    {
        var (lower, upper) = (0, 0);
        foreach (var name in ast.Stages.SelectMany(s => s.Commands.Select(c => c.Keyword).Prepend(s.OrigCmd)))
        {
            if (SelfConsistent(name))
            {
                _ = name == name.ToLowerInvariant() ? lower++ : upper++;
            }
        }

        var majorityLower = lower > upper;
        foreach (var stage in ast.Stages)
        {
            CaseMatch(stage.OrigCmd, majorityLower, stage.Range, lint);
            foreach (var command in stage.Commands)
            {
                CaseMatch(command.Keyword, majorityLower, command.Range, lint);
            }
        }
    }

    private static void CaseMatch(string name, bool majorityLower, SourceRange range, Linter lint)
    {
        var casing = majorityLower && name.ToLowerInvariant() != name ? "lowercase"
            : !majorityLower && name.ToUpperInvariant() != name ? "uppercase"
            : null;
        if (casing is not null)
        {
            lint.Run(LintRules.ConsistentInstructionCasing, SourceRange.Lines(range.StartLine, range.EndLine), LintRules.ConsistentInstructionCasing.Format(name, casing));
        }
    }
}
