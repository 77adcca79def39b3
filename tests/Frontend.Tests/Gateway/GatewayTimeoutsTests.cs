using System.Text;
using CSharpFrontend.Frontend.Gateway;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>The deadlines' override variable, and the check the process tests make of the frontend's stdout.</summary>
public sealed class GatewayTimeoutsTests
{
    [Fact]
    public void TheVariableOverridesSomeDeadlines()
    {
        var timeouts = GatewayTimeouts.FromVariables(new Dictionary<string, string> { [GatewayTimeouts.Variable] = "ping=500ms, call=2.5s,return=1m" });
        Assert.Equal(TimeSpan.FromMilliseconds(500), timeouts.Ping);
        Assert.Equal(TimeSpan.FromSeconds(2.5), timeouts.Call);
        Assert.Equal(TimeSpan.FromMinutes(1), timeouts.Return);
        Assert.Equal(GatewayTimeouts.Default.Warn, timeouts.Warn);
        Assert.Same(GatewayTimeouts.Default, GatewayTimeouts.FromVariables(new Dictionary<string, string>()));
    }

    [Theory]
    [InlineData("ping", "expected name=duration")]
    [InlineData("solve=1s", "unknown timeout \"solve\"")]
    [InlineData("ping=1", "bad duration \"1\"")]
    [InlineData("ping=0s", "bad duration \"0s\"")]
    [InlineData("ping=-1s", "bad duration \"-1s\"")]
    [InlineData("call=2d", "bad duration \"2d\"")]
    public void BadValuesAreRejected(string text, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => GatewayTimeouts.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void TheStdoutCheckAcceptsFramesAndCatchesAStrayLine()
    {
        var preface = Encoding.ASCII.GetBytes(Http2ClientBytes.Preface);
        byte[] settings = [0, 0, 0, 4, 0, 0, 0, 0, 0];
        Assert.Equal([(byte)4], Http2ClientBytes.FrameTypes([.. preface, .. settings]));
        Assert.ThrowsAny<Exception>(() => Http2ClientBytes.FrameTypes([.. preface, .. settings, .. Encoding.ASCII.GetBytes("error: oops\n")]));
        Assert.ThrowsAny<Exception>(() => Http2ClientBytes.FrameTypes(Encoding.ASCII.GetBytes("warning: x\n")));
    }
}
