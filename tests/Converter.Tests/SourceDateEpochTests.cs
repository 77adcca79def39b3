using System.Collections.Immutable;
using System.Text.Json;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests;

/// <summary>
/// SOURCE_DATE_EPOCH as BuildKit v0.11.6 applies it: builder/build.go <c>parseSourceDateEpoch</c> reads the build
/// arg, dockerfile2llb's <c>commitToHistory</c> writes it as <c>created</c> of every history entry the Dockerfile
/// adds; base-image entries and the image's own <c>created</c> are left alone (the exporter's job).
/// </summary>
public sealed class SourceDateEpochTests
{
    private const string BaseConfig =
        """{"architecture":"amd64","os":"linux","created":"2021-01-01T00:00:00Z","config":{},"rootfs":{"type":"layers","diff_ids":["sha256:aa"]},"history":[{"created":"2020-05-05T00:00:00Z","created_by":"ADD base"},{"created_by":"CMD sh","empty_layer":true}]}""";

    private static readonly ConvertOptions Options = TestConversion.Options with { ImageResolver = new OneImage() };

    [Theory]
    [InlineData("1700000000", "2023-11-14T22:13:20Z")]
    [InlineData("0", "1970-01-01T00:00:00Z")]
    [InlineData("+5", "1970-01-01T00:00:05Z")]
    [InlineData("-1", "1969-12-31T23:59:59Z")]
    [InlineData("-0", "1970-01-01T00:00:00Z")]
    [InlineData("+0", "1970-01-01T00:00:00Z")]
    [InlineData("007", "1970-01-01T00:00:07Z")]
    [InlineData("253402300799", "9999-12-31T23:59:59Z")]
    public void ParsesDecimalSecondsAsUtc(string value, string written) =>
        Assert.Equal(written, SourceDateEpoch.Parse(value)!.Value.ToString());

    [Fact]
    public void EmptyOrAbsentIsNone()
    {
        Assert.Null(SourceDateEpoch.Parse(""));
        Assert.Null(SourceDateEpoch.FromBuildArgs(ImmutableDictionary<string, string>.Empty.Add("OTHER", "1")));
    }

    /// <summary>Each reason as Go 1.23.5's <c>strconv.ParseInt(v, 10, 64)</c> gives it.</summary>
    [Theory]
    [InlineData("soon", "invalid syntax")]
    [InlineData(" 1", "invalid syntax")]
    [InlineData("1_000", "invalid syntax")]
    [InlineData("0x10", "invalid syntax")]
    [InlineData("+", "invalid syntax")]
    [InlineData("1.5", "invalid syntax")]
    [InlineData("9223372036854775808", "value out of range")]
    [InlineData("-9223372036854775809", "value out of range")]
    [InlineData("99999999999999999999", "value out of range")]
    [InlineData("-", "invalid syntax")]
    [InlineData("+-1", "invalid syntax")]
    [InlineData("1a", "invalid syntax")]
    [InlineData("\u0663", "invalid syntax")]
    [InlineData("1.", "invalid syntax")]
    [InlineData(" ", "invalid syntax")]
    [InlineData("1 ", "invalid syntax")]
    public void RejectsWhatStrconvParseIntRejects(string value, string reason) =>
        Assert.Equal(
            $"invalid SOURCE_DATE_EPOCH: {value}: strconv.ParseInt: parsing \"{value}\": {reason}",
            Assert.Throws<FormatException>(() => SourceDateEpoch.Parse(value)).Message);

    [Fact]
    public void EveryEntryTheDockerfileCommitsGetsTheEpoch()
    {
        var image = Convert("FROM base\nENV A=1\nRUN true\nCOPY x /x\nWORKDIR /w\nCMD [\"run\"]\n", SourceDateEpoch.Parse("1700000000"));

        var history = image.GetProperty("history").EnumerateArray().ToArray();
        Assert.Equal(7, history.Length);
        Assert.Equal("2020-05-05T00:00:00Z", history[0].GetProperty("created").GetString());
        Assert.False(history[1].TryGetProperty("created", out _));
        Assert.All(history[2..], h => Assert.Equal("2023-11-14T22:13:20Z", h.GetProperty("created").GetString()));
        Assert.False(image.TryGetProperty("created", out _));
    }

    [Fact]
    public void WithoutAnEpochNothingIsDated()
    {
        var image = Convert("FROM scratch\nENV A=1\nCOPY x /x\n", null);
        Assert.All(image.GetProperty("history").EnumerateArray(), h => Assert.False(h.TryGetProperty("created", out _)));
    }

    [Fact]
    public void TheArgumentIsAnOrdinaryBuildArg()
    {
        var args = ImmutableDictionary<string, string>.Empty.Add("SOURCE_DATE_EPOCH", "1700000000");
        var declared = Exec("FROM scratch\nARG SOURCE_DATE_EPOCH\nRUN true\n", args);
        Assert.Contains("SOURCE_DATE_EPOCH=1700000000", declared.Meta.Env);
        var undeclared = Exec("FROM scratch\nRUN true\n", args);
        Assert.DoesNotContain(undeclared.Meta.Env, e => e.StartsWith("SOURCE_DATE_EPOCH=", StringComparison.Ordinal));
    }

    private static JsonElement Convert(string dockerfile, ImageTime? epoch)
    {
        var result = TestConversion.Convert(dockerfile, Options with { SourceDateEpoch = epoch });
        return JsonDocument.Parse(ImageConfigWriter.ToJson(result.Image)).RootElement.Clone();
    }

    private static Pb.ExecOp Exec(string dockerfile, ImmutableDictionary<string, string> args) =>
        TestConversion.Convert(dockerfile, Options with { BuildArgs = args })
            .Definition.Ops.Single(o => o.Op.OpCase == Pb.Op.OpOneofCase.Exec).Op.Exec;

    private sealed class OneImage : IImageMetadataResolver
    {
        public ValueTask<ResolvedImage> ResolveAsync(ImageReference reference, LlbPlatform platform, ImageResolveOptions options, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new ResolvedImage("sha256:" + new string('1', 64), ImageConfigReader.Parse(BaseConfig)));
    }
}
