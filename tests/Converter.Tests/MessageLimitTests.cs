using CSharpFrontend.Converter.Dockerfile;

namespace CSharpFrontend.Converter.Tests;

/// <summary>A definition over BuildKit's 16 MiB gRPC message limit is refused by the converter, saying so.</summary>
public sealed class MessageLimitTests
{
    private static readonly ConvertOptions Options = new() { LocalUniqueId = "test" };

    private static ConvertResult Convert(string dockerfile, ConvertOptions options) =>
        DockerfileConverter.ConvertAsync(dockerfile, options).AsTask().GetAwaiter().GetResult();

    [Fact]
    public void TheDefaultIsSixteenMebibytes() => Assert.Equal(16 * 1024 * 1024, Options.MaxDefinitionBytes);

    [Fact]
    public void ADefinitionOverSixteenMebibytesIsRefused()
    {
        // A 60,000-character ENV value (lines stay under the parser's 64 KiB limit) rides along in the environment
        // of each of 300 execs: about 18 MB of ops.
        var dockerfile = $"FROM alpine\nENV BIG={new string('b', 60_000)}\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"RUN step {i}\n"));
        var error = Assert.Throws<ConvertException>(() => Convert(dockerfile, Options));

        // Refused while the RUNs are dispatched, as soon as they alone are over the limit (issue 14), at that RUN.
        var match = System.Text.RegularExpressions.Regex.Match(
            error.Message, @"^the build definition is over BuildKit's message limit of 16 MiB: the RUN instructions up to here alone take ([0-9]+) bytes$");
        Assert.True(match.Success, error.Message);
        Assert.InRange(long.Parse(match.Groups[1].Value), 16L * 1024 * 1024, 300L * 61_000);
        Assert.InRange(error.Range?.Start.Line ?? 0, 3, 302);
    }

    [Fact]
    public void TheLimitIsTheMarshalledSizeExactly()
    {
        const string dockerfile = "FROM alpine\nRUN echo hello\n";
        var size = Convert(dockerfile, Options).Definition.ToBytes().Length;

        Assert.Equal(size, Convert(dockerfile, Options with { MaxDefinitionBytes = size }).Definition.ToBytes().Length);
        var error = Assert.Throws<ConvertException>(() => Convert(dockerfile, Options with { MaxDefinitionBytes = size - 1 }));
        Assert.Equal($"the build definition is {size} bytes, over BuildKit's message limit of {size - 1} bytes", error.Message);
    }

    /// <summary>A whole number of MiB is written as such, any other limit in bytes.</summary>
    [Theory]
    [InlineData(16L << 20, "16 MiB")]
    [InlineData(1L << 20, "1 MiB")]
    [InlineData(3L << 20, "3 MiB")]
    [InlineData((16L << 20) + 1, "16777217 bytes")]
    [InlineData((1L << 20) - 1, "1048575 bytes")]
    [InlineData(1536L * 1024, "1572864 bytes")]
    [InlineData(100, "100 bytes")]
    public void TheLimitIsWrittenInMebibytesWhenWhole(long bytes, string written) =>
        Assert.Equal(written, MessageLimit.Format(bytes));
}
