using System.Text;
using System.Text.Json;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Frontend.Resolve;

namespace CSharpFrontend.Frontend.Tests.Resolve;

/// <summary><c>resolve</c> against a fake registry: the token flow, platform choice, what is written, and errors.</summary>
public sealed class ResolveCommandTests : IDisposable
{
    private static readonly TestImage Amd64 = TestImage.Create("amd64", "FLAVOUR=amd", "/work/amd");
    private static readonly TestImage Arm64 = TestImage.Create("arm64", "FLAVOUR=arm", "/work/arm", variant: "v8");
    private static readonly TestBlob Index = TestImage.Index((Amd64, "amd64", null), (Arm64, "arm64", "v8"));

    private readonly TempDir _dir = new("resolve-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task FetchesAnAnonymousTokenWhenTheRegistryDemandsOne()
    {
        using var registry = new FakeRegistry { RequireToken = true };
        registry.Push("team/base", "1.0", Amd64);
        var output = _dir.File("images.json");
        var result = await ResolveRun.RunAsync(_dir.Write("Dockerfile", $"FROM {registry.Host}/team/base:1.0\nRUN true\n"), "-o", output);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var requests = registry.Requests.ToArray();
        Assert.Contains($"GET /token?service=fake-registry&scope=repository%3Ateam%2Fbase%3Apull []", requests);
        Assert.Single(requests, r => r.StartsWith("GET /token", StringComparison.Ordinal));
        Assert.Contains($"GET /v2/team/base/blobs/{Amd64.Config.Digest} [Bearer {FakeRegistry.Token}]", requests);
        var entry = FileImageMetadataResolver.Load(output).Entries[$"{registry.Host}/team/base:1.0"];
        Assert.Equal(Amd64.Manifest.Digest, entry.Digest);
        Assert.Contains("FLAVOUR=amd", entry.Config.Config.Env);
    }

    [Fact]
    public async Task TheTokenFlowWorksThroughTheClientAlone()
    {
        using var registry = new FakeRegistry { RequireToken = true };
        registry.Push("lib/x", "latest", Amd64);
        using var client = new RegistryClient(new RegistryHosts([]), TimeSpan.FromSeconds(10));
        var fetched = await client.GetManifestAsync(registry.Host, "lib/x", "latest", CancellationToken.None);
        Assert.Equal(Amd64.Manifest.Content, fetched.Content);
        Assert.Equal(Amd64.Manifest.Digest, fetched.DockerContentDigest);
        var blob = await client.GetBlobAsync(registry.Host, "lib/x", Amd64.Config.Digest, 1 << 20, CancellationToken.None);
        Assert.Equal(Amd64.Config.Content, blob.Content);
        Assert.Single(registry.Requests, r => r.StartsWith("GET /token", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("linux/amd64", "FLAVOUR=amd", "/work/amd")]
    [InlineData("linux/arm64", "FLAVOUR=arm", "/work/arm")]
    public async Task RecordsTheIndexDigestAndThePlatformsConfig(string platform, string env, string workdir)
    {
        using var registry = new FakeRegistry();
        registry.PushIndex("multi", "2", Index, Amd64, Arm64);
        var dockerfile = _dir.Write("Dockerfile", $"FROM {registry.Host}/multi:2\nRUN echo hi\n");
        var output = _dir.File("images.json");
        var result = await ResolveRun.RunAsync(dockerfile, "--platform", platform, "-o", output);
        Assert.True(result.ExitCode == 0, result.Stderr);

        var text = File.ReadAllText(output);
        var entry = FileImageMetadataResolver.Load(output).Entries[$"{registry.Host}/multi:2"];
        Assert.Equal(Index.Digest, entry.Digest);
        Assert.Contains(env, entry.Config.Config.Env);
        Assert.Equal(workdir, entry.Config.Config.WorkingDir);

        // The config is the registry's bytes, so it still hashes to the digest its manifest names.
        using var document = JsonDocument.Parse(text);
        var config = document.RootElement.GetProperty($"{registry.Host}/multi:2").GetProperty("config").GetRawText();
        var expected = platform.EndsWith("arm64", StringComparison.Ordinal) ? Arm64 : Amd64;
        Assert.Equal(expected.Config.Digest, ContentDigest.Sha256(Encoding.UTF8.GetBytes(config)));

        var ops = LlbInspection.Translate(_dir, dockerfile, output, "--platform", platform);
        Assert.Equal([$"docker-image://{registry.Host}/multi:2@{Index.Digest}"], LlbInspection.ImageIdentifiers(ops));
        var exec = LlbInspection.Exec(ops);
        Assert.Contains(env, exec.Meta.Env);
        Assert.Equal(workdir, exec.Meta.Cwd);
    }

    [Fact]
    public async Task OnlyReachableStagesWithBuildArgsApplied()
    {
        using var registry = new FakeRegistry { OmitDigestHeader = true };
        registry.Push("base", "chosen", Amd64);
        var dockerfile = _dir.Write("Dockerfile",
            $"ARG TAG=default\nFROM {registry.Host}/missing:1 AS unused\nRUN false\n"
            + $"FROM {registry.Host}/base:${{TAG}} AS final\nRUN true\n"
            + $"FROM {registry.Host}/missing:2 AS after\n");
        var output = _dir.File("images.json");
        var result = await ResolveRun.RunAsync(dockerfile, "--build-arg", "TAG=chosen", "--target", "final", "-o", output);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var entries = FileImageMetadataResolver.Load(output).Entries;
        Assert.Equal([$"{registry.Host}/base:chosen"], entries.Keys);
        Assert.Equal(Amd64.Manifest.Digest, entries.Values.Single().Digest);
        Assert.DoesNotContain(registry.Requests, r => r.Contains("/missing/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WritesKeysSortedAndResolvesByDigest()
    {
        using var registry = new FakeRegistry();
        registry.Push("zeta", "1", Amd64);
        registry.PushIndex("alpha", "1", Index, Amd64, Arm64);
        var dockerfile = _dir.Write("Dockerfile",
            $"FROM {registry.Host}/zeta:1 AS z\nFROM {registry.Host}/alpha@{Index.Digest}\nCOPY --from=z / /\n");
        var output = _dir.File("images.json");
        var result = await ResolveRun.RunAsync(dockerfile, "-o", output);
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var document = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal([$"{registry.Host}/alpha@{Index.Digest}", $"{registry.Host}/zeta:1"],
            document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Index.Digest, FileImageMetadataResolver.Load(output).Entries[$"{registry.Host}/alpha@{Index.Digest}"].Digest);
    }

    [Fact]
    public async Task NoMatchingPlatformIsAnError()
    {
        using var registry = new FakeRegistry();
        registry.PushIndex("multi", "2", Index, Amd64, Arm64);
        var result = await Failing($"FROM {registry.Host}/multi:2\n", "--platform", "linux/s390x");
        Assert.Contains($"{registry.Host}/multi:2: no match for platform linux/s390x", result.Stderr);
        Assert.Contains("linux/amd64, linux/arm64/v8", result.Stderr);
    }

    [Theory]
    [InlineData("linux/arm64", 0)]
    [InlineData("linux/amd64", 1)]
    public async Task IndexEntriesWithoutAPlatformAreCheckedAgainstTheirConfig(string platform, int exit)
    {
        using var registry = new FakeRegistry();
        var index = new TestBlob(TestImage.OciIndex, Encoding.UTF8.GetBytes(
            $"{{\"schemaVersion\":2,\"mediaType\":\"{TestImage.OciIndex}\",\"manifests\":[{Arm64.Manifest.DescriptorJson()}]}}"));
        registry.PushIndex("bare", "1", index, Arm64);
        var output = _dir.File("images.json");
        var result = await ResolveRun.RunAsync(_dir.Write("Dockerfile", $"FROM {registry.Host}/bare:1\n"), "--platform", platform, "-o", output);
        Assert.True(result.ExitCode == exit, result.Stderr);
        if (exit == 0)
        {
            Assert.Equal(index.Digest, FileImageMetadataResolver.Load(output).Entries[$"{registry.Host}/bare:1"].Digest);
        }
        else
        {
            Assert.Contains("no match for platform linux/amd64", result.Stderr);
            Assert.Contains("its only candidate is for linux/arm64", result.Stderr);
        }
    }

    [Fact]
    public async Task NotFoundNamesTheImage()
    {
        using var registry = new FakeRegistry();
        var result = await Failing($"FROM {registry.Host}/nope:3\n");
        Assert.Contains($"error: cannot resolve {registry.Host}/nope:3: manifest 3: not found (404) (MANIFEST_UNKNOWN: manifest unknown)", result.Stderr);
    }

    [Fact]
    public async Task ATamperedConfigIsADigestMismatch()
    {
        using var registry = new FakeRegistry();
        registry.Push("base", "1", Amd64);
        registry.Overrides[$"/v2/base/blobs/{Amd64.Config.Digest}"] = Encoding.UTF8.GetBytes("{\"os\":\"linux\"}");
        var result = await Failing($"FROM {registry.Host}/base:1\n");
        Assert.Contains($"{registry.Host}/base:1: digest mismatch for config blob {Amd64.Config.Digest}", result.Stderr);
    }

    [Fact]
    public async Task AManifestNotMatchingItsAnnouncedDigestIsAMismatch()
    {
        using var registry = new FakeRegistry();
        registry.Push("base", "1", Amd64);
        registry.Overrides["/v2/base/manifests/1"] = Arm64.Manifest.Content;
        var result = await Failing($"FROM {registry.Host}/base:1\n");
        Assert.Contains("digest mismatch for manifest 1 (Docker-Content-Digest)", result.Stderr);
    }

    [Fact]
    public async Task BadJsonIsAnError()
    {
        using var registry = new FakeRegistry { OmitDigestHeader = true };
        registry.AddManifest("base", "1", new TestBlob(TestImage.OciManifest, "{\"config\": [1, 2"u8.ToArray()));
        var result = await Failing($"FROM {registry.Host}/base:1\n");
        Assert.Contains($"{registry.Host}/base:1: the manifest is not valid JSON", result.Stderr);
    }

    [Fact]
    public async Task AConfigThatIsNotAnImageConfigIsAnError()
    {
        using var registry = new FakeRegistry();
        var config = new TestBlob(TestImage.OciConfig, "{\"config\":{\"Env\":\"A=1\"}}"u8.ToArray());
        var manifest = new TestBlob(TestImage.OciManifest, Encoding.UTF8.GetBytes(
            $"{{\"schemaVersion\":2,\"mediaType\":\"{TestImage.OciManifest}\",\"config\":{config.DescriptorJson()},\"layers\":[]}}"));
        registry.AddBlob("base", config);
        registry.AddManifest("base", "1", manifest);
        var result = await Failing($"FROM {registry.Host}/base:1\n");
        Assert.Contains($"{registry.Host}/base:1: the image config cannot be read", result.Stderr);
    }

    [Fact]
    public async Task AnUnreachableRegistryIsAnError()
    {
        int port;
        using (var registry = new FakeRegistry())
        {
            port = registry.Port;
        }

        var result = await Failing($"FROM 127.0.0.1:{port}/gone:1\n", "--timeout", "5");
        Assert.Contains($"127.0.0.1:{port}/gone:1: cannot reach the registry at http://127.0.0.1:{port}", result.Stderr);
    }

    [Fact]
    public async Task OneReferenceForTwoPlatformsWithDifferentConfigsIsAnError()
    {
        using var registry = new FakeRegistry();
        registry.PushIndex("multi", "2", Index, Amd64, Arm64);
        var result = await Failing($"FROM --platform=linux/arm64 {registry.Host}/multi:2 AS a\nFROM {registry.Host}/multi:2\nCOPY --from=a / /\n");
        Assert.Contains("needed for linux/amd64 and linux/arm64", result.Stderr);
    }

    [Fact]
    public async Task AnExistingFileIsLeftAloneOnError()
    {
        using var registry = new FakeRegistry();
        var output = _dir.Write("images.json", "{}\n");
        var result = await ResolveRun.RunAsync(_dir.Write("Dockerfile", $"FROM {registry.Host}/nope:1\n"), "-o", output);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("{}\n", File.ReadAllText(output));
        Assert.Equal([output], Directory.GetFiles(_dir.Path, "*images.json*"));
    }

    [Fact]
    public async Task ARejectedDockerfilePointsAtTheLine()
    {
        var result = await Failing("FROM alpine AS a\nCOPY --from=b / /\nFROM alpine AS b\nCOPY --from=a / /\n");
        Assert.Contains("circular dependency detected on stage: a", result.Stderr);
    }

    [Theory]
    [InlineData(new[] { "Dockerfile" }, "resolve needs -o FILE")]
    [InlineData(new[] { "Dockerfile", "-o", "x.json", "--build-arg", "NOEQUALS" }, "--build-arg NOEQUALS: expected KEY=VALUE")]
    [InlineData(new[] { "Dockerfile", "-o", "x.json", "--timeout", "0" }, "--timeout must be a positive")]
    public async Task UsageErrorsExitWithTwo(string[] args, string message)
    {
        var result = await ResolveRun.RunAsync(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public async Task HelpHasExamples()
    {
        var result = await ResolveRun.RunAsync("--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("csharp-frontend resolve -o images.json Dockerfile", result.Stdout);
        Assert.Contains("--insecure-registry", result.Stdout);
    }

    private async Task<ResolveRun.Result> Failing(string dockerfile, params string[] args)
    {
        var output = _dir.File("images.json");
        var result = await ResolveRun.RunAsync([_dir.Write("Dockerfile", dockerfile), "-o", output, .. args]);
        Assert.Equal(1, result.ExitCode);
        Assert.False(File.Exists(output), "nothing is written on error");
        return result;
    }
}
