using System.Collections.Immutable;

namespace CSharpFrontend.Converter.Llb;

/// <summary>The LLB capabilities a daemon reported; ops degrade where a capability is missing.</summary>
public sealed record LlbCaps(ImmutableHashSet<string> Supported)
{
    public bool Supports(string capId) => Supported.Contains(capId);

    public static LlbCaps Of(IEnumerable<string> capIds) => new(capIds.ToImmutableHashSet(StringComparer.Ordinal));
}
