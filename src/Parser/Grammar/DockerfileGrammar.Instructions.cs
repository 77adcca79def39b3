using System.Collections.Immutable;
using CSharpFrontend.Parser.Text;
using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace CSharpFrontend.Parser.Grammar;

/// <summary>The argument forms of each instruction (BuildKit's dispatch table of line parsers).</summary>
internal sealed partial class DockerfileGrammar
{
    /// <summary>An instruction's arguments as BuildKit's node holds them.</summary>
    /// <param name="Args">The argument words.</param>
    /// <param name="IsJson">Read in JSON (exec) form.</param>
    /// <param name="LegacyKeyValue">ENV/LABEL in the <c>KEY value</c> form.</param>
    /// <param name="Error">BuildKit's message when the line is rejected.</param>
    public readonly record struct Arguments(ImmutableArray<string> Args, bool IsJson = false, bool LegacyKeyValue = false, string? Error = null);

    internal const string NotStringArrayMessage = "when using JSON array syntax, arrays must be comprised of strings only";

    /// <summary>Reads <paramref name="rest"/> (trimmed) in the form of instruction <paramref name="keyword"/>.</summary>
    public Arguments InstructionArguments(string keyword, string rest) => keyword.ToLowerInvariant() switch
    {
        "add" or "copy" or "volume" => JsonOr(rest, shell: WhitespaceDelimited),
        "cmd" or "entrypoint" or "run" or "shell" => rest.Length == 0 ? new([]) : JsonOr(rest, shell: r => [r]),
        "env" => KeyValuePairs(rest, "ENV"),
        "label" => KeyValuePairs(rest, "LABEL"),
        "arg" => new([.. Words(rest)]),
        "expose" or "from" => new(WhitespaceDelimited(rest)),
        "healthcheck" => HealthCheck(rest),
        "maintainer" or "stopsignal" or "user" or "workdir" => new(rest.Length == 0 ? [] : [rest]),
        "onbuild" => new([]),
        _ => new([string.Empty]),
    };

    /// <summary>The JSON array form, or the instruction's shell form when the text is not JSON (parseMaybeJSON*).</summary>
    private Arguments JsonOr(string rest, Func<string, ImmutableArray<string>> shell) =>
        JsonArrayGrammar.Parse(GoText.TrimLeftSpace(rest), Legacy, out var items) switch
        {
            JsonArrayOutcome.Strings => new([.. items], IsJson: true),
            JsonArrayOutcome.NotStringArray => new([], Error: NotStringArrayMessage),
            _ => new(shell(rest)),
        };

    /// <summary>
    /// ENV and LABEL (parseNameVal): <c>k=v k2=v2</c> words, or the legacy <c>KEY value</c> when the first word has no
    /// <c>=</c>. Current BuildKit keeps each pair's separator as a third word; v0.11 has key and value only.
    /// </summary>
    private Arguments KeyValuePairs(string rest, string instruction)
    {
        var words = Words(rest);
        if (words.Count == 0)
        {
            return new([]);
        }

        if (!words[0].Contains('='))
        {
            return LegacyKeyValue(rest) is { } pair
                ? new(Legacy ? [pair.Key, pair.Value] : [pair.Key, pair.Value, string.Empty], LegacyKeyValue: true)
                : new([], Error: $"{instruction} must have two arguments");
        }

        var args = ImmutableArray.CreateBuilder<string>(words.Count * (Legacy ? 2 : 3));
        foreach (var word in words)
        {
            int eq = word.IndexOf('=');
            if (eq < 0)
            {
                return new([], Error: $"Syntax error - can't find = in {Shared.GoQuoting.Quote(word)}. Must be of the form: name=value");
            }

            args.Add(word[..eq]);
            args.Add(word[(eq + 1)..]);
            if (!Legacy)
            {
                args.Add("=");
            }
        }

        return new(args.MoveToImmutable());
    }

    /// <summary>
    /// HEALTHCHECK (parseHealthConfig): a type word up to the first blank byte, then the command in JSON or shell
    /// form. BuildKit looks at bytes here too.
    /// </summary>
    private static readonly Parser<char, (string Type, int Next)> HealthCheckType =
        Run(c => !ByteView.IsSpace(c), atLeastOnce: false).Before(CharRun.Many(ByteView.IsSpace)).Then(CurrentOffset, (t, next) => (t, next));

    private Arguments HealthCheck(string rest)
    {
        var view = ByteView.Of(rest);
        var (type, next) = HealthCheckType.ParseOrThrow(view.Text);
        if (type.Length == 0)
        {
            return new([]);
        }

        string command = view.Rest(next);
        var cmd = command.Length == 0 ? new Arguments([]) : JsonOr(command, shell: r => [r]);
        return cmd with { Args = [view.Slice(0, type.Length), .. cmd.Args] };
    }

    // ---------------------------------------------------------------------------------------------------------
    // The instruction layer's readings (instructions package): a flag word, a stage name, the ONBUILD keyword.
    // ---------------------------------------------------------------------------------------------------------

    /// <summary>A flag word as BFlags reads it: <c>--</c>, the name up to the first <c>=</c>, the value after it.</summary>
    private static readonly Parser<char, (string Name, string? Value)> FlagAssignment =
        String("--").Then(Run(c => c != '=', atLeastOnce: false))
            .Then(Char('=').Then(Run(_ => true, atLeastOnce: false)).Maybe(), (name, value) => (name, value.HasValue ? value.Value : null));

    /// <summary>Name and value (null without <c>=</c>) of a flag word; null when it does not start with <c>--</c>.</summary>
    public static (string Name, string? Value)? Flag(string word)
    {
        var r = FlagAssignment.Parse(word);
        return r.Success ? r.Value : null;
    }

    /// <summary>A build stage name (lower-cased): <c>^[a-z][a-z0-9-_.]*$</c>.</summary>
    private static readonly Parser<char, Unit> StageNameGrammar =
        Token(char.IsAsciiLetterLower).Then(CharRun.Many(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.')).Then(End);

    public static bool IsValidStageName(string name) => StageNameGrammar.Parse(name).Success;

    /// <summary>
    /// <c>(?i)^\s*ONBUILD\s*</c>: what BuildKit removes from an ONBUILD line to store its trigger. The result is where
    /// the trigger starts, or 0 when the line does not start that way.
    /// </summary>
    private static readonly Parser<char, int> OnbuildKeyword =
        RegexpSpaces.Then("onbuild".Select(c => Token(t => t == c || t == char.ToUpperInvariant(c))).Aggregate((a, b) => a.Then(b)))
            .Then(RegexpSpaces).Then(CurrentOffset);

    public static string WithoutOnbuildKeyword(string original) =>
        OnbuildKeyword.Parse(original) is { Success: true } r ? original[r.Value..] : original;
}
