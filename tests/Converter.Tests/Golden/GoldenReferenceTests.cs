using System.Diagnostics;
using System.Text.Json.Nodes;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Tests.Shared;
using Pb;

namespace CSharpFrontend.Converter.Tests.Golden;

/// <summary>
/// Every golden case against BuildKit v0.24.0's own converter (<c>dockerfile2llb</c>, its labs build when the stable
/// one rejects the syntax): the same op digests, head and metadata (progress group ids aside) and the same image
/// config, or both reject with the same message. The golden files pin our output; this proves what they pin is
/// upstream's.
/// </summary>
public sealed class GoldenReferenceTests
{
    public static TheoryData<string> Cases() => [.. GoldenCase.Names()];

    [Fact]
    public void TheReferenceConverterIsThere() =>
        Assert.True(File.Exists(UpstreamTools.Dockerfile2Llb), $"{UpstreamTools.Dockerfile2Llb} is missing (set BUILDKIT_V024_DIR)");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EqualsBuildKit(string name)
    {
        var testCase = GoldenCase.Load(name);
        var options = testCase.Options with { LocalUniqueId = "conformance" };
        using var work = new TempDir();
        var reference = Reference(testCase, work.Path);

        ConvertResult? ours = null;
        string? error = null;
        try
        {
            ours = await DockerfileConverter.ConvertAsync(testCase.Dockerfile, options);
        }
        catch (ConvertException ex)
        {
            error = ex.Message;
        }

        if (reference.Error is { } expectedError)
        {
            Assert.Equal(expectedError, error);
            return;
        }

        Assert.True(ours is not null, "rejected, BuildKit accepted: " + error);
        var definition = Definition.Parser.ParseFrom(reference.Definition);
        var expectedDigests = definition.Def.Select(d => Digest.Of(d.Span).Value).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expectedDigests, ours.Definition.Ops.Select(o => o.Digest.Value).Order(StringComparer.Ordinal).ToArray());
        foreach (var op in ours.Definition.Ops)
        {
            Assert.True(
                GraphAssert.Hex(GraphAssert.WithoutGroupId(definition.Metadata[op.Digest.Value]))
                    == GraphAssert.Hex(GraphAssert.WithoutGroupId(ours.Definition.Definition.Metadata[op.Digest.Value])),
                $"metadata of {op.Digest}: ours {ours.Definition.Definition.Metadata[op.Digest.Value]}, BuildKit {definition.Metadata[op.Digest.Value]}");
        }

        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(reference.Image!), JsonNode.Parse(ImageConfigWriter.ToJson(ours.Image, ours.ImageLayout))),
            $"image config differs:\nours {ImageConfigWriter.ToJson(ours.Image, ours.ImageLayout)}\nBuildKit {reference.Image}");
    }

    private sealed record ReferenceOutput(byte[] Definition, string? Image, string? Error);

    /// <summary>Runs the stable converter, then the labs one if the stable one rejects the Dockerfile.</summary>
    private static ReferenceOutput Reference(GoldenCase testCase, string work)
    {
        var stable = Run(UpstreamTools.Dockerfile2Llb, testCase, work);
        return stable.Error is null || !File.Exists(UpstreamTools.Dockerfile2LlbLabs) ? stable : Run(UpstreamTools.Dockerfile2LlbLabs, testCase, work) is { Error: null } labs ? labs : stable;
    }

    private static ReferenceOutput Run(string tool, GoldenCase testCase, string work)
    {
        var definition = Path.Combine(work, "def.pb");
        var image = Path.Combine(work, "image.json");
        File.Delete(definition);
        File.Delete(image);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in Arguments(testCase, definition, image))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), tool + " did not finish in 60 s");
        if (process.ExitCode != 0)
        {
            var text = stderr.Result.Trim();
            return new ReferenceOutput([], null, text.StartsWith("error: ", StringComparison.Ordinal) ? text[7..] : text);
        }

        return new ReferenceOutput(File.ReadAllBytes(definition), File.ReadAllText(image), null);
    }

    private static IEnumerable<string> Arguments(GoldenCase testCase, string definition, string image)
    {
        yield return "-f";
        yield return Path.Combine(testCase.Directory, "Dockerfile");
        yield return "-o";
        yield return definition;
        yield return "-image-config";
        yield return image;
        var optionsPath = Path.Combine(testCase.Directory, "options.json");
        if (!File.Exists(optionsPath))
        {
            yield break;
        }

        var json = JsonNode.Parse(File.ReadAllText(optionsPath))!.AsObject();
        if (json["target"]?.GetValue<string>() is { } target)
        {
            yield return "-target";
            yield return target;
        }

        if (json["platform"]?.GetValue<string>() is { } platform)
        {
            yield return "-platform";
            yield return platform;
        }

        foreach (var (key, value) in json["buildArgs"] as JsonObject ?? [])
        {
            yield return "-build-arg";
            yield return key + "=" + value!.GetValue<string>();
        }

        if (json["imageMetadata"]?.GetValue<string>() is { } metadata)
        {
            yield return "-resolver";
            yield return Path.GetFullPath(Path.Combine(testCase.Directory, metadata));
        }
    }

    private sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("golden-ref-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
