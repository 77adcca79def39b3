using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Frontend.Gateway;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>
/// v0.24.0 declares no cap for a copy's patterns or mode string (the v0.24 corpus's metadata has none), so the gateway
/// reads them off the ops: a daemon without the cap refuses the build instead of ignoring <c>--exclude</c>.
/// </summary>
public sealed class ContentCapsTests
{
    [Theory]
    [InlineData("FROM alpine\nCOPY --exclude=*.md . /app\n", CapId.FileCopyIncludeExcludePatterns)]
    [InlineData("FROM alpine\nCOPY --chmod=u+x a /b\n", CapId.FileCopyModeString)]
    public async Task CopiesNeedTheirCapsThoughTheMetadataDoesNotDeclareThem(string dockerfile, string cap)
    {
        var result = await DockerfileConverter.ConvertAsync(dockerfile, new ConvertOptions { LlbCaps = LlbCaps.All });
        var definition = result.Definition.Definition;
        Assert.DoesNotContain(definition.Metadata.Values, m => m.Caps.ContainsKey(cap));
        Assert.Contains(cap, definition.Def.SelectMany(op => ContentCaps.Of(Pb.Op.Parser.ParseFrom(op))));
    }

    [Fact]
    public async Task APlainCopyNeedsNoPatternCap()
    {
        var result = await DockerfileConverter.ConvertAsync("FROM alpine\nCOPY a /b\n", new ConvertOptions { LlbCaps = LlbCaps.All });
        Assert.Empty(result.Definition.Definition.Def.SelectMany(op => ContentCaps.Of(Pb.Op.Parser.ParseFrom(op))));
    }
}
