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

/// <summary>A build's output and result: a tag in dockerd (docker build) or the exported OCI layout (buildctl).</summary>
internal sealed record BuildOutcome(FrontendKind Frontend, string Tag, DockerCli.Result Result, TimeSpan Elapsed)
{
    public bool Succeeded => Result.ExitCode == 0;

    public OciLayout? Layout { get; init; }

    /// <summary>The image (the only one, or the first platform's).</summary>
    public ImageSnapshot Image() => Layout is { } layout ? layout.Images[0] : ImageSnapshot.Take(Tag);
}

/// <summary>Runs <c>docker build</c> or <c>buildctl build</c> for a case with one of the two frontends.</summary>
internal static class E2EBuild
{
    public static BuildOutcome Run(Daemon daemon, E2ECase @case, FrontendKind frontend, IReadOnlyDictionary<string, string>? argOverrides = null, bool noCache = false)
    {
        var work = Directory.CreateTempSubdirectory("e2e-");
        try
        {
            var dockerfile = Path.Combine(work.FullName, "Dockerfile");
            var text = File.ReadAllText(Path.Combine(@case.Directory, "Dockerfile"));
            // dockerd has no gateway.v0 frontend option: there ours is named by a syntax line. buildctl names it.
            File.WriteAllText(dockerfile, frontend == FrontendKind.Ours && daemon.IsOld ? $"# syntax={E2EEnvironment.FrontendImage}\n{text}" : text);

            var tag = $"e2e-{@case.Name}:{daemon.Name}-{frontend.ToString().ToLowerInvariant()}";
            var buildArgs = BuildArgs(@case, argOverrides);

            var secrets = @case.Secrets.Select(secret =>
            {
                var file = Path.Combine(work.FullName, "secret-" + secret.Key);
                File.WriteAllText(file, secret.Value);
                return $"id={secret.Key},src={file}";
            }).ToList();

            var clock = Stopwatch.StartNew();
            if (daemon.IsOld)
            {
                var result = DockerCli.Run(DockerBuildArgs(@case, tag, dockerfile, buildArgs, secrets, noCache), TimeSpan.FromMinutes(4));
                return new BuildOutcome(frontend, tag, result, clock.Elapsed);
            }

            var tarball = Path.Combine(work.FullName, "image.oci.tar");
            var build = BuildctlBuild(daemon, @case, frontend, work.FullName, tarball, buildArgs, secrets, noCache);
            var elapsed = clock.Elapsed;
            return new BuildOutcome(frontend, tag, build, elapsed) { Layout = build.ExitCode == 0 ? OciLayout.Read(tarball) : null };
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// <c>buildctl build --opt requestid=frontend.lint</c> (what <c>docker build --check</c> asks for) on buildkitd: the
    /// check report buildctl prints (<c>result.txt</c>) is on stdout.
    /// </summary>
    public static DockerCli.Result Check(Daemon daemon, E2ECase @case, FrontendKind frontend) =>
        WithoutExport(daemon, @case, frontend, requestId: "frontend.lint", progress: "plain");

    /// <summary>
    /// <c>buildctl build --progress=rawjson</c> on buildkitd without an export: every status the daemon sends, one JSON
    /// object per line (the warnings among them, whether or not the plain display would have printed them).
    /// </summary>
    public static DockerCli.Result RawProgress(Daemon daemon, E2ECase @case, FrontendKind frontend) =>
        WithoutExport(daemon, @case, frontend, requestId: null, progress: "rawjson");

    /// <summary>A buildctl build of the case's Dockerfile (copied aside) that exports nothing.</summary>
    private static DockerCli.Result WithoutExport(Daemon daemon, E2ECase @case, FrontendKind frontend, string? requestId, string progress)
    {
        var work = Directory.CreateTempSubdirectory("e2e-noexport-");
        try
        {
            File.Copy(Path.Combine(@case.Directory, "Dockerfile"), Path.Combine(work.FullName, "Dockerfile"));
            return BuildctlBuild(daemon, @case, frontend, work.FullName, tarball: null, BuildArgs(@case), [], noCache: false, requestId, progress);
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

    /// <summary>
    /// <c>buildctl build</c> with the builtin frontend (<c>dockerfile.v0</c>) or ours (<c>gateway.v0</c> with
    /// <c>source=</c> our image: the Dockerfile is the same bytes for both), exporting an OCI layout.
    /// </summary>
    private static DockerCli.Result BuildctlBuild(
        Daemon daemon, E2ECase @case, FrontendKind frontend, string work, string? tarball, IEnumerable<KeyValuePair<string, string>> buildArgs, List<string> secrets, bool noCache,
        string? requestId = null, string progress = "plain")
    {
        var args = new List<string> { "build", "--progress=" + progress };
        args.AddRange(frontend == FrontendKind.Ours
            ? ["--frontend", "gateway.v0", "--opt", "source=" + E2EEnvironment.FrontendImage]
            : ["--frontend", "dockerfile.v0"]);
        if (frontend == FrontendKind.Ours && daemon.IsBuildKit011)
        {
            // Our v0.11.6 compatibility profile on the v0.11.6 daemon.
            args.AddRange(["--opt", "build-arg:CSHARP_FRONTEND_COMPAT=v0.11"]);
        }

        args.AddRange(["--local", "context=" + @case.Directory, "--local", "dockerfile=" + work, "--opt", "filename=Dockerfile"]);
        args.AddRange(tarball is null ? [] : ["--output", $"type=oci,dest={tarball}"]);
        args.AddRange(requestId is null ? [] : ["--opt", "requestid=" + requestId]);
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

        foreach (var (name, value) in @case.Contexts)
        {
            // local:DIR names a directory of the case, sent as a local source of the same name.
            if (value.StartsWith("local:", StringComparison.Ordinal))
            {
                args.AddRange(["--local", $"{name}={Path.Combine(@case.Directory, value["local:".Length..])}", "--opt", $"context:{name}=local:{name}"]);
            }
            else
            {
                args.AddRange(["--opt", $"context:{name}={value}"]);
            }
        }

        foreach (var secret in secrets)
        {
            args.AddRange(["--secret", secret]);
        }

        return Daemon.RetryOnCrash(() => Daemon.RunBuildctl(args, TimeSpan.FromMinutes(4)));
    }
}
