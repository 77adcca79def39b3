using CSharpFrontend.Tests.Shared;
using Pb;

namespace CSharpFrontend.Frontend.Tests;

/// <summary><c>csharp-frontend translate --build-context</c> as a process: the options buildx would send, offline.</summary>
public sealed class TranslateBuildContextTests
{
    private static List<(Op Op, OpMetadata? Metadata)> Ops(byte[] definitionBytes)
    {
        var definition = Definition.Parser.ParseFrom(definitionBytes);
        return [.. definition.Def.Select(b => (Op.Parser.ParseFrom(b), definition.Metadata.GetValueOrDefault(
            "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(b.Span)))))];
    }

    [Fact]
    public void ImageAndDirectoryContextsReplaceTheNamedImageAndStage()
    {
        var work = Directory.CreateTempSubdirectory("build-context-");
        try
        {
            var lib = Directory.CreateDirectory(Path.Combine(work.FullName, "lib")).FullName;
            File.WriteAllText(Path.Combine(lib, ".dockerignore"), "*.tmp\n");
            File.WriteAllText(Path.Combine(work.FullName, "images.json"),
                """{"docker.io/library/busybox:1.36":{"digest":"sha256:2222222222222222222222222222222222222222222222222222222222222222","config":{"architecture":"amd64","os":"linux","config":{"WorkingDir":"/opt"},"rootfs":{"type":"layers","diff_ids":["sha256:bbbb"]}}}}""");
            const string dockerfile = "FROM alpine AS lib\nRUN echo skipped\nFROM alpine\nCOPY --from=tools /bin/tool /usr/bin/\nCOPY --from=lib / /lib\n";
            var result = CliProcess.Run(dockerfile, "translate", "-", "--image-metadata", Path.Combine(work.FullName, "images.json"),
                "--build-context", "tools=docker-image://busybox:1.36", "--build-context", "lib=" + lib);

            Assert.True(result.ExitCode == 0, result.Stderr);
            var ops = Ops(result.Stdout);
            var image = Assert.Single(ops, o => o.Op.Source?.Identifier.Contains("busybox", StringComparison.Ordinal) == true);
            Assert.Equal("docker-image://docker.io/library/busybox:1.36", image.Op.Source.Identifier);
            Assert.Equal("[context tools] busybox:1.36", image.Metadata!.Description["llb.customname"]);

            var local = Assert.Single(ops, o => o.Op.Source?.Identifier == "local://lib");
            Assert.Equal("""["*.tmp"]""", local.Op.Source.Attrs["local.excludepatterns"]);
            Assert.Equal("context:lib", local.Op.Source.Attrs["local.sharedkeyhint"]);
            Assert.Equal("csharp-frontend", local.Op.Source.Attrs["local.unique"]);
            Assert.DoesNotContain(ops, o => o.Op.Exec is not null);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(null, new[] { "[\"lib.txt\"]", "" })]
    [InlineData("v0.11", new[] { "" })]
    public void ADirectoryContextReadTwiceIsOneSourcePerReaderWithThePathsItReads(string? compat, string[] followPaths)
    {
        // v0.24.0 sends a local named context with the paths the reader's dispatch state used (asyncLocalOutput),
        // one per COPY --from / RUN --mount from= naming no stage; v0.11.6 sent the whole directory once.
        var work = Directory.CreateTempSubdirectory("build-context-");
        try
        {
            const string dockerfile = "FROM alpine\nCOPY --from=vendor lib.txt /vendor/lib.txt\nRUN --mount=from=vendor,target=/v cat /v/lib.txt\n";
            string[] args = ["translate", "-", "--build-context", "vendor=" + work.FullName, .. compat is null ? Array.Empty<string>() : ["--compat", compat]];
            var result = CliProcess.Run(dockerfile, args);

            Assert.True(result.ExitCode == 0, result.Stderr);
            var locals = Ops(result.Stdout).Where(o => o.Op.Source?.Identifier == "local://vendor").ToList();
            Assert.Equal(followPaths, locals.Select(l => l.Op.Source.Attrs.GetValueOrDefault("local.followpaths", "")));
            Assert.All(locals, l => Assert.Equal("[context vendor] load from client", l.Metadata!.Description["llb.customname"]));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public void AGitContextIsAGitSource()
    {
        var result = CliProcess.Run("FROM alpine\nCOPY --from=src /README.md /\n", "translate", "-", "--format", "json",
            "--build-context", "src=https://github.com/moby/buildkit.git?keep-git-dir=true#v0.11.6");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var json = System.Text.Encoding.UTF8.GetString(result.Stdout);
        Assert.Contains("\"identifier\":\"git://github.com/moby/buildkit.git#v0.11.6\"", json, StringComparison.Ordinal);

        // v0.24's named git contexts keep .git only when the URL's query asks.
        Assert.Contains("\"git.keepgitdir\":\"true\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("src", "--build-context src: expected KEY=VALUE")]
    [InlineData("src=/no/such/dir", "not a URL, local:NAME or a directory")]
    public void BadValuesAreUsageErrors(string value, string message)
    {
        var result = CliProcess.Run("FROM alpine\n", "translate", "-", "--build-context", value);
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadSpecifierIsAConversionError()
    {
        var result = CliProcess.Run("FROM alpine\nCOPY --from=src /a /b\n", "translate", "-", "--build-context", "src=input:x");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("frontend inputs (input:x) exist only in a build", result.Stderr, StringComparison.Ordinal);
    }
}
