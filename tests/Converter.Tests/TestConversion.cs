using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests;

/// <summary>The offline conversion most converter tests use: linux/amd64, every LLB cap, local unique id <c>test</c>.</summary>
internal static class TestConversion
{
    public static ConvertOptions Options { get; } = new()
    {
        TargetPlatform = LlbPlatform.LinuxAmd64,
        BuildPlatforms = [LlbPlatform.LinuxAmd64],
        LocalUniqueId = "test",
        LlbCaps = LlbCaps.All,
    };

    /// <summary>Converts on this thread (the offline resolver completes synchronously).</summary>
    public static ConvertResult Convert(string dockerfile, ConvertOptions? options = null) =>
        DockerfileConverter.ConvertAsync(dockerfile, options ?? Options).AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// One row of a table of Dockerfiles: <c>!message</c> is the error the conversion must fail with; anything else is
    /// what <paramref name="read"/> must give of the result.
    /// </summary>
    public static void AssertRow(string dockerfile, string expected, Func<ConvertResult, string> read)
    {
        if (expected.StartsWith('!'))
        {
            Assert.Equal(expected[1..], Assert.Throws<ConvertException>(() => Convert(dockerfile)).Message);
            return;
        }

        Assert.Equal(expected, read(Convert(dockerfile)));
    }
}
