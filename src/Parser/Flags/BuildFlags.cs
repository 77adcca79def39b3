using CSharpFrontend.Parser.Text;

namespace CSharpFrontend.Parser.Flags;

/// <summary>The instruction flags BuildKit knows for one instruction, and their parsing (BuildKit's <c>BFlags</c>).</summary>
internal sealed class BuildFlags(IReadOnlyList<string> args, Func<string, Exception> fail)
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

        public List<string> Values { get; } = [];
    }

    private readonly Dictionary<string, FlagValue> _defined = new(StringComparer.Ordinal);
    private readonly List<string> _used = [];

    public BuildFlags AddBool(string name, bool def = false)
    {
        _defined[name] = new FlagValue(Kind.Bool) { Value = def ? "true" : "false" };
        return this;
    }

    public BuildFlags AddString(string name, string def = "")
    {
        _defined[name] = new FlagValue(Kind.String) { Value = def };
        return this;
    }

    public BuildFlags AddStrings(string name)
    {
        _defined[name] = new FlagValue(Kind.Strings);
        return this;
    }

    public IReadOnlyList<string> Used => _used;

    public bool IsUsed(string name) => _used.Contains(name);

    public string String(string name) => _defined[name].Value;

    public bool Bool(string name) => _defined[name].Value == "true";

    public IReadOnlyList<string> Strings(string name) => _defined[name].Values;

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
                throw fail($"arg should start with -- : {a}");
            }

            string arg = a[2..];
            string value = string.Empty;
            int eq = arg.IndexOf('=');
            bool hasValue = eq >= 0;
            if (hasValue)
            {
                value = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            if (!_defined.TryGetValue(arg, out var flag))
            {
                throw fail(Suggest.Wrap($"unknown flag: {arg}", arg, _defined.Keys, caseSensitive: true));
            }

            if (_used.Contains(arg))
            {
                if (flag.Kind != Kind.Strings)
                {
                    throw fail($"duplicate flag specified: {arg}");
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
                        throw fail($"missing a value on flag: {arg}");
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
                            throw fail($"expecting boolean value for flag {arg}, not: {value}");
                    }

                    break;
                case Kind.String:
                    if (!hasValue)
                    {
                        throw fail($"missing a value on flag: {arg}");
                    }

                    flag.Value = value;
                    break;
                default:
                    if (!hasValue)
                    {
                        throw fail($"missing a value on flag: {arg}");
                    }

                    flag.Values.Add(value);
                    break;
            }
        }
    }
}
