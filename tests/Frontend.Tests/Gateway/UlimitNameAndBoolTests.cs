using CSharpFrontend.Frontend.Gateway;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>
/// The <c>ulimit</c> option's names are go-units' <c>ulimitNameMapping</c> (v0.24.0 vendor/github.com/docker/go-units/
/// ulimit.go: fifteen names, <c>as</c> disabled), and boolean options read as Go's <c>strconv.ParseBool</c>
/// (<c>1 t T TRUE true True</c>, <c>0 f F FALSE false False</c>, nothing else).
/// </summary>
public sealed class UlimitNameAndBoolTests
{
    [Theory]
    [InlineData("core")]
    [InlineData("cpu")]
    [InlineData("data")]
    [InlineData("fsize")]
    [InlineData("locks")]
    [InlineData("memlock")]
    [InlineData("msgqueue")]
    [InlineData("nice")]
    [InlineData("nofile")]
    [InlineData("nproc")]
    [InlineData("rss")]
    [InlineData("rtprio")]
    [InlineData("rttime")]
    [InlineData("sigpending")]
    [InlineData("stack")]
    public void EveryGoUnitsUlimitNameIsAccepted(string name)
    {
        var ulimit = Assert.Single(BuildOptionsParser.ParseUlimits($"{name}=10:20"));
        Assert.Equal((name, 10L, 20L), (ulimit.Name, ulimit.Soft, ulimit.Hard));
    }

    [Theory]
    [InlineData("as")]
    [InlineData("")]
    [InlineData("NOFILE")]
    public void AnyOtherUlimitNameIsRejected(string name)
    {
        Assert.Throws<GatewayException>(() => BuildOptionsParser.ParseUlimits($"{name}=10:20"));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("t", true)]
    [InlineData("T", true)]
    [InlineData("TRUE", true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("0", false)]
    [InlineData("f", false)]
    [InlineData("F", false)]
    [InlineData("FALSE", false)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    public void BooleansAreGosParseBool(string text, bool expected)
    {
        Assert.True(BuildOptionsParser.TryParseBool(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yes")]
    [InlineData("tRUE")]
    [InlineData("2")]
    public void AnythingElseIsNotABoolean(string text)
    {
        Assert.False(BuildOptionsParser.TryParseBool(text, out var value));
        Assert.False(value);
    }
}
