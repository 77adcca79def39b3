using System.Text.Json.Nodes;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Converter.Tests.Image;

public sealed class ImageMetadataResolverTests
{
    private static readonly LlbPlatform Amd64 = LlbPlatform.LinuxAmd64;

    private static string FixturePath => Path.Combine(TestPaths.ConformanceDir, "fixtures", "images.json");

    [Fact]
    public async Task OfflineResolverAnswersAnImageThatTellsNothing()
    {
        var resolved = await OfflineImageMetadataResolver.Instance.ResolveAsync(Ref("alpine"), Amd64);

        Assert.Null(resolved.Digest);
        Assert.Equal(
            ImageConfigReader.Parse("""{"rootfs":{"type":"layers","diff_ids":["sha256:0000000000000000000000000000000000000000000000000000000000000000"]}}"""),
            resolved.Config);
        Assert.False(StageImage.IsScratch(resolved.Config));
    }

    [Fact]
    public async Task FileResolverAnswersFromTheFixture()
    {
        var resolver = FileImageMetadataResolver.Load(FixturePath);

        var resolved = await resolver.ResolveAsync(Ref("alpine"), Amd64);

        Assert.Equal("sha256:bd3b3c04f11c4649fdd9fba3effedb9b44072000babdc10b05067fbf1a0e9c2d", resolved.Digest);
        Assert.Equal("amd64", resolved.Config.Architecture);
        Assert.Equal(["/bin/sh"], resolved.Config.Config.Cmd.ToArray());
        Assert.Equal("fixture", Assert.Single(resolved.Config.History).CreatedBy);
    }

    [Fact]
    public void FileResolverReadsEveryFixtureEntryAsGoWould()
    {
        var resolver = FileImageMetadataResolver.Load(FixturePath);
        var fixture = JsonNode.Parse(File.ReadAllText(FixturePath))!.AsObject();

        Assert.Equal(fixture.Select(p => p.Key).Order(StringComparer.Ordinal), resolver.Entries.Keys);
        foreach (var (key, entry) in fixture)
        {
            var resolved = resolver.Entries[key];
            Assert.Equal((string?)entry!["digest"], resolved.Digest);

            // Writing adds what Go's marshalling always writes; every field of the fixture must survive.
            var written = JsonNode.Parse(ImageConfigWriter.ToJson(resolved.Config))!.AsObject();
            AssertContains(entry["config"]!, written, key);
        }
    }

    [Fact]
    public async Task FileResolverKeysByTaggedReferenceAndIgnoresPlatform()
    {
        var resolver = FileImageMetadataResolver.Load(FixturePath);

        var explicitLatest = await resolver.ResolveAsync(Ref("docker.io/library/busybox:latest"), Amd64);
        var implicitLatest = await resolver.ResolveAsync(Ref("busybox"), Amd64);
        var arm = await resolver.ResolveAsync(Ref("arm64only"), Amd64);

        Assert.Same(explicitLatest, implicitLatest);
        Assert.Equal("arm64", arm.Config.Architecture);
        Assert.True(resolver.TryGet(Ref("golang:1.21"), out var golang));
        Assert.Equal("/go", golang.Config.Config.WorkingDir);
    }

    [Theory]
    [InlineData("alpine:3.19")]
    [InlineData("ghcr.io/example/alpine:latest")]
    [InlineData("alpine@sha256:bd3b3c04f11c4649fdd9fba3effedb9b44072000babdc10b05067fbf1a0e9c2d")]
    public async Task UnknownReferencesGetTheOfflineDefault(string reference)
    {
        var resolver = FileImageMetadataResolver.Load(FixturePath);

        Assert.False(resolver.TryGet(Ref(reference), out _));
        Assert.Same(OfflineImageMetadataResolver.Default, await resolver.ResolveAsync(Ref(reference), Amd64));
    }

    [Fact]
    public async Task UnknownReferencesGoToTheGivenFallback()
    {
        var inner = FileImageMetadataResolver.Parse("""{"docker.io/library/x:latest":{"config":{"os":"inner"}}}""", "inner.json");
        var outer = FileImageMetadataResolver.Parse("""{"docker.io/library/y:latest":{"digest":"","config":{"os":"outer"}}}""", "outer.json", inner);

        Assert.Equal("inner", (await outer.ResolveAsync(Ref("x"), Amd64)).Config.OS);
        var y = await outer.ResolveAsync(Ref("y"), Amd64);
        Assert.Equal("outer", y.Config.OS);
        Assert.Null(y.Digest);
    }

    [Fact]
    public async Task FallbackGetsTheRequestAsIs()
    {
        var recorder = new RecordingResolver();
        var resolver = FileImageMetadataResolver.Parse("{}", "empty.json", recorder);
        var options = new ImageResolveOptions("pull", "[internal] load metadata for docker.io/library/x:latest");
        var arm = LlbPlatform.Parse("linux/arm64");

        var resolved = await resolver.ResolveAsync(Ref("x:latest"), arm, options);

        Assert.Equal(("docker.io/library/x:latest", arm, options), recorder.Last);
        Assert.Equal("sha256:" + new string('1', 64), resolved.Digest);
    }

    [Theory]
    [InlineData("{\n  \"docker.io/library/a:latest\": {\n    \"config\": {}\n  },\n}", 5, "invalid JSON: ")]
    [InlineData("[]", 1, "expected an object mapping image references")]
    [InlineData("{\n\"alpine\": {\"config\": {}}}", 2, "alpine: not a normalized reference; write \"docker.io/library/alpine:latest\"")]
    [InlineData("{\"Alpine:latest\": {\"config\": {}}}", 1, "Alpine:latest: not an image reference: ")]
    [InlineData("{\"docker.io/library/a:latest\": {\"config\": {}},\n \"docker.io/library/a:latest\": {\"config\": {}}}", 2, "duplicate entry for docker.io/library/a:latest")]
    [InlineData("{\"docker.io/library/a:latest\": []}", 1, "docker.io/library/a:latest: expected an object")]
    [InlineData("{\"docker.io/library/a:latest\": {\"digest\": \"sha256:abc\", \"config\": {}}}", 1, "docker.io/library/a:latest: \"digest\" must be")]
    [InlineData("{\"docker.io/library/a:latest\": {\"config\": {}, \"platform\": \"linux/arm64\"}}", 1, "docker.io/library/a:latest: unknown field \"platform\"")]
    [InlineData("{\"docker.io/library/a:latest\": {\"digest\": null}}", 1, "docker.io/library/a:latest: missing \"config\"")]
    [InlineData("{\"docker.io/library/a:latest\": {\"config\": null}}", 1, "docker.io/library/a:latest: \"config\" must be an object")]
    [InlineData("{\"docker.io/library/a:latest\": {\"config\": {\n\"config\": {\"Env\": {}}}}}", 2, "config.Env: expected an array, got an object")]
    public void FileResolverReportsErrorsWithFileAndLine(string json, int line, string reason)
    {
        var error = Assert.Throws<ImageConfigFormatException>(() => FileImageMetadataResolver.Parse(json, "meta.json"));

        Assert.StartsWith(reason, error.Reason);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"meta.json:{line}:", error.Message);
    }

    [Fact]
    public void LoadNamesTheFileInErrors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"image-metadata-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\n  \"docker.io/library/a:latest\": {\"config\": {\"os\": 7}}\n}");
        try
        {
            var error = Assert.Throws<ImageConfigFormatException>(() => FileImageMetadataResolver.Load(path));
            Assert.Equal($"{path}:2:51: os: expected a string, got a number", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static ImageReference Ref(string text) =>
        ImageReference.TryParseNormalized(text, out var error) ?? throw new ArgumentException(error, nameof(text));

    private static void AssertContains(JsonNode expected, JsonNode actual, string where)
    {
        if (expected is JsonObject expectedObject)
        {
            var actualObject = Assert.IsType<JsonObject>(actual);
            foreach (var (key, value) in expectedObject)
            {
                Assert.True(actualObject.ContainsKey(key), $"{where}: {key} missing");
                AssertContains(value!, actualObject[key]!, where + "." + key);
            }
        }
        else
        {
            Assert.True(JsonNode.DeepEquals(expected, actual), $"{where}: {expected.ToJsonString()} != {actual.ToJsonString()}");
        }
    }

    private sealed class RecordingResolver : IImageMetadataResolver
    {
        public (string Reference, LlbPlatform Platform, ImageResolveOptions Options) Last { get; private set; }

        public ValueTask<ResolvedImage> ResolveAsync(
            ImageReference reference, LlbPlatform platform, ImageResolveOptions options, CancellationToken cancellationToken = default)
        {
            Last = (reference.ToString(), platform, options);
            return ValueTask.FromResult(new ResolvedImage("sha256:" + new string('1', 64), ImageConfig.Empty));
        }
    }
}
