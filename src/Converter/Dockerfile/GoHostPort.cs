using System.Net;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>Go's <c>net.SplitHostPort</c> and <c>net.ParseIP</c>, as EXPOSE's IP part is read with them.</summary>
internal static class GoHostPort
{
    /// <summary>
    /// <c>net.SplitHostPort</c>'s host (brackets removed), or null and <paramref name="error"/> as its
    /// <c>AddrError</c> prints (<c>address A: why</c>, or the reason alone for an empty address).
    /// </summary>
    public static string? SplitHost(string hostPort, out string? error)
    {
        error = null;
        var lastColon = hostPort.LastIndexOf(':');
        if (lastColon < 0)
        {
            return Fail(hostPort, "missing port in address", out error);
        }

        string host;
        int noOpenFrom = 0, noCloseFrom = 0;
        if (hostPort.StartsWith('['))
        {
            var end = hostPort.IndexOf(']');
            if (end < 0)
            {
                return Fail(hostPort, "missing ']' in address", out error);
            }

            if (end + 1 != lastColon)
            {
                return Fail(hostPort, end + 1 < hostPort.Length && hostPort[end + 1] == ':' ? "too many colons in address" : "missing port in address", out error);
            }

            host = hostPort[1..end];
            (noOpenFrom, noCloseFrom) = (1, end + 1);
        }
        else
        {
            host = hostPort[..lastColon];
            if (host.Contains(':'))
            {
                return Fail(hostPort, "too many colons in address", out error);
            }
        }

        return hostPort.IndexOf('[', noOpenFrom) >= 0 ? Fail(hostPort, "unexpected '[' in address", out error)
            : hostPort.IndexOf(']', noCloseFrom) >= 0 ? Fail(hostPort, "unexpected ']' in address", out error)
            : host;
    }

    /// <summary>Go's <c>net.ParseIP</c> accepts it: dotted IPv4 (no leading zeros) or IPv6 text, no zone.</summary>
    public static bool IsIp(string text) =>
        !text.Contains('%') && IPAddress.TryParse(text, out var address)
        && (text.Contains(':') || text.Count(c => c == '.') == 3 && text.Split('.').All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && (p.Length == 1 || p[0] != '0')))
        && address is not null;

    private static string? Fail(string address, string why, out string? error)
    {
        error = address.Length == 0 ? why : $"address {address}: {why}";
        return null;
    }
}
