using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests;

/// <summary>
/// Issue 14 items 8 and 9: what upstream refuses, refused in its words. Every expected text was produced by
/// ../shared/buildkit/v0.24.0/dockerfile2llb for the same input.
/// </summary>
public sealed class UpstreamGrammarTests
{
    [Theory]
    [InlineData("linux/*", "\"linux/*\": wildcards not yet supported: invalid argument")]
    [InlineData("linux/amd\u0001", "\"amd\\x01\" is an invalid component of \"linux/amd\\x01\": platform specifier component must match \"^[A-Za-z0-9_.-]+$\": invalid argument")]
    [InlineData("linux/amd64;echo", "\"amd64;echo\" is an invalid component of \"linux/amd64;echo\": platform specifier component must match \"^[A-Za-z0-9_.-]+$\": invalid argument")]
    [InlineData("linux/amd64/v1/x", "\"linux/amd64/v1/x\": cannot parse platform specifier: invalid argument")]
    [InlineData("banana", "\"banana\": unknown operating system or architecture: invalid argument")]
    [InlineData("wasip1", "\"wasip1\": unknown operating system or architecture: invalid argument")]
    [InlineData("linux/amd64\n", "\"amd64\\n\" is an invalid component of \"linux/amd64\\n\": platform specifier component must match \"^[A-Za-z0-9_.-]+$\": invalid argument")]
    public void PlatformsOutsideContainerdsGrammarAreRefused(string platform, string message)
    {
        var error = Assert.Throws<FormatException>(() => LlbPlatform.Parse(platform));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("windows(10.0.17763)/amd64", "windows", "amd64", "", "10.0.17763")]
    [InlineData("linux(x)", "linux", "amd64", "", "x")]
    [InlineData("arm64", "linux", "arm64", "", "")]
    [InlineData("linux/amd64/v2147483647", "linux", "amd64", "v2147483647", "")]
    public void PlatformsInTheGrammarStillParse(string platform, string os, string arch, string variant, string osVersion) =>
        Assert.Equal(new LlbPlatform(os, arch, variant, osVersion), LlbPlatform.Parse(platform));

    [Fact]
    public void AFromPlatformOutsideTheGrammarIsLocated()
    {
        var error = Assert.Throws<ConvertException>(() => Convert("FROM --platform=banana alpine\nRUN true\n"));
        Assert.Contains("\"banana\": unknown operating system or architecture: invalid argument", error.Message);
        Assert.Equal(1, error.Range?.Start.Line);
    }

    [Theory]
    [InlineData("md5", 32, "unsupported digest algorithm")]
    [InlineData("sha256", 40, "invalid checksum digest length")]
    [InlineData("SHA256", 64, "invalid reference format: repository name (library/alpine@SHA256) must be lowercase")]
    public void DigestsGoDigestRefusesAreRefused(string algorithm, int digits, string reason)
    {
        // Expected texts are dockerfile2llb v0.24.0's (an upper-case algorithm fails the repository's case check first).
        var reference = $"alpine@{algorithm}:{new string('a', digits)}";
        var error = Assert.Throws<ConvertException>(() => Convert($"FROM {reference}\nRUN true\n"));
        Assert.Equal($"failed to parse stage name \"{reference}\": {reason}", error.Message);
    }

    [Fact]
    public void AnUpperCaseDigestIsRefused()
    {
        var reference = "alpine@sha256:" + new string('A', 64);
        var error = Assert.Throws<ConvertException>(() => Convert($"FROM {reference}\nRUN true\n"));
        Assert.Equal($"failed to parse stage name \"{reference}\": invalid checksum digest format", error.Message);
    }

    [Theory]
    [InlineData("sha384", 96)]
    [InlineData("sha512", 128)]
    public void OtherLinkedAlgorithmsAreAccepted(string algorithm, int digits) =>
        Convert($"FROM alpine@{algorithm}:{new string('a', digits)}\nRUN true\n");

    [Fact]
    public void AnOnbuildFromInABaseImageFails()
    {
        var metadata = Path.GetTempFileName();
        try
        {
            File.WriteAllText(metadata, """
                {"docker.io/example/onbuild:1": {"digest": "sha256:3333333333333333333333333333333333333333333333333333333333333333",
                 "config": {"architecture": "amd64", "os": "linux", "config": {"OnBuild": ["FROM busybox"]}, "rootfs": {"type": "layers", "diff_ids": []}}}}
                """);
            var options = new ConvertOptions { ImageResolver = FileImageMetadataResolver.Load(metadata) };
            var error = Assert.Throws<ConvertException>(() => Convert("FROM alpine\nRUN true\nFROM example/onbuild:1\nRUN echo after\n", options));
            Assert.Equal("*instructions.Stage is not a command type", error.Message);
            Assert.Equal(3, error.Range?.Start.Line);
        }
        finally
        {
            File.Delete(metadata);
        }
    }

    private static ConvertResult Convert(string dockerfile, ConvertOptions? options = null) =>
        DockerfileConverter.ConvertAsync(dockerfile, options ?? new ConvertOptions()).AsTask().GetAwaiter().GetResult();
}
