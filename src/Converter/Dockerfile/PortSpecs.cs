using System.Globalization;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>
/// EXPOSE port specs in the v0.11 profile, as v0.11.6 reads them with go-connections v0.4.0's
/// <c>nat.ParsePortSpecs</c>: <c>[ip:][host:]port[-port][/proto]</c> → the set of <c>port/proto</c>, or the first
/// spec's error in its order (the IP, the container port, the host port, the ranges, the protocol).
/// </summary>
internal static class PortSpecs
{
    public static IReadOnlyCollection<string> Parse(IEnumerable<string> rawPorts)
    {
        var ports = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in rawPorts)
        {
            var (rawIp, hostPort, containerPart) = PortList.SplitParts(raw);
            var (proto, containerPort) = SplitProtoPort(containerPart);
            var ip = GoHostPort.SplitHost(rawIp + ":", out var ipError)
                ?? throw new ConvertException($"Invalid ip address {rawIp}: {ipError}");
            if (ip.Length > 0 && !GoHostPort.IsIp(ip))
            {
                throw new ConvertException("Invalid ip address: " + ip);
            }

            if (containerPort.Length == 0)
            {
                throw new ConvertException($"No port specified: {raw}<empty>");
            }

            if (!TryParseRange(containerPort, out var start, out var end))
            {
                throw new ConvertException("Invalid containerPort: " + containerPort);
            }

            if (hostPort.Length > 0)
            {
                if (!TryParseRange(hostPort, out var hostStart, out var hostEnd))
                {
                    throw new ConvertException("Invalid hostPort: " + hostPort);
                }

                if (end - start != hostEnd - hostStart && end != start)
                {
                    throw new ConvertException($"Invalid ranges specified for container and host Ports: {containerPort} and {hostPort}");
                }
            }

            var lower = proto.ToLowerInvariant();
            if (lower is not ("tcp" or "udp" or "sctp"))
            {
                throw new ConvertException($"Invalid proto: {proto}");
            }

            for (var port = start; port <= end; port++)
            {
                ports.Add(port.ToString(CultureInfo.InvariantCulture) + "/" + lower);
            }
        }

        return ports;
    }

    /// <summary><c>nat.SplitProtoPort</c>: the protocol after the first slash (<c>tcp</c> when none), the port before it.</summary>
    private static (string Proto, string Port) SplitProtoPort(string raw)
    {
        var parts = raw.Split('/');
        if (parts[0].Length == 0)
        {
            return ("", "");
        }

        return parts.Length == 1 || parts[1].Length == 0 ? ("tcp", parts[0]) : (parts[1], parts[0]);
    }

    /// <summary><c>nat.ParsePortRange</c>: one port, or the parts before and after the first dash (a later dash and what follows ignored).</summary>
    private static bool TryParseRange(string text, out uint start, out uint end)
    {
        end = 0;
        var parts = text.Split('-');
        if (!TryParsePort(parts[0], out start))
        {
            return false;
        }

        if (parts.Length == 1)
        {
            end = start;
            return true;
        }

        return TryParsePort(parts[1], out end) && end >= start;
    }

    /// <summary><c>strconv.ParseUint(s, 10, 16)</c>: decimal digits only, at most 65535.</summary>
    private static bool TryParsePort(string text, out uint port) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= ushort.MaxValue;
}
