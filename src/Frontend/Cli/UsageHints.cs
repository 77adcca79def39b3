using System.CommandLine;

namespace CSharpFrontend.Frontend.Cli;

/// <summary>
/// Usage errors a newcomer makes, said plainly before System.CommandLine's generic ones: a misspelt command
/// (<c>translat</c>) or option (<c>--plaform</c>, which the parser would otherwise take for the PATH argument), each
/// with the closest known name.
/// </summary>
internal static class UsageHints
{
    private static readonly string[] GlobalOptions = ["-h", "--help", "-?", "/?", "/h", "--version"];

    /// <summary>The problems found in <paramref name="args"/>, one message each (empty when none).</summary>
    public static IReadOnlyList<string> Find(Command root, IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith('-'))
        {
            return [];
        }

        var command = root.Subcommands.FirstOrDefault(c => c.Name == args[0] || c.Aliases.Contains(args[0]));
        if (command is null)
        {
            return [$"unknown command '{args[0]}'{Suggest(args[0], root.Subcommands.Select(c => c.Name))}"];
        }

        var problems = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            var token = args[i];
            if (token == "--")
            {
                break;
            }

            if (token.Length < 2 || token[0] != '-')
            {
                continue;
            }

            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? token : token[..equals];
            if (Array.IndexOf(GlobalOptions, name) >= 0)
            {
                continue;
            }

            if (Find(command, name) is { } option)
            {
                if (option.Arity.MinimumNumberOfValues > 0 && equals < 0)
                {
                    i++;
                }

                continue;
            }

            problems.Add($"unknown option '{name}' for '{command.Name}'{Suggest(name, command.Options.Select(o => o.Name))}");
        }

        return problems;
    }

    /// <summary>The option of <paramref name="command"/> called <paramref name="name"/> (or one of its aliases).</summary>
    private static Option? Find(Command command, string name)
    {
        foreach (var option in command.Options)
        {
            if (option.Name == name || option.Aliases.Contains(name))
            {
                return option;
            }
        }

        return null;
    }

    private static string Suggest(string typed, IEnumerable<string> known)
    {
        var best = known.Select(k => (Name: k, Distance: Distance(typed, k))).OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, typed.Length / 4) ? $" (did you mean {best.Name}?)" : "";
    }

    /// <summary>Levenshtein distance (two rows: memory linear in the shorter name).</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
