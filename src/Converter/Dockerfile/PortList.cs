using System.Globalization;
using CSharpFrontend.Shared;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>
/// EXPOSE port specs as BuildKit v0.24.0 reads them (its own <c>portSpecs.parsePorts</c>):
/// <c>[ip:][host:]port[-port][/proto]</c> → one <c>port/proto</c> per port, in order, duplicates kept, the protocol
/// lower-cased (<c>tcp</c> when none).
/// </summary>
internal static class PortList
{
    public static IReadOnlyList<string> Parse(IEnumerable<string> rawPorts)
    {
        var result = new List<string>();
        foreach (var raw in rawPorts)
        {
            var (ip, hostPort, containerPart) = SplitParts(raw);
            var slash = containerPart.IndexOf('/');
            var containerPort = slash < 0 ? containerPart : containerPart[..slash];
            var proto = slash < 0 ? "" : containerPart[(slash + 1)..];
            if (containerPort.Length == 0)
            {
                throw new ConvertException($"invalid port: {GoQuoting.Quote(raw)}: no port specified");
            }

            if (proto.ToLowerInvariant() is not ("" or "tcp" or "udp" or "sctp"))
            {
                throw new ConvertException($"invalid port: {GoQuoting.Quote(raw)}: invalid proto: {proto}");
            }

            proto = proto.Length == 0 ? "tcp" : proto.ToLowerInvariant();
            if (ip.StartsWith('['))
            {
                ip = GoHostPort.SplitHost(ip + ":", out var error) ?? throw new ConvertException($"invalid IP address {ip}: {error}");
            }

            if (ip.Length > 0 && !GoHostPort.IsIp(ip))
            {
                throw new ConvertException("invalid IP address: " + ip);
            }

            if (!TryParseRange(containerPort, out var start, out var end))
            {
                throw new ConvertException("invalid containerPort: " + containerPort);
            }

            if (hostPort.Length > 0)
            {
                if (!TryParseRange(hostPort, out var hostStart, out var hostEnd))
                {
                    throw new ConvertException("invalid hostPort: " + hostPort);
                }

                if (end - start != hostEnd - hostStart && end != start)
                {
                    throw new ConvertException($"invalid ranges specified for container and host Ports: {containerPort} and {hostPort}");
                }
            }

            for (var port = start; port <= end; port++)
            {
                result.Add(port.ToString(CultureInfo.InvariantCulture) + "/" + proto);
            }
        }

        return result;
    }

    /// <summary>go-connections' <c>splitParts</c>: the last two colon-separated parts are the ports, the rest the IP.</summary>
    internal static (string Ip, string HostPort, string ContainerPort) SplitParts(string raw)
    {
        var parts = raw.Split(':');
        return parts.Length switch
        {
            1 => ("", "", parts[0]),
            2 => ("", parts[0], parts[1]),
            3 => (parts[0], parts[1], parts[2]),
            _ => (string.Join(':', parts[..^2]), parts[^2], parts[^1]),
        };
    }

    private static bool TryParseRange(string text, out long start, out long end)
    {
        start = end = 0;
        if (text.Length == 0)
        {
            return false;
        }

        var dash = text.IndexOf('-');
        var first = dash < 0 ? text : text[..dash];
        if (!TryParsePort(first, out start))
        {
            return false;
        }

        if (dash < 0 || first == text[(dash + 1)..])
        {
            end = start;
            return true;
        }

        return TryParsePort(text[(dash + 1)..], out end) && end >= start;
    }

    /// <summary>Go's <c>strconv.ParseInt(s, 10, 0)</c> (an optional sign, decimal digits) within 0–65535.</summary>
    private static bool TryParsePort(string text, out long port)
    {
        port = 0;
        var digits = text.StartsWith('+') || text.StartsWith('-') ? text[1..] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out port))
        {
            return false;
        }

        port = text.StartsWith('-') ? -port : port;
        return port is >= 0 and <= 65535;
    }
}
