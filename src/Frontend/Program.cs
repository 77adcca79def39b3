using System.CommandLine;
using CSharpFrontend.Frontend.Cli;

var root = new RootCommand("csharp-frontend: a Dockerfile frontend for BuildKit (Dockerfile → LLB).")
{
    ParseCommand.Create(),
    TranslateCommand.Create(),
    TargetsCommand.Create(),
};

return root.Parse(args).Invoke();
