using System.Security.Cryptography;
using System.Text;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests;

public sealed class Sha256Tests
{
    // FIPS 180-4 / NIST example vectors.
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Matches_the_standard_vectors(string message, string expectedHex)
    {
        Assert.Equal(expectedHex, Convert.ToHexStringLower(Sha256.HashData(Encoding.ASCII.GetBytes(message))));
    }

    [Fact]
    public void Matches_the_platform_implementation_at_every_block_boundary()
    {
        var random = new Random(20261127);
        for (var length = 0; length <= 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(SHA256.HashData(data), Sha256.HashData(data));
        }

        var large = new byte[1_000_003];
        random.NextBytes(large);
        Assert.Equal(SHA256.HashData(large), Sha256.HashData(large));
    }

    [Fact]
    public void Digest_uses_the_oci_form()
    {
        Assert.Equal("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Digest.Of("abc"u8).Value);
    }
}
