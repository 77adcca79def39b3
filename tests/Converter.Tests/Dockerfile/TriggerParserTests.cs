using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// A base image's ONBUILD trigger read as one instruction (v0.24.0's <c>initOnBuildTriggers</c>: <c>parser.Parse</c>,
/// exactly one node, <c>instructions.ParseCommand</c>). Each row from <c>dockerfile2llb -resolver</c> with an image
/// whose config's <c>OnBuild</c> is that one trigger (<c>FROM base</c>): its error, or the history entry the trigger
/// added (written <c>=created_by</c>).
/// </summary>
public sealed class TriggerParserTests
{
    [Theory]
    [InlineData("", "file with no instructions")]
    [InlineData("# only a comment", "file with no instructions")]
    [InlineData("RUN a\nRUN b", "onbuild trigger should be a single expression")]
    [InlineData("FROM alpine", "*instructions.Stage is not a command type")]
    [InlineData("NOTACOMMAND x", "unknown instruction: NOTACOMMAND")]
    [InlineData("ENV", "ENV requires at least one argument")]
    [InlineData("ARG", "ARG requires at least one argument")]
    [InlineData("ONBUILD ONBUILD RUN x", "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed")]
    [InlineData("ONBUILD FROM x", "FROM isn't allowed as an ONBUILD trigger")]
    [InlineData("RUN <<EOF", "unterminated heredoc")]
    [InlineData("ADD --foo=1 a b", "unknown flag: --foo")]
    public void ARefusedTrigger(string trigger, string error)
    {
        Assert.Null(TriggerParser.Parse(trigger, BuildKitDialect.Current, out var message));
        Assert.Equal(error, message);
        Assert.Equal(error, Assert.Throws<ConvertException>(() => Convert(trigger)).Message);
    }

    [Theory]
    [InlineData("RUN", "RUN /bin/sh -c  # buildkit")]
    [InlineData("run echo low", "RUN /bin/sh -c echo low # buildkit")]
    [InlineData("RUN a \\", "RUN /bin/sh -c a # buildkit")]
    [InlineData("RUN [", "RUN /bin/sh -c [ # buildkit")]
    [InlineData("CMD [\"a\" \"b\"]", "CMD [\"/bin/sh\" \"-c\" \"[\\\"a\\\" \\\"b\\\"]\"]")]
    [InlineData("COPY --from=x /a /b", "COPY /a /b # buildkit")]
    public void AnAcceptedTrigger(string trigger, string createdBy)
    {
        Assert.NotNull(TriggerParser.Parse(trigger, BuildKitDialect.Current, out var error));
        Assert.Null(error);
        var history = Convert(trigger).Image.History;
        Assert.Equal([createdBy, "RUN /bin/sh -c true # buildkit"], history.Skip(history.Count - 2).Select(h => h.CreatedBy));
    }

    /// <summary>A trigger that is itself ONBUILD is kept for the next image, not run.</summary>
    [Fact]
    public void AnOnbuildTriggerIsKept()
    {
        var image = Convert("ONBUILD RUN x").Image;
        Assert.Equal(["RUN x"], image.Config.OnBuild);
        Assert.Equal("RUN /bin/sh -c true # buildkit", image.History[^1].CreatedBy);
    }

    private static ConvertResult Convert(string trigger) =>
        TestConversion.Convert("FROM scratch AS x\nFROM base\nRUN true\n", TestConversion.Options with { ImageResolver = new OneTrigger(trigger) });

    private sealed class OneTrigger(string trigger) : IImageMetadataResolver
    {
        public ValueTask<ResolvedImage> ResolveAsync(ImageReference reference, LlbPlatform platform, ImageResolveOptions options, CancellationToken cancellationToken = default)
        {
            var config = ImageConfigReader.Parse(
                """{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["sha256:2222222222222222222222222222222222222222222222222222222222222222"]},"config":{}}""");
            return ValueTask.FromResult(new ResolvedImage("sha256:" + new string('1', 64), config with { Config = config.Config with { OnBuild = [trigger] } }));
        }
    }
}
