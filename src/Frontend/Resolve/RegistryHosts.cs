using System.Net;

namespace CSharpFrontend.Frontend.Resolve;

/// <summary>
/// Where a reference's domain is served: <c>docker.io</c> at <c>registry-1.docker.io</c>, every other domain at
/// itself; over HTTPS, except for insecure registries (named ones, and <c>localhost</c> and the loopback addresses
/// as docker allows by default), which are spoken to over plain HTTP.
/// </summary>
public sealed class RegistryHosts
{
    private readonly HashSet<string> _insecure;

    /// <summary>Creates the mapping with <paramref name="insecure"/> hosts (<c>HOST</c> or <c>HOST:PORT</c>) served over HTTP.</summary>
    public RegistryHosts(IEnumerable<string> insecure) =>
        _insecure = new HashSet<string>(insecure.Select(h => h.Trim().TrimEnd('/').ToLowerInvariant()), StringComparer.Ordinal);

    /// <summary>The base URI (<c>scheme://host[:port]</c>) of the registry that serves <paramref name="domain"/>.</summary>
    public Uri BaseUri(string domain)
    {
        var host = domain == "docker.io" ? "registry-1.docker.io" : domain;
        return new Uri((IsInsecure(domain) ? "http://" : "https://") + host);
    }

    /// <summary>Whether <paramref name="domain"/> is spoken to over plain HTTP.</summary>
    public bool IsInsecure(string domain)
    {
        domain = domain.ToLowerInvariant();
        var hostOnly = HostPart(domain);
        return _insecure.Contains(domain) || _insecure.Contains(hostOnly) || hostOnly == "localhost"
            || (IPAddress.TryParse(hostOnly.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    private static string HostPart(string domain)
    {
        if (domain.StartsWith('['))
        {
            var close = domain.IndexOf(']');
            return close < 0 ? domain : domain[..(close + 1)];
        }

        var colon = domain.LastIndexOf(':');
        return colon < 0 ? domain : domain[..colon];
    }
}
