namespace CSharpFrontend.Frontend.Cli;

/// <summary>An option of a command as <see cref="SimpleCommandLine"/> reads it.</summary>
/// <param name="Name">The option's name, <c>--</c> included.</param>
/// <param name="TakesValue">Whether it takes a value (otherwise it is a flag).</param>
/// <param name="Repeatable">Whether it may be given more than once.</param>
/// <param name="Allowed">The values it accepts, or null for any.</param>
/// <param name="Alias">Its other name (such as <c>-o</c>), if any.</param>
/// <param name="Accepts">A check of its value besides <paramref name="Allowed"/>, if any.</param>
internal sealed record OptionSpec(string Name, bool TakesValue = true, bool Repeatable = false, string[]? Allowed = null, string? Alias = null, Func<string, bool>? Accepts = null);

/// <summary>A command that can run from a <see cref="SimpleCommandLine"/>.</summary>
/// <param name="Options">Its options.</param>
/// <param name="Run">Runs it with the values read.</param>
/// <param name="MaxArguments">How many arguments it takes at most.</param>
internal sealed record SimpleCommand(OptionSpec[] Options, Func<SimpleCommandLine, int> Run, int MaxArguments = int.MaxValue);

/// <summary>
/// A command line in the forms scripts write (<c>COMMAND [--name VALUE | --name=VALUE | --flag | ARGUMENT]...</c>),
/// read without System.CommandLine. Building and running System.CommandLine's parser is about a fourteenth of a
/// short <c>lint</c> run in the NativeAOT binary, most of it the first run of its code. Anything else (help, an
/// unknown or repeated option, a value it does not accept, <c>--</c>, a response file, a directive, an option's
/// value that is empty or starts with <c>-</c> or <c>@</c>) is not read here: <see cref="TryRead"/> gives null and
/// System.CommandLine parses it, with its own messages. What is read here reads as System.CommandLine reads it
/// (<c>SimpleCommandLineTests</c>).
/// </summary>
internal sealed class SimpleCommandLine
{
    private readonly Dictionary<string, List<string>> _values;

    private SimpleCommandLine(Dictionary<string, List<string>> values, List<string> arguments) =>
        (_values, Arguments) = (values, arguments);

    /// <summary>The arguments, in order.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The value given for <paramref name="option"/>, or null.</summary>
    public string? Value(string option) => _values.TryGetValue(option, out var values) ? values[0] : null;

    /// <summary>The values given for <paramref name="option"/>, in order.</summary>
    public string[] Values(string option) => _values.TryGetValue(option, out var values) ? [.. values] : [];

    /// <summary>Whether the flag <paramref name="option"/> was given.</summary>
    public bool Flag(string option) => _values.ContainsKey(option);

    /// <summary>The command line after the command's name, or null when it is not in the simple forms.</summary>
    public static SimpleCommandLine? TryRead(IReadOnlyList<string> args, int start, SimpleCommand command)
    {
        var options = command.Options;
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var arguments = new List<string>();
        for (var i = start; i < args.Count; i++)
        {
            var token = args[i];
            if (token == "-" || (token.Length > 0 && token[0] is not '-' and not '@' and not '[' && token is not "/?" and not "/h"))
            {
                if (arguments.Count == command.MaxArguments)
                {
                    return null;
                }

                arguments.Add(token);
                continue;
            }

            // A long option, or a short alias given alone (System.CommandLine reads "-oFILE" and "-o=FILE" as well).
            var equals = token.StartsWith("--", StringComparison.Ordinal) ? token.IndexOf('=', StringComparison.Ordinal) : -1;
            var spec = Find(options, equals < 0 ? token : token[..equals]);
            if (spec is null || (!spec.Repeatable && values.ContainsKey(spec.Name)))
            {
                return null;
            }

            string value;
            if (!spec.TakesValue)
            {
                // A flag may take true or false as the next token: left to System.CommandLine.
                if (equals >= 0 || (i + 1 < args.Count && args[i + 1] is var next && (bool.TryParse(next, out _) || next.Length == 0)))
                {
                    return null;
                }

                value = "";
            }
            else if (equals >= 0 && equals + 1 < token.Length && token[equals + 1] != '@')
            {
                value = token[(equals + 1)..];
            }
            else if (equals < 0 && i + 1 < args.Count && args[i + 1] is { Length: > 0 } next && next[0] is not '-' and not '@')
            {
                value = args[++i];
            }
            else
            {
                return null;
            }

            if ((spec.Allowed is { } allowed && Array.IndexOf(allowed, value) < 0) || (spec.Accepts is { } accepts && !accepts(value)))
            {
                return null;
            }

            if (!values.TryGetValue(spec.Name, out var list))
            {
                values[spec.Name] = list = [];
            }

            list.Add(value);
        }

        return new SimpleCommandLine(values, arguments);
    }

    private static OptionSpec? Find(OptionSpec[] options, string name)
    {
        foreach (var option in options)
        {
            if (option.Name == name || option.Alias == name)
            {
                return option;
            }
        }

        return null;
    }
}
