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
    public static BuildOutcome Run(E2ECase @case, FrontendKind frontend, IReadOnlyDictionary<string, string>? argOverrides = null, bool noCache = false)
    {
        var work = Directory.CreateTempSubdirectory("e2e-");
        try
        {
            var dockerfile = Path.Combine(work.FullName, "Dockerfile");
            var text = File.ReadAllText(Path.Combine(@case.Directory, "Dockerfile"));
            File.WriteAllText(dockerfile, frontend == FrontendKind.Ours ? $"# syntax={E2EEnvironment.FrontendImage}\n{text}" : text);

            var tag = $"e2e-{@case.Name}:{frontend.ToString().ToLowerInvariant()}";
            var args = new List<string> { "build", "--progress=plain", "-t", tag, "-f", dockerfile };
            if (noCache)
            {
                args.Add("--no-cache");
            }

            foreach (var (key, value) in @case.Args.SetItems(argOverrides ?? new Dictionary<string, string>()))
            {
                args.AddRange(["--build-arg", $"{key}={value}"]);
            }

            if (@case.Target is { } target)
            {
                args.AddRange(["--target", target]);
            }

            foreach (var (id, content) in @case.Secrets)
            {
                var file = Path.Combine(work.FullName, "secret-" + id);
                File.WriteAllText(file, content);
                args.AddRange(["--secret", $"id={id},src={file}"]);
            }

            args.Add(@case.Directory);
            var clock = Stopwatch.StartNew();
            var result = DockerCli.Run(args, TimeSpan.FromMinutes(4));
            return new BuildOutcome(frontend, tag, result, clock.Elapsed);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
