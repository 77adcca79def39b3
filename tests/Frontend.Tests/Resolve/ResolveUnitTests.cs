using System.Text;
using CSharpFrontend.Frontend.Resolve;

namespace CSharpFrontend.Frontend.Tests.Resolve;

/// <summary>The small parts of resolve: challenges, platforms, manifests, digests, hosts.</summary>
public sealed class ResolveUnitTests
{
    [Fact]
    public void ParsesADockerHubChallenge()
    {
        var challenge = BearerChallenge.Parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/alpine:pull\"")!;
        Assert.True(challenge.IsBearer);
        Assert.Equal("https://auth.docker.io/token", challenge.Realm);
        Assert.Equal("registry.docker.io", challenge.Service);
        Assert.Equal("repository:library/alpine:pull", challenge.Scope);
    }

    [Fact]
    public void ParsesTokensQuotedEscapesAndSpaces()
    {
        var challenge = BearerChallenge.Parse("bearer  Realm=http://x/t , service = \"a \\\"b\\\", c\", error=insufficient_scope")!;
        Assert.True(challenge.IsBearer);
        Assert.Equal("http://x/t", challenge.Realm);
        Assert.Equal("a \"b\", c", challenge.Service);
        Assert.Equal("insufficient_scope", challenge.Parameters["error"]);
        Assert.Null(challenge.Scope);
        Assert.False(BearerChallenge.Parse("Basic realm=\"registry\"")!.IsBearer);
    }

    [Theory]
    [InlineData("linux/amd64", "linux/amd64", 0)]
    [InlineData("linux/amd64", "linux/x86_64", 0)]
    [InlineData("linux/amd64", "linux/386", 1)]
    [InlineData("linux/amd64", "linux/arm64", -1)]
    [InlineData("linux/amd64/v3", "linux/amd64/v2", 1)]
    [InlineData("linux/amd64/v3", "linux/amd64", 2)]
    [InlineData("linux/arm64", "linux/arm64/v8", 0)]
    [InlineData("linux/arm64", "linux/arm/v7", 2)]
    [InlineData("linux/arm64", "linux/arm64/v9", -1)]
    [InlineData("linux/arm/v7", "linux/arm", 0)]
    [InlineData("linux/arm/v7", "linux/arm/v6", 1)]
    [InlineData("linux/arm/v6", "linux/arm/v7", -1)]
    [InlineData("linux/amd64", "windows/amd64", -1)]
    public void RanksPlatformsAsContainerdOnly(string requested, string candidate, int rank) =>
        Assert.Equal(rank, new PlatformMatcher(Platform(requested)).Rank(Platform(candidate)));

    [Fact]
    public void TellsIndexesFromManifests()
    {
        var image = TestImage.Create("amd64", "A=1", "/a");
        var index = TestImage.Index((image, "amd64", null));
        var manifest = ManifestDocument.Parse(image.Manifest.Content, "application/octet-stream");
        Assert.Equal(MediaTypes.OciManifest, manifest.MediaType);
        Assert.Equal(image.Config.Digest, manifest.Config!.Digest);
        var parsed = ManifestDocument.Parse(index.Content, null);
        Assert.True(parsed.IsIndex);
        Assert.Equal(new RegistryPlatform("linux", "amd64"), Assert.Single(parsed.Manifests).Platform);
        var untyped = ManifestDocument.Parse("{\"schemaVersion\":2,\"manifests\":[]}"u8.ToArray(), "application/json");
        Assert.Equal(MediaTypes.DockerManifestList, untyped.MediaType);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("{\"schemaVersion\":1,\"fsLayers\":[]}", "schema 1")]
    [InlineData("{\"manifests\":[],\"layers\":[]}", "ambiguous")]
    [InlineData("{\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"config\":{}}", "does not match")]
    [InlineData("{\"config\":{\"digest\":\"md5:abc\"}}", "malformed or unsupported digest")]
    [InlineData("{\"schemaVersion\":2}", "neither")]
    public void RejectsBadManifests(string json, string message)
    {
        var error = Assert.Throws<RegistryFailure>(() => ManifestDocument.Parse(Encoding.UTF8.GetBytes(json), null));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void VerifiesDigests()
    {
        var content = "hello"u8.ToArray();
        var digest = ContentDigest.Sha256(content);
        Assert.Equal("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", digest);
        ContentDigest.Verify(digest, content, "x");
        var error = Assert.Throws<RegistryFailure>(() => ContentDigest.Verify(digest, "hellO"u8, "config blob x"));
        Assert.Contains("digest mismatch for config blob x", error.Message);
    }

    [Theory]
    [InlineData("docker.io", "https://registry-1.docker.io/")]
    [InlineData("ghcr.io", "https://ghcr.io/")]
    [InlineData("localhost:5000", "http://localhost:5000/")]
    [InlineData("127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("127.1.2.3", "http://127.1.2.3/")]
    [InlineData("[::1]:5000", "http://[::1]:5000/")]
    [InlineData("registry.lan:5000", "http://registry.lan:5000/")]
    [InlineData("other.lan", "http://other.lan/")]
    [InlineData("other.lan:443", "http://other.lan:443/")]
    [InlineData("registry.lan", "https://registry.lan/")]
    public void MapsDomainsToRegistries(string domain, string uri) =>
        Assert.Equal(uri, new RegistryHosts(["registry.lan:5000", "Other.lan"]).BaseUri(domain).ToString());

    private static RegistryPlatform Platform(string text)
    {
        var parts = text.Split('/');
        return new RegistryPlatform(parts[0], parts[1], parts.Length > 2 ? parts[2] : "");
    }
}
