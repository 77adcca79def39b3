using System.Globalization;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>EXPOSE port specs as docker's <c>nat.ParsePortSpecs</c> reads them: <c>[ip:][host:]port[-port][/proto]</c>.</summary>
internal static class PortSpecs
{
    public static IReadOnlyCollection<string> Parse(IEnumerable<string> rawPorts)
    {
        var ports = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in rawPorts)
        {
            var parts = raw.Split(':');
            var containerPart = parts[^1];
            var (proto, containerPort) = SplitProtoPort(containerPart);
            if (containerPort.Length == 0)
            {
                throw new ConvertException($"no port specified: {containerPart}<empty>");
            }

            if (!TryParseRange(containerPort, out var start, out var end))
            {
                throw new ConvertException($"invalid containerPort: {containerPort}");
            }

            proto = proto.ToLowerInvariant();
            if (proto is not ("tcp" or "udp" or "sctp"))
            {
                throw new ConvertException($"invalid proto: {proto}");
            }

            for (var port = start; port <= end; port++)
            {
                ports.Add(port.ToString(CultureInfo.InvariantCulture) + "/" + proto);
            }
        }

        return ports;
    }

    private static (string Proto, string Port) SplitProtoPort(string raw)
    {
        var parts = raw.Split('/');
        if (raw.Length == 0 || parts[0].Length == 0)
        {
            return ("", "");
        }

        return parts.Length == 1 || parts[1].Length == 0 ? ("tcp", parts[0]) : (parts[1], parts[0]);
    }

    private static bool TryParseRange(string text, out uint start, out uint end)
    {
        start = end = 0;
        var dash = text.IndexOf('-');
        if (dash < 0)
        {
            return TryParsePort(text, out start) && (end = start) == start;
        }

        return TryParsePort(text[..dash], out start) && TryParsePort(text[(dash + 1)..], out end) && end >= start;
    }

    private static bool TryParsePort(string text, out uint port) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= ushort.MaxValue;
}
