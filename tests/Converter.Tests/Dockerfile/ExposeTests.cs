namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// EXPOSE as v0.24.0 reads each port (go-connections' <c>nat.ParsePortSpecs</c>: <c>[ip:[hostPort]:]port[/proto]</c>,
/// ranges, an IP in brackets through <c>net.SplitHostPort</c>, Go's IP syntax): the image config's
/// <c>ExposedPorts</c>, or the error (written <c>!message</c>). Each row from <c>dockerfile2llb</c> with
/// <c>FROM scratch</c> + <c>EXPOSE spec</c>.
/// </summary>
public sealed class ExposeTests
{
    [Theory]
    [InlineData("80", "80/tcp")]
    [InlineData("80/udp", "80/udp")]
    [InlineData("80/sctp", "80/sctp")]
    [InlineData("80/xyz", "!invalid port: \"80/xyz\": invalid proto: xyz")]
    [InlineData("8080-8081/tcp", "8080/tcp,8081/tcp")]
    [InlineData("0", "0/tcp")]
    [InlineData("65535", "65535/tcp")]
    [InlineData("65536", "!invalid containerPort: 65536")]
    [InlineData("-1", "!invalid containerPort: -1")]
    [InlineData("+80", "80/tcp")]
    [InlineData("1.2.3.4:80:80", "80/tcp")]
    [InlineData("[::1]:80:80", "80/tcp")]
    [InlineData("[::1:80:80", "!invalid IP address [::1: address [::1:: missing ']' in address")]
    [InlineData("[::1]x:80:80", "!invalid IP address [::1]x: address [::1]x:: missing port in address")]
    [InlineData("[::1]]:80:80", "!invalid IP address [::1]]: address [::1]]:: missing port in address")]
    [InlineData("[[::1]:80:80", "!invalid IP address [[::1]: address [[::1]:: unexpected '[' in address")]
    [InlineData("[]:80:80", "80/tcp")]
    [InlineData("[1.2.3.4]:80:80", "80/tcp")]
    [InlineData("[::1]::80", "80/tcp")]
    [InlineData("127.0.0.1::80", "80/tcp")]
    [InlineData("80-79", "!invalid containerPort: 80-79")]
    [InlineData("80-80", "80/tcp")]
    [InlineData("1000-1001:80", "80/tcp")]
    [InlineData("1000-1002:80-81", "!invalid ranges specified for container and host Ports: 80-81 and 1000-1002")]
    [InlineData("1000-1001:80-81", "80/tcp,81/tcp")]
    [InlineData("abc", "!invalid containerPort: abc")]
    [InlineData("/tcp", "!invalid port: \"/tcp\": no port specified")]
    [InlineData("80/", "80/tcp")]
    [InlineData(":80", "80/tcp")]
    [InlineData("1.2.3:80:80", "!invalid IP address: 1.2.3")]
    [InlineData("01.2.3.4:80:80", "!invalid IP address: 01.2.3.4")]
    [InlineData("1.2.3.4.5:80:80", "!invalid IP address: 1.2.3.4.5")]
    [InlineData("80:", "!invalid port: \"80:\": no port specified")]
    [InlineData("8x", "!invalid containerPort: 8x")]
    [InlineData("80-", "!invalid containerPort: 80-")]
    [InlineData("-80", "!invalid containerPort: -80")]
    [InlineData("[fe80::1%eth0]:80:80", "!invalid IP address: fe80::1%eth0")]
    [InlineData("::1:80:80", "80/tcp")]
    [InlineData("a:b:c:80:80", "!invalid IP address: a:b:c")]
    public void APortSpec(string spec, string expected) =>
        TestConversion.AssertRow($"FROM scratch\nEXPOSE {spec}\n", expected, r => string.Join(',', r.Image.Config.ExposedPorts.Order(StringComparer.Ordinal)));
}
