using System.Collections.Immutable;
using System.CommandLine;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Frontend.Resolve;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Frontend.Cli;

/// <summary>
/// <c>resolve [PATH|-] -o FILE</c>: looks up the base images the Dockerfile needs in their registries and writes an
/// image-metadata file (digests and configs) for <c>translate --image-metadata</c>.
/// </summary>
public static class ResolveCommand
{
    private const string Help =
        "Resolve the Dockerfile's base images against their registries and write an image-metadata file (a lock file of\n"
        + "digests and image configs) that makes `translate --image-metadata FILE` hermetic.\n\n"
        + "Only the stages the target needs are looked at, with build args and the platform applied, exactly as translate\n"
        + "would resolve them. Each image is read anonymously with the OCI distribution API (docker.io is served by\n"
        + "registry-1.docker.io); the digest recorded is the one the reference resolves to (a multi-platform image's index),\n"
        + "the config is the one of the platform's manifest, as the registry sent it. Everything downloaded is checked\n"
        + "against its digest. On any error nothing is written.\n\n"
        + "Examples:\n"
        + "  csharp-frontend resolve -o images.json Dockerfile\n"
        + "  csharp-frontend resolve --platform linux/arm64 --build-arg BASE=alpine:3.19 -o images.arm64.json Dockerfile\n"
        + "  csharp-frontend resolve --target build --insecure-registry registry.lan:5000 -o images.json Dockerfile\n"
        + "  csharp-frontend translate --image-metadata images.json -o def.pb Dockerfile";

    /// <summary>The <c>resolve</c> command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("PATH") { Description = "Dockerfile to read, or - for standard input", DefaultValueFactory = _ => "Dockerfile" };
        var platform = new Option<string?>("--platform") { Description = "target platform, e.g. linux/arm64 (default: linux/amd64, as translate)" };
        var target = new Option<string?>("--target") { Description = "stage to build (default: the last one)" };
        var buildArgs = (new Option<string[]>("--build-arg") { Description = "build argument KEY=VALUE (repeatable)", AllowMultipleArgumentsPerToken = false }).AsGiven();
        var output = new Option<string?>("--output", "-o") { Description = "the image-metadata file to write (required)" };
        var insecure = new Option<string[]>("--insecure-registry")
        {
            Description = "registry HOST[:PORT] to reach over plain HTTP (repeatable; localhost and 127.0.0.0/8 always are)",
            AllowMultipleArgumentsPerToken = false,
        }.AsGiven();
        var timeout = new Option<int>("--timeout") { Description = "seconds to wait for each registry request", DefaultValueFactory = _ => 60 };
        var command = new Command("resolve", Help) { file, platform, target, buildArgs, output, insecure, timeout };
        command.SetAction((result, cancellationToken) => RunAsync(
            new ResolveRequest(
                result.GetValue(file)!,
                result.GetValue(platform),
                result.GetValue(target),
                result.Given(buildArgs),
                result.GetValue(output),
                result.Given(insecure),
                result.GetValue(timeout)),
            result.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ResolveRequest request, TextWriter error, CancellationToken cancellationToken)
    {
        if (request.OutputPath is null)
        {
            await error.WriteLineAsync("error: resolve needs -o FILE, the image-metadata file to write").ConfigureAwait(false);
            return 2;
        }

        if (request.TimeoutSeconds <= 0)
        {
            await error.WriteLineAsync("error: --timeout must be a positive number of seconds").ConfigureAwait(false);
            return 2;
        }

        ConvertOptions options;
        try
        {
            options = Options(request);
        }
        catch (FormatException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 2;
        }

        InputFile input;
        try
        {
            input = InputFile.Read(request.Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: cannot read {request.Path}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        ImageLock imageLock;
        using (var client = new RegistryClient(new RegistryHosts(request.InsecureRegistries), TimeSpan.FromSeconds(request.TimeoutSeconds)))
        {
            var registry = new RegistryImageResolver(client);
            try
            {
                imageLock = await DockerfileLocker.LockAsync(input.Text, options, registry.ResolveAsync, cancellationToken).ConfigureAwait(false);
            }
            catch (ConvertException ex)
            {
                DiagnosticPrinter.PrintConvertError(error, input, "convert", ex);
                return 1;
            }
            catch (ResolveException ex)
            {
                await error.WriteLineAsync($"error: cannot resolve {ex.Message}").ConfigureAwait(false);
                return 1;
            }
        }

        try
        {
            AtomicFile.Write(request.OutputPath, ImageMetadataFileWriter.Write(imageLock));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 1;
        }

        foreach (var image in imageLock.Images.Values)
        {
            await error.WriteLineAsync($"{image.Key} {image.Platform} -> {image.Digest}").ConfigureAwait(false);
            if (image.Warning is { } warning)
            {
                await error.WriteLineAsync("warning: " + warning).ConfigureAwait(false);
            }
        }

        return 0;
    }

    /// <summary>The conversion options translate would use for the same flags.</summary>
    /// <exception cref="FormatException">A malformed platform or build arg.</exception>
    private static ConvertOptions Options(ResolveRequest request)
    {
        var args = ImmutableDictionary.CreateBuilder<string, string>();
        foreach (var arg in request.BuildArgs)
        {
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"--build-arg {arg}: expected KEY=VALUE");
            }

            args[arg[..eq]] = arg[(eq + 1)..];
        }

        return OfflineConvertOptions.Create(request.Target, request.Platform) with { BuildArgs = args.ToImmutable() };
    }

    private sealed record ResolveRequest(
        string Path, string? Platform, string? Target, string[] BuildArgs, string? OutputPath, string[] InsecureRegistries, int TimeoutSeconds);
}
