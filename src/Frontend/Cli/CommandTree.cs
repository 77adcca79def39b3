using System.CommandLine;

namespace CSharpFrontend.Frontend.Cli;

/// <summary>
/// The command line: the commands under one root, and the parse of the process's arguments.
/// </summary>
/// <remarks>
/// System.CommandLine's <see cref="RootCommand"/> adds <c>--help</c> and <c>--version</c>, whose descriptions come
/// from its resources; loading them is about a twentieth of a short run's start-up in the NativeAOT binary (the
/// runtime reflects over the assembly for its neutral language). An invocation that names neither (nor a
/// <c>[directive]</c>) and parses cleanly is therefore parsed under a plain root with the same commands. Any other
/// invocation (help, version, a usage error) is parsed again under the <see cref="RootCommand"/>, so everything the
/// user sees there is System.CommandLine's own.
/// </remarks>
internal static class CommandTree
{
    private const string Description = "csharp-frontend: a Dockerfile frontend for BuildKit (Dockerfile → LLB).";

    /// <summary>The tokens that <see cref="RootCommand"/> gives a meaning of its own.</summary>
    private static readonly string[] RootTokens = ["-h", "/h", "-?", "/?", "--help", "--version"];

    /// <summary>The commands by name, in the order help lists them.</summary>
    internal static readonly (string Name, Func<Command> Create)[] Commands =
    [
        ("parse", ParseCommand.Create),
        ("translate", TranslateCommand.Create),
        ("lint", LintCommand.Create),
        ("targets", TargetsCommand.Create),
        ("outline", OutlineCommand.Create),
        ("resolve", ResolveCommand.Create),
        ("dump", () => DumpCommand.Create()),
    ];

    /// <summary>
    /// Runs the command <paramref name="args"/> name when it reads them in the simple forms
    /// (<see cref="SimpleCommandLine"/>); null when it does not, and the command line is System.CommandLine's to parse.
    /// </summary>
    public static int? TryRunSimple(IReadOnlyList<string> args)
    {
        var command = args.Count == 0 ? null : args[0] switch
        {
            "lint" => LintCommand.Simple,
            "translate" => TranslateCommand.Simple,
            _ => null,
        };
        return command is not null && SimpleCommandLine.TryRead(args, 1, command) is { } line ? command.Run(line) : null;
    }

    /// <summary>The root with help and version, as System.CommandLine makes it.</summary>
    public static RootCommand CreateRoot() => WithCommands(new RootCommand(Description), Commands.Select(c => c.Create));

    /// <summary>The parse of <paramref name="args"/>, the root it was parsed under, and the usage hints for them.</summary>
    public static (Command Root, ParseResult Parsed, IReadOnlyList<string> Hints) Parse(IReadOnlyList<string> args)
    {
        // Only the command named first is built under the plain root (the commands' options are most of the
        // command line's start-up); anything else is parsed under the whole root.
        var named = args.Count > 0 ? Array.Find(Commands, c => c.Name == args[0]).Create : null;
        if (named is not null && !args.Any(a => RootTokens.Contains(a, StringComparer.Ordinal) || a.StartsWith('[')))
        {
            var plain = WithCommands(new Command(RootCommand.ExecutableName, Description), [named]);
            var parsed = plain.Parse(args);
            if (parsed.Errors.Count == 0 && UsageHints.Find(plain, args) is { Count: 0 } none)
            {
                return (plain, parsed, none);
            }
        }

        var root = CreateRoot();
        return (root, root.Parse(args), UsageHints.Find(root, args));
    }

    private static T WithCommands<T>(T root, IEnumerable<Func<Command>> commands)
        where T : Command
    {
        foreach (var create in commands)
        {
            root.Add(create());
        }

        return root;
    }
}
