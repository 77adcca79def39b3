using System.Text;
using System.Text.Json;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Frontend.Resolve;

namespace CSharpFrontend.Frontend.Tests.Resolve;

/// <summary>
/// <c>resolve</c> against a real registry (Debian's docker-registry, images pushed with skopeo), then
/// <c>translate --image-metadata</c> with the file it wrote.
/// </summary>
public sealed class LocalRegistryTests : IClassFixture<LocalRegistryTests.Registry>, IDisposable
{
    private static readonly TestImage Amd64 = TestImage.Create("amd64", "GREETING=hello-amd64", "/srv/amd64");
    private static readonly TestImage Arm64 = TestImage.Create("arm64", "GREETING=hello-arm64", "/srv/arm64", variant: "v8");
    private static readonly TestImage Single = TestImage.Create("amd64", "GREETING=single", "/srv/single");
    private static readonly TestBlob Index = TestImage.Index((Amd64, "amd64", null), (Arm64, "arm64", "v8"));

    private readonly Registry _registry;
    private readonly TempDir _dir = new("resolve-registry-");

    public LocalRegistryTests(Registry registry) => _registry = registry;

    public void Dispose() => _dir.Dispose();

    [LocalRegistryFact]
    public async Task ResolvesAMultiPlatformIndexAndTranslatesWithIt()
    {
        var host = _registry.Server.Host;
        var dockerfile = _dir.Write("Dockerfile",
            $"ARG REPO=test/multi\nFROM {host}/${{REPO}}:1 AS base\nRUN cat /hello.txt\n"
            + $"FROM {host}/test/single:latest AS side\nRUN echo side\n"
            + "FROM base\nCOPY --from=side /hello.txt /side.txt\n");

        foreach (var (platform, image, env, workdir) in new[]
                 {
                     ("linux/amd64", Amd64, "GREETING=hello-amd64", "/srv/amd64"),
                     ("linux/arm64", Arm64, "GREETING=hello-arm64", "/srv/arm64"),
                 })
        {
            var output = _dir.File($"images-{platform.Replace('/', '-')}.json");
            var result = await ResolveRun.RunAsync(dockerfile, "--platform", platform, "-o", output);
            Assert.True(result.ExitCode == 0, result.Stderr);

            var entries = FileImageMetadataResolver.Load(output).Entries;
            Assert.Equal([$"{host}/test/multi:1", $"{host}/test/single:latest"], entries.Keys);
            Assert.Equal(Index.Digest, entries[$"{host}/test/multi:1"].Digest);
            Assert.Equal(Single.Manifest.Digest, entries[$"{host}/test/single:latest"].Digest);
            Assert.Contains(env, entries[$"{host}/test/multi:1"].Config.Config.Env);
            using (var document = JsonDocument.Parse(File.ReadAllText(output)))
            {
                var config = document.RootElement.GetProperty($"{host}/test/multi:1").GetProperty("config").GetRawText();
                Assert.Equal(image.Config.Digest, ContentDigest.Sha256(Encoding.UTF8.GetBytes(config)));
            }

            var ops = LlbInspection.Translate(_dir, dockerfile, output, "--platform", platform);
            Assert.Equal(
                [$"docker-image://{host}/test/multi:1@{Index.Digest}", $"docker-image://{host}/test/single:latest@{Single.Manifest.Digest}"],
                LlbInspection.ImageIdentifiers(ops).Order(StringComparer.Ordinal));
            var run = Assert.Single(ops, o => o.Exec is not null && o.Exec.Meta.Args.Contains("cat /hello.txt")).Exec;
            Assert.Contains(env, run.Meta.Env);
            Assert.Equal(workdir, run.Meta.Cwd);
            var side = Assert.Single(ops, o => o.Exec is not null && o.Exec.Meta.Args.Contains("echo side")).Exec;
            Assert.Contains("GREETING=single", side.Meta.Env);
            Assert.Equal("/srv/single", side.Meta.Cwd);
        }
    }

    [LocalRegistryFact]
    public async Task AMissingTagIsNotFound()
    {
        var output = _dir.File("images.json");
        var result = await ResolveRun.RunAsync(_dir.Write("Dockerfile", $"FROM {_registry.Server.Host}/test/multi:nope\n"), "-o", output);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{_registry.Server.Host}/test/multi:nope: manifest nope: not found (404)", result.Stderr);
        Assert.False(File.Exists(output));
    }

    /// <summary>One registry for the class, with the test images pushed.</summary>
    public sealed class Registry : IDisposable
    {
        private readonly Lazy<LocalRegistry> _server = new(Start);

        internal LocalRegistry Server => _server.Value;

        public void Dispose()
        {
            if (_server.IsValueCreated)
            {
                _server.Value.Dispose();
            }
        }

        private static LocalRegistry Start()
        {
            var server = new LocalRegistry();
            try
            {
                server.Push("test/multi", "1", Index, [.. Amd64.Blobs, .. Arm64.Blobs]);
                server.Push("test/single", "latest", Single.Manifest, [Single.Layer, Single.Config]);
            }
            catch
            {
                server.Dispose();
                throw;
            }

            return server;
        }
    }
}
