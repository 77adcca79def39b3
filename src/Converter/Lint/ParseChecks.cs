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
    /// Runs the node checks found while <paramref name="parsed"/> was read (<paramref name="findings"/>) in source
    /// order, up to the instruction the parser rejected (whose pre-parse checks still run, as upstream checks a node
    /// before parsing it), then the checks over the stages.
    /// </summary>
    public static void Run(ParseResult parsed, NodeFindings findings, Linter lint)
    {
        if (parsed.Syntax is null)
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
        foreach (var finding in findings.All)
        {
            if (finding.StartLine > failedLine)
            {
                break;
            }

            var failed = failedLine >= finding.StartLine && failedLine <= finding.EndLine;
            if (!(failed && finding.OnlyWhenParsed))
            {
                lint.Run(finding.Rule, SourceRange.Lines(finding.StartLine, finding.EndLine), finding.Message);
            }
        }

        if (parsed.Ast is { } ast)
        {
            StageNames(ast, lint);
            CommandCasing(ast, lint);
        }
    }

    /// <summary>
    /// What the node checks find in each node, noted while the parser reads it (the nodes themselves are not kept);
    /// <see cref="Run"/> reports them once the parse's outcome is known.
    /// </summary>
    internal sealed class NodeFindings
    {
        private readonly List<NodeFinding> _all = [];

        public IReadOnlyList<NodeFinding> All => _all;

        public void Visit(SyntaxNode node)
        {
            var keyword = node.Keyword.ToLowerInvariant();
            var args = node.Args;
            if (keyword == "maintainer")
            {
                Add(node, LintRules.MaintainerDeprecated, LintRules.MaintainerDeprecated.Format());
            }
            else if (keyword == "from")
            {
                if (args.Length == 3 && args[2] != args[2].ToLowerInvariant())
                {
                    Add(node, LintRules.StageNameCasing, LintRules.StageNameCasing.Format(args[2]));
                }

                if (!FromMatchesAsCase(node.Keyword, args))
                {
                    Add(node, LintRules.FromAsCasing, LintRules.FromAsCasing.Format(node.Keyword, args[1]));
                }

                if (args.Length == 3)
                {
                    DefinitionDescription("FROM", [args[2].ToLowerInvariant()], node);
                }
            }
            else if (keyword == "arg")
            {
                DefinitionDescription("ARG", [.. args.Select(a => a.Split('=', 2)[0])], node);
            }
        }

        private void Add(SyntaxNode node, LintRule rule, string message, bool onlyWhenParsed = false) =>
            _all.Add(new NodeFinding(node.StartLine, node.EndLine, rule, message, onlyWhenParsed));

        /// <summary>InvalidDefinitionDescription: upstream checks it only for a node that parsed.</summary>
        private void DefinitionDescription(string instruction, ImmutableArray<string> keys, SyntaxNode node)
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
            Add(node, LintRules.InvalidDefinitionDescription, LintRules.InvalidDefinitionDescription.Format(instruction, example), onlyWhenParsed: true);
        }
    }

    /// <summary>A node check's finding: the node's lines, the rule and its message.</summary>
    /// <param name="OnlyWhenParsed">Reported only when the node's instruction parsed.</param>
    internal readonly record struct NodeFinding(int StartLine, int EndLine, LintRule Rule, string Message, bool OnlyWhenParsed);

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
