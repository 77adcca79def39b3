using System.Collections.Immutable;
using System.CommandLine;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Frontend.Cli;

/// <summary><c>translate [PATH|-]</c>: Dockerfile → binary <c>pb.Definition</c> (and the image config).</summary>
internal static class TranslateCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("PATH") { Description = "Dockerfile to read, or - for standard input", DefaultValueFactory = _ => "Dockerfile" };
        var platform = new Option<string?>("--platform") { Description = "target platform, e.g. linux/arm64 (default: linux/amd64; the build platform is linux/amd64)" };
        var target = new Option<string?>("--target") { Description = "stage to build (default: the last one)" };
        var buildArgs = (new Option<string[]>("--build-arg") { Description = "build argument KEY=VALUE (repeatable)", AllowMultipleArgumentsPerToken = false }).AsGiven();
        var labels = (new Option<string[]>("--label") { Description = "image label KEY=VALUE added to the target's config (repeatable)" }).AsGiven();
        var buildContexts = new Option<string[]>("--build-context")
        {
            Description = "named context NAME=VALUE (repeatable): docker-image://REF, a git or http(s) URL, local:NAME, or a directory (sent as the local NAME)",
        }.AsGiven();
        var context = new Option<string?>("--context")
        {
            Description = "the context directory that will be sent as the local `context`: its .dockerignore (or <Dockerfile>.dockerignore) gives the context's exclude patterns, as in a build",
        };
        var imageMetadata = new Option<string?>("--image-metadata") { Description = "base-image metadata file (a lock file of digests and configs)" };
        var localUniqueId = new Option<string>("--local-unique-id") { Description = "value of local.unique on local sources", DefaultValueFactory = _ => "csharp-frontend" };
        var imageConfig = new Option<string?>("--image-config") { Description = "write the image config JSON to this file" };
        var format = new Option<string>("--format") { Description = "pb (binary pb.Definition), json (one line per op, as `buildctl debug dump-llb`) or dot (Graphviz)", DefaultValueFactory = _ => "pb" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output", "-o") { Description = "write the definition to this file instead of standard output" };
        var compat = CompatOption.Create();
        var command = new Command("translate", "Translate a Dockerfile into an LLB definition (pb.Definition) for `buildctl build`.\n\nExamples:\n  csharp-frontend translate Dockerfile > def.pb\n  csharp-frontend translate --platform linux/arm64 --build-arg VERSION=2 -o def.pb Dockerfile\n  csharp-frontend translate --context . Dockerfile | buildctl build --local context=. --local dockerfile=.\n  csharp-frontend translate --build-context tools=docker-image://busybox:1.36 --build-context lib=../lib Dockerfile \\\n    | buildctl build --local context=. --local dockerfile=. --local lib=../lib")
        {
            file, platform, target, buildArgs, labels, buildContexts, context, imageMetadata, localUniqueId, imageConfig, format, output, compat,
        };
        command.SetAction(result => Run(
            result.GetValue(file)!,
            result.GetValue(platform),
            result.GetValue(target),
            result.Given(buildArgs),
            result.Given(labels),
            result.Given(buildContexts),
            result.GetValue(context),
            result.GetValue(imageMetadata),
            result.GetValue(localUniqueId)!,
            result.GetValue(imageConfig),
            result.GetValue(format)!,
            result.GetValue(output),
            CompatOption.Profile(result.GetValue(compat))));
        return command;
    }

    /// <summary>The same options, read by <see cref="SimpleCommandLine"/> (<c>SimpleCommandLineTests</c> compares them).</summary>
    public static SimpleCommand Simple { get; } = new(
        [
            new("--platform"), new("--target"), new("--build-arg", Repeatable: true), new("--label", Repeatable: true),
            new("--build-context", Repeatable: true), new("--context"), new("--image-metadata"), new("--local-unique-id"),
            new("--image-config"), new("--format", Allowed: Formats), new("--output", Alias: "-o"),
            new("--compat", Accepts: value => Converter.Profiles.BuildKitProfile.Find(value) is not null),
        ],
        line => Run(
            line.Arguments.Count > 0 ? line.Arguments[0] : "Dockerfile",
            line.Value("--platform"),
            line.Value("--target"),
            line.Values("--build-arg"),
            line.Values("--label"),
            line.Values("--build-context"),
            line.Value("--context"),
            line.Value("--image-metadata"),
            line.Value("--local-unique-id") ?? "csharp-frontend",
            line.Value("--image-config"),
            line.Value("--format") ?? "pb",
            line.Value("--output"),
            CompatOption.Profile(line.Value("--compat"))),
        MaxArguments: 1);

    private static string[] Formats => ["pb", "json", "dot"];

    private static int Run(string path, string? platform, string? target, string[] buildArgs, string[] labels, string[] buildContexts, string? contextDirectory, string? imageMetadata, string localUniqueId, string? imageConfigPath, string format, string? outputPath, Converter.Profiles.BuildKitProfile profile)
    {
        if (format == "pb" && outputPath is null && !Console.IsOutputRedirected)
        {
            Console.Error.WriteLine("error: refusing to write a binary definition to a terminal; redirect standard output or use -o FILE");
            return 2;
        }

        ConvertOptions options;
        try
        {
            options = OfflineConvertOptions.Create(target, platform) with { Profile = profile, LocalUniqueId = localUniqueId };
            if (KeyValueArguments.Parse(buildArgs, "--build-arg") is not { } args || KeyValueArguments.Parse(labels, "--label") is not { } labelValues
                || BuildContextArguments.Parse(buildContexts) is not { } contexts)
            {
                return 2;
            }

            options = options with
            {
                BuildArgs = args,
                Labels = labelValues,
                Excludes = ContextExcludes.Read(path, contextDirectory),
                SourceDateEpoch = SourceDateEpoch.FromBuildArgs(args),
            };
            if (imageMetadata is not null)
            {
                options = options with { ImageResolver = FileImageMetadataResolver.Load(imageMetadata) };
            }

            if (!contexts.Contexts.IsEmpty)
            {
                options = options with
                {
                    NamedContexts = new Converter.Dockerfile.Contexts.NamedContextLookup(
                        contexts.Contexts, LlbPlatform.LinuxAmd64, options.ImageResolver, new OfflineContextLoader(contexts.Directories), options.Profile),
                };
            }
        }
        catch (Exception ex) when (ex is FormatException or IOException or ImageConfigFormatException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return 1;
        }

        if (InputFile.TryRead(path, Console.Error) is not { } input)
        {
            return 1;
        }

        ConvertResult result;
        try
        {
            result = DockerfileConverter.ConvertAsync(input.Text, options).AsTask().GetAwaiter().GetResult();
        }
        catch (ConvertException ex)
        {
            DiagnosticPrinter.PrintConvertError(Console.Error, input, "convert", ex);
            if (StageHint.For(ex.Message, input.Text) is { } hint)
            {
                Console.Error.WriteLine(hint);
            }

            return 1;
        }
        catch (IOException ex)
        {
            // A named context's directory could not be read (e.g. its .dockerignore is not a regular file).
            Console.Error.WriteLine("error: " + ex.Message);
            return 1;
        }

        foreach (var warning in result.Warnings)
        {
            DiagnosticPrinter.Print(Console.Error, input, warning);
        }

        var bytes = result.Definition.ToBytes();
        if (format != "pb")
        {
            var ops = Dump.DefinitionReader.Read(bytes);
            bytes = format == "json" ? Dump.JsonLinesDump.Render(ops, Dump.DumpFormat.For(profile)) : System.Text.Encoding.UTF8.GetBytes(Dump.DotGraph.Render(ops));
        }

        byte[]? configBytes = null;
        if (imageConfigPath is not null)
        {
            try
            {
                configBytes = System.Text.Encoding.UTF8.GetBytes(ImageConfigWriter.ToIndentedJson(result.Image, result.ImageLayout) + "\n");
            }
            catch (InvalidOperationException ex)
            {
                Console.Error.WriteLine("error: failed to marshal image config: " + ex.Message);
                return 1;
            }
        }

        try
        {
            // Both files, or neither: each is prepared before either replaces its target.
            using var files = new AtomicFile();
            if (outputPath is not null)
            {
                files.Add(outputPath, bytes);
            }

            if (imageConfigPath is not null)
            {
                files.Add(imageConfigPath, configBytes);
            }

            if (outputPath is null)
            {
                WriteStandardOutput(bytes);
            }

            files.Commit();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return 1;
        }

        return 0;
    }

    private static void WriteStandardOutput(byte[] bytes)
    {
        try
        {
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(bytes);
            stdout.Flush();
        }
        catch (IOException ex)
        {
            throw new IOException("cannot write standard output: " + ex.Message, ex);
        }
    }
}
