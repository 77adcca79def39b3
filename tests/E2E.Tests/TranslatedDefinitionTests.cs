using Xunit.Abstractions;

namespace CSharpFrontend.E2E.Tests;

/// <summary>
/// The offline path: <c>csharp-frontend translate</c> writes a definition that <c>buildctl build</c> takes on stdin
/// (with <c>--local context=… --local dockerfile=…</c>); the files it builds are those of the builtin frontend's
/// image and meet the case's expectations. A raw definition carries no image config (nor its platform), so only
/// files are compared.
/// </summary>
[Collection(BuildKitCollection.Name)]
public sealed class TranslatedDefinitionTests(ITestOutputHelper output)
{
    /// <summary>Cases translate can express: no failure, no named context, one platform.</summary>
    public static TheoryData<string> Cases => new(E2ECase.Names().Select(E2ECase.Load)
        .Where(c => c.Fails is null && c.Contexts.IsEmpty && c.Platform?.Contains(',') != true && !c.Args.ContainsKey("BUILDKIT_MULTI_PLATFORM"))
        .Select(c => c.Name));

    [BuildKitTheory]
    [MemberData(nameof(Cases))]
    public void Buildctl_builds_the_translated_definition_from_stdin(string name)
    {
        if (Daemon.BuildKitMissingReason is { } missing)
        {
            Assert.Fail("BuildKit end-to-end suite required (E2E_REQUIRED=1) but not available: " + missing);
        }

        var @case = E2ECase.Load(name);
        var definition = Translate(@case);
        var work = Directory.CreateTempSubdirectory("e2e-stdin-");
        try
        {
            var tarball = Path.Combine(work.FullName, "image.oci.tar");
            var args = new List<string>
            {
                "build", "--progress=plain",
                "--local", "context=" + @case.Directory, "--local", "dockerfile=" + @case.Directory,
                "--output", $"type=oci,dest={tarball}",
            };
            foreach (var (id, content) in @case.Secrets)
            {
                var file = Path.Combine(work.FullName, "secret-" + id);
                File.WriteAllText(file, content);
                args.AddRange(["--secret", $"id={id},src={file}"]);
            }

            var build = Daemon.RetryOnCrash(() => Daemon.RunBuildctl(args, TimeSpan.FromMinutes(4), definition));
            Assert.True(build.ExitCode == 0, $"buildctl rejected or failed our definition of {name}:\n{build.Output}");
            var image = OciLayout.Read(tarball).Images[0];

            var unmet = ImageComparison.Unmet(@case with { ExpectConfig = @case.ExpectConfig.Clear(), ExpectArchitecture = null }, image);
            Assert.True(unmet.Count == 0, $"{name}: the image does not meet the expectations:\n" + string.Join('\n', unmet));
            if (@case.RoleOn(Daemon.BuildKit) == BuiltinRole.Compare)
            {
                var builtin = E2EBuild.Run(Daemon.BuildKit, @case, FrontendKind.Builtin);
                Assert.True(builtin.Succeeded, builtin.Result.Output);
                var differences = ImageComparison.Differences(builtin.Image(), image)
                    .Where(line => !line.StartsWith("config ", StringComparison.Ordinal) && !line.StartsWith("platform:", StringComparison.Ordinal)).ToList();
                if (differences.Count > 0 && PendingDifferences.For(Daemon.BuildKit).Why(name, "files") is { } why)
                {
                    output.WriteLine($"pending ({why}):\n" + string.Join('\n', differences.Take(50)));
                }
                else
                {
                    Assert.True(differences.Count == 0, $"{name}: the files differ:\n" + string.Join('\n', differences.Take(50)));
                }
            }

            output.WriteLine($"{definition.Length} bytes of definition; {image.Files.Count} files");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static byte[] Translate(E2ECase @case)
    {
        var args = new List<string> { Path.Combine(AppContext.BaseDirectory, "csharp-frontend.dll"), "translate" };
        args.AddRange(E2EBuild.TargetOptions(@case, E2EBuild.BuildArgs(@case)));
        args.AddRange(["--context", @case.Directory, Path.Combine(@case.Directory, "Dockerfile")]);
        var (exitCode, bytes, stderr) = DockerCli.RunBinary("dotnet", args);
        Assert.True(exitCode == 0, $"translate failed: {stderr}");
        return bytes;
    }
}
