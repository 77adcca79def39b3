using System.CommandLine;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Dockerfile.Subrequests;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Frontend.Cli;

/// <summary><c>targets [FILE|-]</c>: the stages a Dockerfile can build, as the <c>frontend.targets</c> subrequest lists them.</summary>
internal static class TargetsCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Dockerfile to read, or - for standard input", DefaultValueFactory = _ => "Dockerfile" };
        var json = new Option<bool>("--json") { Description = "print the subrequest's JSON result instead of a table" };
        var compat = CompatOption.Create();
        var command = new Command("targets", "List the build stages (targets) of a Dockerfile, with their descriptions.\n\nExamples:\n  csharp-frontend targets Dockerfile\n  csharp-frontend targets --json Dockerfile")
        {
            file, json, compat,
        };
        command.SetAction(result => Run(result.GetValue(file)!, result.GetValue(json), CompatOption.Profile(result.GetValue(compat))));
        return command;
    }

    private static int Run(string path, bool json, Converter.Profiles.BuildKitProfile profile)
    {
        if (InputFile.TryRead(path, Console.Error) is not { } input)
        {
            return 1;
        }

        try
        {
            var list = TargetList.From(input.Text, System.Text.Encoding.UTF8.GetBytes(input.Text), profile.ParserDialect);
            StandardOutput.Write(json ? list.ToJson() + "\n" : list.ToText());
            return 0;
        }
        catch (ConvertException ex)
        {
            DiagnosticPrinter.PrintConvertError(Console.Error, input, "targets", ex);
            return 1;
        }
    }
}
