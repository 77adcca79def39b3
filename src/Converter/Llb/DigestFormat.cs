namespace CSharpFrontend.Converter.Llb;

/// <summary>
/// go-digest's <c>Digest.Validate</c>: <c>algorithm:encoded</c> with an available algorithm (sha256, sha384, sha512)
/// and lower-case hex of its exact length; errors in its words.
/// </summary>
public static class DigestFormat
{
    public const string InvalidFormat = "invalid checksum digest format";
    public const string InvalidLength = "invalid checksum digest length";
    public const string Unsupported = "unsupported digest algorithm";

    /// <summary>Null when <paramref name="digest"/> is valid, else go-digest's error text.</summary>
    public static string? Validate(string digest)
    {
        var colon = digest.IndexOf(':');
        if (colon <= 0 || colon + 1 == digest.Length)
        {
            return InvalidFormat;
        }

        var algorithm = digest[..colon];
        var encoded = digest[(colon + 1)..];
        var size = algorithm switch
        {
            "sha256" => 32,
            "sha384" => 48,
            "sha512" => 64,
            _ => 0,
        };
        if (size == 0)
        {
            return IsDigestShaped(algorithm, encoded) ? Unsupported : InvalidFormat;
        }

        if (encoded.Length != size * 2)
        {
            return InvalidLength;
        }

        return encoded.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f') ? null : InvalidFormat;
    }

    /// <summary><c>[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+</c>, anchored.</summary>
    private static bool IsDigestShaped(string algorithm, string encoded)
    {
        var previousSeparator = true;
        foreach (var c in algorithm)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                previousSeparator = false;
            }
            else if (c is '.' or '+' or '_' or '-' && !previousSeparator)
            {
                previousSeparator = true;
            }
            else
            {
                return false;
            }
        }

        return !previousSeparator && encoded.All(c => char.IsAsciiLetterOrDigit(c) || c is '=' or '_' or '-');
    }
}
