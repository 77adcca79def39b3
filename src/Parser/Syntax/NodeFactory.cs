using System.Collections.Immutable;
using CSharpFrontend.Parser.Grammar;

namespace CSharpFrontend.Parser.Syntax;

/// <summary>Turns one logical line into a <see cref="SyntaxNode"/> with the <see cref="DockerfileGrammar"/> (BuildKit's <c>newNodeFromLine</c>).</summary>
internal static class NodeFactory
{
    /// <summary>
    /// Deepest ONBUILD nesting kept at node level. BuildKit's instruction layer rejects any nesting
    /// (<c>ONBUILD ONBUILD</c>), so deeper input is reported right away with that message; this bounds memory,
    /// which would otherwise grow with depth × line length.
    /// </summary>
    internal const int MaxOnbuildDepth = 64;

    /// <summary>Builds the node for <paramref name="line"/>; nested ONBUILDs are handled without recursion.</summary>
    /// <param name="line">The logical line.</param>
    /// <param name="grammar">The grammar of the file's escape token and dialect.</param>
    /// <param name="range">Where the instruction is.</param>
    /// <param name="comments">The comment lines above it.</param>
    /// <param name="document">The whole Dockerfile when <paramref name="line"/> is the part of it from <paramref name="start"/>, else null.</param>
    /// <param name="start">Where <paramref name="line"/> starts in <paramref name="document"/>.</param>
    /// <param name="words">Where repeated words are shared, if anywhere.</param>
    public static SyntaxNode FromLine(string line, DockerfileGrammar grammar, SourceRange range, ImmutableArray<string> comments, string? document = null, int start = 0, WordPool? words = null)
    {
        var frames = new List<(string Keyword, ImmutableArray<string> Flags, string Original)>();
        string rest = line;
        while (true)
        {
            var (keyword, flags, args) = grammar.SplitCommand(Text.GoText.TrimSpace(rest));
            if (string.Equals(keyword, "onbuild", StringComparison.OrdinalIgnoreCase) && args.Length > 0)
            {
                if (frames.Count >= MaxOnbuildDepth)
                {
                    throw new ParseException(new Diagnostic(
                        DiagnosticCodes.InvalidArguments,
                        DiagnosticSeverity.Error,
                        "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
                        range,
                        DiagnosticLayer.Instruction));
                }

                frames.Add((keyword, flags, rest));
                rest = args;
                continue;
            }

            var parsed = grammar.InstructionArguments(keyword, args);
            if (parsed.Error is { } error)
            {
                throw ParseException.Syntax(
                    parsed.Error == DockerfileGrammar.NotStringArrayMessage ? DiagnosticCodes.JsonNotStringArray : DiagnosticCodes.Syntax,
                    error,
                    range);
            }

            var node = new SyntaxNode
            {
                Keyword = keyword,
                Flags = words?.Share(flags) ?? flags,
                Args = words?.Share(parsed.Args) ?? parsed.Args,
                IsJson = parsed.IsJson,
                IsLegacyKeyValue = parsed.LegacyKeyValue,
                OriginalText = frames.Count == 0 && document is not null ? new DocumentText(document, start, line.Length) : DocumentText.Of(rest),
                Range = range,
                PrevComments = frames.Count == 0 ? comments : [],
            };
            for (int i = frames.Count - 1; i >= 0; i--)
            {
                node = new SyntaxNode
                {
                    Keyword = frames[i].Keyword,
                    Flags = frames[i].Flags,
                    Child = node,
                    Original = frames[i].Original,
                    Range = range,
                    PrevComments = i == 0 ? comments : [],
                };
            }

            return node;
        }
    }
}
