using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace CSharpFrontend.Frontend.Resolve;

/// <summary>OCI content digests (<c>sha256:</c> or <c>sha512:</c> and lower-case hex): computing and checking.</summary>
public static partial class ContentDigest
{
    /// <summary>The sha256 digest of <paramref name="content"/>.</summary>
    public static string Sha256(ReadOnlySpan<byte> content) => Converter.Llb.Digest.Of(content).Value;

    /// <summary>Whether <paramref name="digest"/> is a well-formed sha256 or sha512 digest.</summary>
    public static bool IsValid(string digest) => Pattern().IsMatch(digest);

    /// <summary>The digest of <paramref name="content"/> with the algorithm of <paramref name="expected"/>.</summary>
    /// <exception cref="RegistryFailure"><paramref name="expected"/> is not a sha256 or sha512 digest.</exception>
    public static string Compute(string expected, ReadOnlySpan<byte> content)
    {
        if (!IsValid(expected))
        {
            throw new RegistryFailure($"unsupported or malformed digest \"{expected}\"");
        }

        return expected.StartsWith("sha512:", StringComparison.Ordinal)
            ? "sha512:" + Convert.ToHexStringLower(SHA512.HashData(content))
            : Sha256(content);
    }

    /// <summary>Checks that <paramref name="content"/> hashes to <paramref name="expected"/>.</summary>
    /// <param name="expected">The digest the content was asked for by, or announced with.</param>
    /// <param name="content">The downloaded bytes.</param>
    /// <param name="what">Names the content in the error, e.g. <c>manifest</c>.</param>
    /// <exception cref="RegistryFailure">The digests differ.</exception>
    public static void Verify(string expected, ReadOnlySpan<byte> content, string what)
    {
        var actual = Compute(expected, content);
        if (actual != expected)
        {
            throw new RegistryFailure($"digest mismatch for {what}: expected {expected}, the registry sent content with digest {actual}");
        }
    }

    [GeneratedRegex("^(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$")]
    private static partial Regex Pattern();
}
