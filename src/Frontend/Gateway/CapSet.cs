using System.Collections.Immutable;
using Moby.Buildkit.V1.Apicaps;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>
/// The capabilities a daemon reported in its Pong (apicaps.CapSet): a cap is usable when it is listed and enabled.
/// </summary>
/// <param name="Caps">Each listed cap and whether it is enabled.</param>
/// <param name="DisabledReasons">Why a listed cap is disabled, when the daemon said.</param>
public sealed record CapSet(ImmutableDictionary<string, bool> Caps, ImmutableDictionary<string, string> DisabledReasons)
{
    /// <summary>A set of enabled caps.</summary>
    public static CapSet Of(IEnumerable<string> enabled) =>
        new(enabled.Distinct(StringComparer.Ordinal).ToImmutableDictionary(id => id, _ => true, StringComparer.Ordinal),
            ImmutableDictionary<string, string>.Empty);

    /// <summary>The caps of a Pong; <paramref name="defaults"/> when the daemon listed none (daemons older than caps).</summary>
    public static CapSet FromPong(IReadOnlyCollection<APICap> caps, IReadOnlyList<string> defaults)
    {
        if (caps.Count == 0)
        {
            return Of(defaults);
        }

        var enabled = ImmutableDictionary.CreateBuilder<string, bool>(StringComparer.Ordinal);
        var reasons = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var cap in caps)
        {
            enabled[cap.ID] = cap.Enabled;
            if (!cap.Enabled && cap.DisabledReasonMsg.Length > 0)
            {
                reasons[cap.ID] = cap.DisabledReasonMsg;
            }
        }

        return new CapSet(enabled.ToImmutable(), reasons.ToImmutable());
    }

    /// <summary>The enabled cap ids.</summary>
    public IEnumerable<string> Enabled => Caps.Where(c => c.Value).Select(c => c.Key);

    /// <summary>Whether <paramref name="id"/> is listed and enabled.</summary>
    public bool Supports(string id) => Caps.TryGetValue(id, out var on) && on;

    /// <summary>Throws upstream's cap error when <paramref name="id"/> is not usable.</summary>
    /// <param name="id">The cap.</param>
    /// <param name="product">The daemon's product name for the "please update" hint.</param>
    public void Require(string id, string product)
    {
        if (!Supports(id))
        {
            throw new GatewayException(Describe(id, product));
        }
    }

    /// <summary>apicaps' <c>CapError</c> text for an unusable cap.</summary>
    public string Describe(string id, string product)
    {
        if (!Caps.ContainsKey(id))
        {
            return $"requested feature {id}  is not supported by build server, please update {(product.Length > 0 ? product : "buildkit")}";
        }

        return DisabledReasons.TryGetValue(id, out var reason)
            ? $"requested feature {id}  has been disabled on the build server: {reason}"
            : $"requested feature {id}  has been disabled on the build server";
    }
}
