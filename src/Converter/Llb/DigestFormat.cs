namespace CSharpFrontend.Converter.Llb;

/// <summary>
/// go-digest's <c>Digest.Validate</c> for the algorithms BuildKit links (sha256, sha384, sha512): what distribution's
/// reference parser checks after its grammar has matched <c>@algorithm:hex</c>.
/// </summary>
internal static class DigestFormat
{
    /// <summary>go-digest's error text, or null when <paramref name="digest"/> is valid.</summary>
    public static string? Check(string digest)
    {
        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon + 1 == digest.Length)
        {
            return "invalid checksum digest format";
        }

        int? size = digest[..colon] switch
        {
            "sha256" => 32,
            "sha384" => 48,
            "sha512" => 64,
            _ => null,
        };
        if (size is null)
        {
            // The reference grammar already required an algorithm name and 32+ hex digits.
            return "unsupported digest algorithm";
        }

        var encoded = digest.AsSpan(colon + 1);
        if (encoded.Length != size * 2)
        {
            return "invalid checksum digest length";
        }

        foreach (var c in encoded)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return "invalid checksum digest format";
            }
        }

        return null;
    }
}
