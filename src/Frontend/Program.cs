using System.CommandLine;
using CSharpFrontend.Frontend.Cli;
using CSharpFrontend.Frontend.Gateway;

// Started by buildkitd (`# syntax=` image): no arguments, gateway env vars set, gRPC over stdin/stdout.
if (GatewayEntry.IsGatewayInvocation(args, GatewayEnvironment.ProcessVariables))
{
    return await GatewayEntry.RunFromProcessAsync();
}

// An output that fails (a full disk, a closed pipe, a missing directory) is one located line and exit 1, not a
// stack trace.
try
{
    return CommandTree.TryRunSimple(args) ?? Parse(args);
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return 1;
}

// Usage errors (unknown option, missing value) go to stderr only, so nothing lands in a redirected output, and
// exit 2; the commands' own failures exit 1.
static int Parse(string[] args)
{
    var (root, parsed, hints) = CommandTree.Parse(args);
    if (hints.Count > 0 || parsed.Errors.Count > 0)
    {
        foreach (var message in hints.Count > 0 ? hints : parsed.Errors.Select(e => e.Message))
        {
            Console.Error.WriteLine("error: " + message);
        }

        var known = args.Take(1).Where(a => root.Subcommands.Any(c => c.Name == a));
        Console.Error.WriteLine($"Run 'csharp-frontend {string.Join(' ', known)} --help' for usage.".Replace("  ", " "));
        return 2;
    }

    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
