using System.Collections.Immutable;

namespace CSharpFrontend.Converter.Llb;

/// <summary>The LLB capabilities a daemon reported; ops degrade where a capability is missing.</summary>
public sealed record LlbCaps(ImmutableHashSet<string> Supported)
{
    public bool Supports(string capId) => Supported.Contains(capId);

    public static LlbCaps Of(IEnumerable<string> capIds) => new(capIds.ToImmutableHashSet(StringComparer.Ordinal));

    /// <summary>Every capability this frontend knows of: a current daemon.</summary>
    public static LlbCaps All { get; } = Of(CapId.All);
}
