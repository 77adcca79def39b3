using System.CommandLine;
using CSharpFrontend.Frontend.Cli;

var root = new RootCommand("csharp-frontend: a Dockerfile frontend for BuildKit (Dockerfile → LLB).")
{
    ParseCommand.Create(),
    TranslateCommand.Create(),
};

return root.Parse(args).Invoke();
