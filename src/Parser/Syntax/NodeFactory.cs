using System.Collections.Immutable;
using CSharpFrontend.Parser.Text;
using CSharpFrontend.Shared;

namespace CSharpFrontend.Parser.Syntax;

/// <summary>Turns one logical line into a <see cref="SyntaxNode"/> (keyword, flags, argument words), as BuildKit's line parsers do.</summary>
internal static class NodeFactory
{
    /// <summary>
    /// Deepest ONBUILD nesting kept at node level. BuildKit's instruction layer rejects any nesting
    /// (<c>ONBUILD ONBUILD</c>), so deeper input is reported right away with that message; this bounds memory,
    /// which would otherwise grow with depth × line length.
    /// </summary>
    internal const int MaxOnbuildDepth = 64;

    internal const string NotStringArrayMessage = "when using JSON array syntax, arrays must be comprised of strings only";

    private static readonly Dictionary<string, string> Keywords = new[]
    {
        "add", "arg", "cmd", "copy", "entrypoint", "env", "expose", "from", "healthcheck", "label", "maintainer",
        "onbuild", "run", "shell", "stopsignal", "user", "volume", "workdir",
    }.ToDictionary(k => k, k => k, StringComparer.OrdinalIgnoreCase);

    private static readonly string[] UpperKeywords =
    [
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER",
        "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    ];

    /// <summary>t[..length], sharing the string of an upper-case keyword.</summary>
    private static string Keyword(string t, int length)
    {
        foreach (var k in UpperKeywords)
        {
            if (k.Length == length && string.CompareOrdinal(t, 0, k, 0, length) == 0)
            {
                return k;
            }
        }

        return length == t.Length ? t : t[..length];
    }

    /// <summary>Argument shape produced by a line parser.</summary>
    private readonly record struct ParsedArgs(ImmutableArray<string> Args, bool IsJson, bool Legacy);

    /// <summary>Builds the node for <paramref name="line"/>; nested ONBUILDs are handled without recursion.</summary>
    public static SyntaxNode FromLine(string line, char escape, bool legacy, SourceRange range, ImmutableArray<string> comments)
    {
        var frames = new List<(string Keyword, ImmutableArray<string> Flags, string Original)>();
        string rest = line;
        while (true)
        {
            var (cmd, flags, args) = SplitCommand(rest, legacy ? '\\' : escape);
            if (string.Equals(cmd, "onbuild", StringComparison.OrdinalIgnoreCase) && args.Length > 0)
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

                frames.Add((cmd, flags, rest));
                rest = args;
                continue;
            }

            var parsed = Dispatch(cmd, args, escape, legacy, range);
            var node = new SyntaxNode
            {
                Keyword = cmd,
                Flags = flags,
                Args = parsed.Args,
                IsJson = parsed.IsJson,
                IsLegacyKeyValue = parsed.Legacy,
                Original = rest,
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

    private static (string Cmd, ImmutableArray<string> Flags, string Args) SplitCommand(string line, char escape)
    {
        string t = GoText.TrimSpace(line);
        int i = 0;
        while (i < t.Length && !GoText.IsSplitBlank(t[i]))
        {
            i++;
        }

        if (i == t.Length)
        {
            return (Keyword(t, i), [], string.Empty);
        }

        int j = i;
        while (j < t.Length && GoText.IsSplitBlank(t[j]))
        {
            j++;
        }

        var (rest, flags) = FlagExtractor.Extract(t, j, escape);
        return (Keyword(t, i), flags is null ? [] : [.. flags], GoText.TrimSpace(rest));
    }

    private static ParsedArgs Dispatch(string cmd, string rest, char escape, bool legacy, SourceRange range)
    {
        switch (Keywords.GetValueOrDefault(cmd) ?? string.Empty)
        {
            case "add":
            case "copy":
            case "volume":
                return MaybeJsonToList(rest, legacy, range);
            case "cmd":
            case "entrypoint":
            case "run":
            case "shell":
                return MaybeJson(rest, legacy, range);
            case "env":
                return NameVal(rest, "ENV", escape, legacy, range);
            case "label":
                return NameVal(rest, "LABEL", escape, legacy, range);
            case "arg":
                return new ParsedArgs([.. WordSplitter.Split(rest, escape)], false, false);
            case "expose":
            case "from":
                return new ParsedArgs(WhitespaceDelimited(rest), false, false);
            case "healthcheck":
                return HealthConfig(rest, legacy, range);
            case "maintainer":
            case "stopsignal":
            case "user":
            case "workdir":
                return new ParsedArgs(rest.Length == 0 ? [] : [rest], false, false);
            case "onbuild":
                // Only reached with empty arguments (a non-empty ONBUILD is unwrapped by the caller).
                return new ParsedArgs([], false, false);
            default:
                return new ParsedArgs([string.Empty], false, false);
        }
    }

    private static ImmutableArray<string> WhitespaceDelimited(string rest) =>
        rest.Length == 0 ? [] : [.. GoText.SplitBlanks(rest, -1)];

    private static ParsedArgs MaybeJson(string rest, bool legacy, SourceRange range)
    {
        if (rest.Length == 0)
        {
            return new ParsedArgs([], false, false);
        }

        return JsonArrayParser.Parse(GoText.TrimLeftSpace(rest), legacy, out var items) switch
        {
            JsonArrayOutcome.Strings => new ParsedArgs([.. items], true, false),
            JsonArrayOutcome.NotStringArray => throw ParseException.Syntax(DiagnosticCodes.JsonNotStringArray, NotStringArrayMessage, range),
            _ => new ParsedArgs([rest], false, false),
        };
    }

    private static ParsedArgs MaybeJsonToList(string rest, bool legacy, SourceRange range)
    {
        return JsonArrayParser.Parse(GoText.TrimLeftSpace(rest), legacy, out var items) switch
        {
            JsonArrayOutcome.Strings => new ParsedArgs([.. items], true, false),
            JsonArrayOutcome.NotStringArray => throw ParseException.Syntax(DiagnosticCodes.JsonNotStringArray, NotStringArrayMessage, range),
            _ => new ParsedArgs(WhitespaceDelimited(rest), false, false),
        };
    }

    /// <summary>
    /// ENV/LABEL pairs. Current BuildKit keeps each pair's separator as a third word (<c>=</c>, or empty for the
    /// legacy <c>KEY value</c> form); v0.11 has key and value only.
    /// </summary>
    private static ParsedArgs NameVal(string rest, string key, char escape, bool legacy, SourceRange range)
    {
        var words = WordSplitter.Split(rest, escape);
        if (words.Count == 0)
        {
            return new ParsedArgs([], false, false);
        }

        if (!words[0].Contains('='))
        {
            var parts = GoText.SplitBlanks(rest, 2);
            if (parts.Count < 2)
            {
                throw ParseException.Syntax(DiagnosticCodes.Syntax, $"{key} must have two arguments", range);
            }

            return new ParsedArgs(legacy ? [parts[0], parts[1]] : [parts[0], parts[1], string.Empty], false, true);
        }

        var args = ImmutableArray.CreateBuilder<string>(words.Count * (legacy ? 2 : 3));
        foreach (var word in words)
        {
            int eq = word.IndexOf('=');
            if (eq < 0)
            {
                throw ParseException.Syntax(
                    DiagnosticCodes.Syntax,
                    $"Syntax error - can't find = in {GoQuoting.Quote(word)}. Must be of the form: name=value",
                    range);
            }

            args.Add(word[..eq]);
            args.Add(word[(eq + 1)..]);
            if (!legacy)
            {
                args.Add("=");
            }
        }

        return new ParsedArgs(args.MoveToImmutable(), false, false);
    }

    private static ParsedArgs HealthConfig(string rest, bool legacy, SourceRange range)
    {
        static bool IsSpaceAscii(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';
        int sep = 0;
        while (sep < rest.Length && !IsSpaceAscii(rest[sep]))
        {
            sep++;
        }

        int next = sep;
        while (next < rest.Length && IsSpaceAscii(rest[next]))
        {
            next++;
        }

        if (sep == 0)
        {
            return new ParsedArgs([], false, false);
        }

        var cmd = MaybeJson(rest[next..], legacy, range);
        return new ParsedArgs([rest[..sep], .. cmd.Args], cmd.IsJson, false);
    }
}
