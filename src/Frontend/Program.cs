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
    TargetsCommand.Create(),
    OutlineCommand.Create(),
    ResolveCommand.Create(),
    DumpCommand.Create(),
};

return root.Parse(args).Invoke();
