using System.CommandLine;
using CSharpFrontend.Frontend.Cli;
using CSharpFrontend.Frontend.Gateway;

// Started by buildkitd (`# syntax=` image): no arguments, gateway env vars set, gRPC over stdin/stdout.
if (GatewayEntry.IsGatewayInvocation(args, GatewayEnvironment.ProcessVariables()))
{
    return await GatewayEntry.RunFromProcessAsync();
}

var root = new RootCommand("csharp-frontend: a Dockerfile frontend for BuildKit (Dockerfile → LLB).")
{
    ParseCommand.Create(),
    TranslateCommand.Create(),
    LintCommand.Create(),
    TargetsCommand.Create(),
    OutlineCommand.Create(),
    ResolveCommand.Create(),
    DumpCommand.Create(),
};

// Usage errors (unknown option, missing value) go to stderr only, so nothing lands in a redirected output, and
// exit 2; the commands' own failures exit 1.
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine("error: " + error.Message);
    }

    Console.Error.WriteLine($"Run 'csharp-frontend {string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Take(1))} --help' for usage.".Replace("  ", " "));
    return 2;
}

return parsed.Invoke();
