using CSharpFrontend.Converter.Dockerfile;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// Go's <c>net.SplitHostPort</c> (the host, or the <c>AddrError</c> text written <c>!text</c>) and <c>net.ParseIP</c>
/// (accepted or not), as EXPOSE reads an IP; each row printed by Go 1.23.5.
/// </summary>
public sealed class GoHostPortTests
{
    [Theory]
    [InlineData("a", "!address a: missing port in address")]
    [InlineData("", "!missing port in address")]
    [InlineData("a:", "a")]
    [InlineData(":", "")]
    [InlineData("[::1]:", "::1")]
    [InlineData("[::1", "!address [::1: missing ']' in address")]
    [InlineData("[::1]", "!address [::1]: missing port in address")]
    [InlineData("[::1]x:", "!address [::1]x:: missing port in address")]
    [InlineData("[::1]::", "!address [::1]::: too many colons in address")]
    [InlineData("[::1]]:", "!address [::1]]:: missing port in address")]
    [InlineData("[[::1]:", "!address [[::1]:: unexpected '[' in address")]
    [InlineData("[a]b]:", "!address [a]b]:: missing port in address")]
    [InlineData("a[b:", "!address a[b:: unexpected '[' in address")]
    [InlineData("a]b:", "!address a]b:: unexpected ']' in address")]
    [InlineData("a:b:", "!address a:b:: too many colons in address")]
    [InlineData("[]:", "")]
    [InlineData("[a:b]:", "a:b")]
    [InlineData("]:", "!address ]:: unexpected ']' in address")]
    [InlineData("[:", "!address [:: missing ']' in address")]
    public void SplitHost(string hostPort, string expected) =>
        Assert.Equal(expected, GoHostPort.SplitHost(hostPort, out var error) ?? "!" + error);

    [Theory]
    [InlineData("1.2.3.4", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("256.1.1.1", false)]
    [InlineData("1.2.3", false)]
    [InlineData("1.2.3.4.5", false)]
    [InlineData("01.2.3.4", false)]
    [InlineData("0.0.0.0", true)]
    [InlineData("1..2.3", false)]
    [InlineData("1.2.3.", false)]
    [InlineData(".1.2.3", false)]
    [InlineData("1.2.3.a", false)]
    [InlineData("1111.2.3.4", false)]
    [InlineData("1.2.3.04", false)]
    [InlineData("::1", true)]
    [InlineData("::", true)]
    [InlineData("fe80::1%eth0", false)]
    [InlineData("::ffff:1.2.3.4", true)]
    [InlineData("1:2:3:4:5:6:7:8", true)]
    [InlineData("1:2:3:4:5:6:7:8:9", false)]
    [InlineData("g::1", false)]
    [InlineData("", false)]
    [InlineData("a", false)]
    [InlineData("1.2.3.-4", false)]
    [InlineData("+1.2.3.4", false)]
    [InlineData("1.2.3.4 ", false)]
    public void IsIp(string text, bool accepted) => Assert.Equal(accepted, GoHostPort.IsIp(text));
}
