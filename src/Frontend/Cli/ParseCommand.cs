using System.CommandLine;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Frontend.Cli;

/// <summary><c>parse [FILE|-]</c>: prints the Dockerfile's AST in BuildKit's dump format.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Dockerfile to read, or - for standard input", DefaultValueFactory = _ => "Dockerfile" };
        var compat = CompatOption.Create();
        var command = new Command("parse", "Print the Dockerfile's syntax tree, one s-expression per instruction.\n\nExamples:\n  csharp-frontend parse Dockerfile\n  cat Dockerfile | csharp-frontend parse -")
        {
            file, compat,
        };
        command.SetAction(result => Run(result.GetValue(file)!, CompatOption.Profile(result.GetValue(compat))));
        return command;
    }

    private static int Run(string path, Converter.Profiles.BuildKitProfile profile)
    {
        if (InputFile.TryRead(path, Console.Error) is not { } input)
        {
            return 1;
        }

        // The syntax tree is BuildKit's parser level: instruction-level problems are translate's to report.
        var parsed = DockerfileParser.Parse(input.Text, new ParseOptions { BuildInstructions = false, Dialect = profile.ParserDialect });
        foreach (var diagnostic in parsed.Diagnostics)
        {
            DiagnosticPrinter.Print(Console.Error, input, diagnostic);
        }

        if (parsed.HasErrors || parsed.Syntax is null)
        {
            return 1;
        }

        StandardOutput.Write(AstDump.Render(parsed.Syntax));
        return 0;
    }
}
