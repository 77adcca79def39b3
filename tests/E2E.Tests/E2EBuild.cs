using System.Collections.Immutable;
using System.Diagnostics;

namespace CSharpFrontend.E2E.Tests;

internal enum FrontendKind
{
    /// <summary>The daemon's builtin Dockerfile frontend.</summary>
    Builtin,

    /// <summary>Our image, named by a <c># syntax=</c> line put before the case's Dockerfile.</summary>
    Ours,
}

internal sealed record BuildOutcome(FrontendKind Frontend, string Tag, DockerCli.Result Result, TimeSpan Elapsed)
{
    public bool Succeeded => Result.ExitCode == 0;
}

/// <summary>Runs <c>docker build</c> for a case with one of the two frontends.</summary>
internal static class E2EBuild
{
    public static BuildOutcome Run(Daemon daemon, E2ECase @case, FrontendKind frontend, IReadOnlyDictionary<string, string>? argOverrides = null, bool noCache = false)
    {
        var work = Directory.CreateTempSubdirectory("e2e-");
        try
        {
            var dockerfile = Path.Combine(work.FullName, "Dockerfile");
            var text = File.ReadAllText(Path.Combine(@case.Directory, "Dockerfile"));
            File.WriteAllText(dockerfile, frontend == FrontendKind.Ours ? $"# syntax={E2EEnvironment.FrontendImage}\n{text}" : text);

            var tag = $"e2e-{@case.Name}:{daemon.Name}-{frontend.ToString().ToLowerInvariant()}";
            var buildArgs = BuildArgs(@case, argOverrides);

            var secrets = @case.Secrets.Select(secret =>
            {
                var file = Path.Combine(work.FullName, "secret-" + secret.Key);
                File.WriteAllText(file, secret.Value);
                return $"id={secret.Key},src={file}";
            }).ToList();

            var clock = Stopwatch.StartNew();
            var result = daemon.IsOld
                ? DockerCli.Run(DockerBuildArgs(@case, tag, dockerfile, buildArgs, secrets, noCache), TimeSpan.FromMinutes(4))
                : BuildctlBuild(@case, tag, work.FullName, buildArgs, secrets, noCache);
            return new BuildOutcome(frontend, tag, result, clock.Elapsed);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static List<string> DockerBuildArgs(
        E2ECase @case, string tag, string dockerfile, IEnumerable<KeyValuePair<string, string>> buildArgs, List<string> secrets, bool noCache)
    {
        var args = new List<string> { "build", "--progress=plain", "-t", tag, "-f", dockerfile };
        if (noCache)
        {
            args.Add("--no-cache");
        }

        args.AddRange(TargetOptions(@case, buildArgs));
        foreach (var secret in secrets)
        {
            args.AddRange(["--secret", secret]);
        }

        args.Add(@case.Directory);
        return args;
    }

    /// <summary>The case's build args with the overrides and, where it asks for one, the HTTP server's URL.</summary>
    public static ImmutableSortedDictionary<string, string> BuildArgs(E2ECase @case, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var buildArgs = @case.Args.SetItems(overrides ?? new Dictionary<string, string>());
        return @case.HttpArg is { } httpArg ? buildArgs.SetItem(httpArg, E2EHttpServer.Instance.BaseUrl) : buildArgs;
    }

    /// <summary><c>--build-arg</c>, <c>--target</c> and <c>--platform</c>, as both docker build and our translate spell them.</summary>
    public static IEnumerable<string> TargetOptions(E2ECase @case, IEnumerable<KeyValuePair<string, string>> buildArgs)
    {
        foreach (var (key, value) in buildArgs)
        {
            yield return "--build-arg";
            yield return $"{key}={value}";
        }

        if (@case.Target is { } target)
        {
            yield return "--target";
            yield return target;
        }

        if (@case.Platform is { } platform)
        {
            yield return "--platform";
            yield return platform;
        }
    }

    /// <summary><c>buildctl build</c> with the dockerfile.v0 frontend, exporting a docker tarball that dockerd loads.</summary>
    private static DockerCli.Result BuildctlBuild(
        E2ECase @case, string tag, string work, IEnumerable<KeyValuePair<string, string>> buildArgs, List<string> secrets, bool noCache)
    {
        var tarball = Path.Combine(work, "image.tar");
        var args = new List<string>
        {
            "--addr", Daemon.BuildKitAddress!, "build", "--progress=plain", "--frontend", "dockerfile.v0",
            "--local", "context=" + @case.Directory, "--local", "dockerfile=" + work, "--opt", "filename=Dockerfile",
            "--output", $"type=docker,name=docker.io/library/{tag},dest={tarball}",
        };
        if (noCache)
        {
            args.Add("--no-cache");
        }

        foreach (var (key, value) in buildArgs)
        {
            args.AddRange(["--opt", $"build-arg:{key}={value}"]);
        }

        if (@case.Target is { } target)
        {
            args.AddRange(["--opt", "target=" + target]);
        }

        if (@case.Platform is { } platform)
        {
            args.AddRange(["--opt", "platform=" + platform]);
        }

        foreach (var secret in secrets)
        {
            args.AddRange(["--secret", secret]);
        }

        var build = Daemon.RetryOnCrash(() => DockerCli.RunProgram(Daemon.Buildctl!, args, TimeSpan.FromMinutes(4)));
        if (build.ExitCode != 0)
        {
            return build;
        }

        var load = DockerCli.Run(["load", "-i", tarball]);
        return load with { Stdout = build.Stdout + load.Stdout, Stderr = build.Stderr + load.Stderr };
    }
}
