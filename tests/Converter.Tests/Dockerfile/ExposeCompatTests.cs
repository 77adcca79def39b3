using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Profiles;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// EXPOSE in the v0.11 profile: v0.11.6 reads the specs with go-connections v0.4.0's <c>nat.ParsePortSpecs</c> (its
/// vendored copy), not v0.24's own parser (<see cref="ExposeTests"/>): capitalized errors, the whole spec in
/// <c>No port specified</c>, <c>net.SplitHostPort</c> on any IP, the range's first two dash-separated parts. Each row is
/// what that vendored <c>nat</c> package (v0.11.6's <c>vendor/github.com/docker/go-connections/nat</c>) returns,
/// run with Go 1.23.5 (no v0.11.6 binary is here).
/// </summary>
public sealed class ExposeCompatTests
{
    private static readonly ConvertOptions V011 = TestConversion.Options with { Profile = BuildKitProfile.V0_11 };

    [Theory]
    [InlineData("80", "80/tcp")]
    [InlineData("80/udp", "80/udp")]
    [InlineData("80/SCTP", "80/sctp")]
    [InlineData("80/TCP", "80/tcp")]
    [InlineData("80/xyz", "!Invalid proto: xyz")]
    [InlineData("80/Xyz", "!Invalid proto: Xyz")]
    [InlineData("8080-8081/tcp", "8080/tcp,8081/tcp")]
    [InlineData("0", "0/tcp")]
    [InlineData("65535", "65535/tcp")]
    [InlineData("65536", "!Invalid containerPort: 65536")]
    [InlineData("-1", "!Invalid containerPort: -1")]
    [InlineData("+80", "!Invalid containerPort: +80")]
    [InlineData("1.2.3.4:80:80", "80/tcp")]
    [InlineData("[::1]:80:80", "80/tcp")]
    [InlineData("[::1:80:80", "!Invalid ip address [::1: address [::1:: missing ']' in address")]
    [InlineData("[::1]x:80:80", "!Invalid ip address [::1]x: address [::1]x:: missing port in address")]
    [InlineData("[::1]]:80:80", "!Invalid ip address [::1]]: address [::1]]:: missing port in address")]
    [InlineData("[[::1]:80:80", "!Invalid ip address [[::1]: address [[::1]:: unexpected '[' in address")]
    [InlineData("[]:80:80", "80/tcp")]
    [InlineData("[1.2.3.4]:80:80", "80/tcp")]
    [InlineData("[::1]::80", "80/tcp")]
    [InlineData("127.0.0.1::80", "80/tcp")]
    [InlineData("80-79", "!Invalid containerPort: 80-79")]
    [InlineData("80-80", "80/tcp")]
    [InlineData("1000-1001:80", "80/tcp")]
    [InlineData("1000-1002:80-81", "!Invalid ranges specified for container and host Ports: 80-81 and 1000-1002")]
    [InlineData("1000-1001:80-81", "80/tcp,81/tcp")]
    [InlineData("abc", "!Invalid containerPort: abc")]
    [InlineData("/tcp", "!No port specified: /tcp<empty>")]
    [InlineData("80/", "80/tcp")]
    [InlineData(":80", "80/tcp")]
    [InlineData("1.2.3:80:80", "!Invalid ip address: 1.2.3")]
    [InlineData("01.2.3.4:80:80", "!Invalid ip address: 01.2.3.4")]
    [InlineData("80:", "!No port specified: 80:<empty>")]
    [InlineData("8x", "!Invalid containerPort: 8x")]
    [InlineData("80-", "!Invalid containerPort: 80-")]
    [InlineData("-80", "!Invalid containerPort: -80")]
    [InlineData("[fe80::1%eth0]:80:80", "!Invalid ip address: fe80::1%eth0")]
    [InlineData("::1:80:80", "!Invalid ip address ::1: address ::1:: too many colons in address")]
    [InlineData("a:b:c:80:80", "!Invalid ip address a:b:c: address a:b:c:: too many colons in address")]
    [InlineData("1-2-3", "1/tcp,2/tcp")]
    [InlineData("080", "80/tcp")]
    [InlineData("80/tcp/x", "80/tcp")]
    [InlineData("x:80", "!Invalid hostPort: x")]
    [InlineData("1.2.3.4]:80:80", "!Invalid ip address 1.2.3.4]: address 1.2.3.4]:: unexpected ']' in address")]
    [InlineData("a[b:80:80", "!Invalid ip address a[b: address a[b:: unexpected '[' in address")]
    [InlineData("abc:80", "!Invalid hostPort: abc")]
    [InlineData("80:abc/xyz", "!Invalid containerPort: abc")]
    [InlineData("70000:80", "!Invalid hostPort: 70000")]
    [InlineData("1.2.3.4:abc:80", "!Invalid hostPort: abc")]
    [InlineData("80-81/udp", "80/udp,81/udp")]
    [InlineData("8x/xyz", "!Invalid containerPort: 8x")]
    [InlineData("", "!No port specified: <empty>")]
    [InlineData("1:2:3:4:5:6:7:8:80:80", "!Invalid ip address 1:2:3:4:5:6:7:8: address 1:2:3:4:5:6:7:8:: too many colons in address")]
    [InlineData("::ffff:1.2.3.4:80:80", "!Invalid ip address ::ffff:1.2.3.4: address ::ffff:1.2.3.4:: too many colons in address")]
    [InlineData("[::1]80:80", "!Invalid ip address [:: address [::: missing ']' in address")]
    public void APortSpec(string spec, string expected)
    {
        if (expected.StartsWith('!'))
        {
            Assert.Equal(expected[1..], Assert.Throws<ConvertException>(() => PortSpecs.Parse([spec])).Message);
            return;
        }

        Assert.Equal(expected, string.Join(',', PortSpecs.Parse([spec])));
    }

    [Fact]
    public void TheSpecsAreOneSetInOrder() =>
        Assert.Equal(["1000/tcp", "80/tcp", "80/udp", "81/tcp"], PortSpecs.Parse(["81", "80", "80/udp", "80", "1000"]));

    /// <summary>The config's ports and the history's <c>EXPOSE %v</c> of the port map (Go prints a map's keys sorted).</summary>
    [Fact]
    public void TheImageHasThePortsAndTheHistoryTheMap()
    {
        var image = TestConversion.Convert("FROM scratch\nEXPOSE 81 80/UDP 1000-1001:80-81\n", V011).Image;
        Assert.Equal(["80/tcp", "80/udp", "81/tcp"], image.Config.ExposedPorts.Order(StringComparer.Ordinal));
        Assert.Equal("EXPOSE map[80/tcp:{} 80/udp:{} 81/tcp:{}]", image.History[^1].CreatedBy);
    }

    [Fact]
    public void AnErrorFailsTheConversion() =>
        Assert.Equal(
            "Invalid ip address ::1: address ::1:: too many colons in address",
            Assert.Throws<ConvertException>(() => TestConversion.Convert("FROM scratch\nEXPOSE ::1:80:80\n", V011)).Message);
}
