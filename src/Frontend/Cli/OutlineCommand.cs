using System.CommandLine;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Frontend.Cli;

/// <summary><c>outline [FILE|-]</c>: the build args, secrets and SSH sockets a target needs (the <c>frontend.outline</c> subrequest).</summary>
internal static class OutlineCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Dockerfile to read, or - for standard input", DefaultValueFactory = _ => "Dockerfile" };
        var target = new Option<string?>("--target") { Description = "stage to outline (default: the last one)" };
        var buildArgs = (new Option<string[]>("--build-arg") { Description = "build argument KEY=VALUE (repeatable)" }).AsGiven();
        var platform = new Option<string?>("--platform") { Description = "target platform (default: linux/amd64)" };
        var json = new Option<bool>("--json") { Description = "print the subrequest's JSON result instead of tables" };
        var compat = CompatOption.Create();
        var command = new Command("outline", "Show what building a target asks of its user: build args (with values and descriptions), secrets, SSH sockets.\n\nExamples:\n  csharp-frontend outline Dockerfile\n  csharp-frontend outline --target build --build-arg VERSION=2 --json Dockerfile")
        {
            file, target, buildArgs, platform, json, compat,
        };
        command.SetAction(result => Run(
            result.GetValue(file)!, result.GetValue(target), result.Given(buildArgs), result.GetValue(platform), result.GetValue(json),
            CompatOption.Profile(result.GetValue(compat))));
        return command;
    }

    private static int Run(string path, string? target, string[] buildArgs, string? platform, bool json, Converter.Profiles.BuildKitProfile profile)
    {
        if (InputFile.TryRead(path, Console.Error) is not { } input)
        {
            return 1;
        }

        if (KeyValueArguments.Parse(buildArgs, "--build-arg") is not { } args)
        {
            return 2;
        }

        try
        {
            var options = OfflineConvertOptions.Create(target, platform) with
            {
                Profile = profile,
                BuildArgs = args,

                // Nothing is sent anywhere: the 16 MiB gRPC limit of a definition does not apply to an outline,
                // and, as upstream's outline, nothing is marshalled.
                MaxDefinitionBytes = long.MaxValue,
                MarshalDefinition = false,
            };
            var outline = DockerfileConverter.ConvertAsync(input.Text, options).AsTask().GetAwaiter().GetResult().Outline;
            StandardOutput.Write(json ? outline.ToJson() + "\n" : outline.ToText());
            return 0;
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return 2;
        }
        catch (ConvertException ex)
        {
            DiagnosticPrinter.PrintConvertError(Console.Error, input, "outline", ex);
            return 1;
        }
    }
}
