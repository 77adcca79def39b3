using CSharpFrontend.Parser.Text;

namespace CSharpFrontend.Parser.Flags;

/// <summary>Builds the exception for a flag error at the current instruction.</summary>
internal interface IFlagErrorSink
{
    Exception FlagError(string message);
}

/// <summary>The instruction flags BuildKit knows for one instruction, and their parsing (BuildKit's <c>BFlags</c>).</summary>
/// <param name="args">The flag words of the node.</param>
/// <param name="sink">Makes the error of a bad flag.</param>
/// <param name="legacy">
/// BuildKit v0.11 names a flag without its dashes in error messages (<c>unknown flag: mont</c>); current BuildKit
/// as written (<c>unknown flag: --mont</c>). The suggestion is the bare name in both.
/// </param>
internal sealed class BuildFlags(IReadOnlyList<string> args, IFlagErrorSink sink, bool legacy = false)
{
    private enum Kind
    {
        Bool,
        String,
        Strings,
    }

    private sealed class FlagValue(Kind kind)
    {
        public Kind Kind { get; } = kind;

        public string Value { get; set; } = string.Empty;

        public List<string> Values => field ??= [];
    }

    private readonly List<KeyValuePair<string, FlagValue>> _defined = new(4);
    private List<string>? _used;

    private FlagValue? Find(string name)
    {
        foreach (var kv in _defined)
        {
            if (kv.Key == name)
            {
                return kv.Value;
            }
        }

        return null;
    }

    public BuildFlags AddBool(string name, bool def = false)
    {
        _defined.Add(new(name, new FlagValue(Kind.Bool) { Value = def ? "true" : "false" }));
        return this;
    }

    public BuildFlags AddString(string name, string def = "")
    {
        _defined.Add(new(name, new FlagValue(Kind.String) { Value = def }));
        return this;
    }

    public BuildFlags AddStrings(string name)
    {
        _defined.Add(new(name, new FlagValue(Kind.Strings)));
        return this;
    }

    public IReadOnlyList<string> Used => (IReadOnlyList<string>?)_used ?? [];

    public bool IsUsed(string name) => _used?.Contains(name) == true;

    /// <summary>The value of a string flag; empty when the dialect does not define it.</summary>
    public string String(string name) => Find(name)?.Value ?? string.Empty;

    /// <summary>The value of a boolean flag; false when the dialect does not define it.</summary>
    public bool Bool(string name) => Find(name)?.Value == "true";

    /// <summary>The values of a repeatable flag; none when the dialect does not define it.</summary>
    public IReadOnlyList<string> Strings(string name) => (IReadOnlyList<string>?)Find(name)?.Values ?? [];

    /// <summary>Checks the given flags against the defined ones; throws with BuildKit's message on the first problem.</summary>
    public void Parse()
    {
        foreach (var a in args)
        {
            if (a == "--")
            {
                return;
            }

            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                throw sink.FlagError($"arg should start with -- : {a}");
            }

            var (arg, given) = Grammar.DockerfileGrammar.Flag(a)!.Value;
            bool hasValue = given is not null;
            string value = given ?? string.Empty;

            string shown = legacy ? arg : "--" + arg;
            var flag = Find(arg) ?? throw sink.FlagError(Suggest.Wrap($"unknown flag: {shown}", arg, _defined.Select(kv => kv.Key), caseSensitive: true));
            _used ??= [];
            if (_used.Contains(arg))
            {
                if (flag.Kind != Kind.Strings)
                {
                    throw sink.FlagError($"duplicate flag specified: {shown}");
                }
            }
            else
            {
                _used.Add(arg);
            }

            switch (flag.Kind)
            {
                case Kind.Bool:
                    if (hasValue && value.Length == 0)
                    {
                        throw sink.FlagError($"missing a value on flag: {shown}");
                    }

                    switch (value.ToLowerInvariant())
                    {
                        case "true" or "":
                            flag.Value = "true";
                            break;
                        case "false":
                            flag.Value = "false";
                            break;
                        default:
                            throw sink.FlagError($"expecting boolean value for flag {shown}, not: {value}");
                    }

                    break;
                case Kind.String:
                    if (!hasValue)
                    {
                        throw sink.FlagError($"missing a value on flag: {shown}");
                    }

                    flag.Value = value;
                    break;
                default:
                    if (!hasValue)
                    {
                        throw sink.FlagError($"missing a value on flag: {shown}");
                    }

                    flag.Values.Add(value);
                    break;
            }
        }
    }
}
