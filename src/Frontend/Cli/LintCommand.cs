using System.CommandLine;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Lint;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Frontend.Lint;

namespace CSharpFrontend.Frontend.Cli;

/// <summary><c>lint [FILE|-]...</c>: BuildKit's build checks offline, as <c>docker build --check</c> reports them.</summary>
internal static class LintCommand
{
    public static Command Create()
    {
        var files = (new Argument<string[]>("FILE") { Description = "Dockerfiles to check, or - for standard input", Arity = ArgumentArity.ZeroOrMore }).AsGiven();
        var format = new Option<string>("--format") { Description = "text (as `docker build --check`), json (the lint subrequest's result.json; an array for several files) or sarif (SARIF 2.1.0)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(Formats);
        var platform = new Option<string?>("--platform") { Description = "target platform (default linux/amd64)" };
        var target = new Option<string?>("--target") { Description = "check only this stage and those it needs (default: every stage)" };
        var buildArgs = (new Option<string[]>("--build-arg") { Description = "build argument KEY=VALUE (repeatable); BUILDKIT_DOCKERFILE_CHECK=... overrides the # check= directive" }).AsGiven();
        var imageMetadata = new Option<string?>("--image-metadata") { Description = "base-image metadata file (from `resolve`): InvalidBaseImagePlatform compares with it" };
        var context = new Option<string?>("--context") { Description = "context directory whose .dockerignore CopyIgnoredFile uses" };
        var failOnWarning = new Option<bool>("--fail-on-warning") { Description = "exit 1 when any warning is reported, not only when the checks fail the build" };
        var command = new Command("lint", "Run BuildKit's build checks (rules, # check= directive) on Dockerfiles.\n\nExit status: 0 clean or warnings only, 1 a Dockerfile is rejected or error=true and a check fired (or any warning with --fail-on-warning), 2 usage.\n\nExamples:\n  csharp-frontend lint Dockerfile\n  csharp-frontend lint --format sarif $(git ls-files '*Dockerfile*') > lint.sarif\n  csharp-frontend lint --build-arg BUILDKIT_DOCKERFILE_CHECK='skip=all' -")
        {
            files, format, platform, target, buildArgs, imageMetadata, context, failOnWarning,
        };
        command.SetAction(result => Run(
            result.Given(files) is { Length: > 0 } given ? given : ["Dockerfile"],
            result.GetValue(format)!,
            result.GetValue(platform),
            result.GetValue(target),
            result.Given(buildArgs),
            result.GetValue(imageMetadata),
            result.GetValue(context),
            result.GetValue(failOnWarning)));
        return command;
    }

    /// <summary>The same options, read by <see cref="SimpleCommandLine"/> (<c>SimpleCommandLineTests</c> compares them).</summary>
    public static SimpleCommand Simple { get; } = new(
        [
            new("--format", Allowed: Formats), new("--platform"), new("--target"), new("--build-arg", Repeatable: true),
            new("--image-metadata"), new("--context"), new("--fail-on-warning", TakesValue: false),
        ],
        line => Run(
            line.Arguments.Count > 0 ? [.. line.Arguments] : ["Dockerfile"],
            line.Value("--format") ?? "text",
            line.Value("--platform"),
            line.Value("--target"),
            line.Values("--build-arg"),
            line.Value("--image-metadata"),
            line.Value("--context"),
            line.Flag("--fail-on-warning")));

    private static string[] Formats => ["text", "json", "sarif"];

    private static int Run(string[] paths, string format, string? platform, string? target, string[] buildArgs, string? imageMetadata, string? contextDirectory, bool failOnWarning)
    {
        ConvertOptions options;
        try
        {
            options = OfflineConvertOptions.Create(target, platform);
            if (KeyValueArguments.Parse(buildArgs, "--build-arg") is not { } args)
            {
                return 2;
            }

            options = options with { BuildArgs = args };
            if (imageMetadata is not null)
            {
                options = options with { ImageResolver = FileImageMetadataResolver.Load(imageMetadata) };
            }
        }
        catch (Exception ex) when (ex is FormatException or IOException or ImageConfigFormatException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return 1;
        }

        var results = new List<LintResult>();
        foreach (var path in paths)
        {
            byte[] data;
            try
            {
                data = path == "-" ? ReadStdin() : File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: cannot read {path}: {ex.Message}");
                return 1;
            }

            var fileOptions = options;
            try
            {
                fileOptions = options with { Excludes = ContextExcludes.Read(path, contextDirectory) };
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine("error: " + ex.Message);
                return 1;
            }

            results.Add(DockerfileLinter.LintAsync(data, path == "-" ? "Dockerfile" : path, fileOptions).AsTask().GetAwaiter().GetResult());
        }

        StandardOutput.Write(format switch
        {
            "json" => results.Count == 1 ? LintResultJson.Write(results[0]) + "\n" : "[\n" + string.Join(",\n", results.Select(r => LintResultJson.Write(r))) + "\n]\n",
            "sarif" => LintSarif.Write(results) + "\n",
            _ => string.Concat(results.Select(Text)),
        });
        var failed = results.Any(r => r.Error is not null || failOnWarning && !r.Warnings.IsEmpty);
        return failed ? 1 : 0;
    }

    private static string Text(LintResult result)
    {
        var text = LintText.Warnings(result);
        if (result.Error is not null)
        {
            text += "\nERROR: " + LintText.Error(result);
        }

        return text;
    }

    private static byte[] ReadStdin()
    {
        using var stdin = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        stdin.CopyTo(buffer);
        return buffer.ToArray();
    }
}
