namespace CSharpFrontend.Converter.Llb;

/// <summary>The LLB capabilities a daemon reported; ops degrade where a capability is missing.</summary>
/// <remarks>
/// A set of strings that is never changed after it is made. A <see cref="HashSet{T}"/> rather than an immutable set:
/// making one is the first use of that code in a short run of the NativeAOT binary, and an offline run makes
/// <see cref="All"/> at every start.
/// </remarks>
public sealed class LlbCaps
{
    private readonly HashSet<string> _supported;

    private LlbCaps(HashSet<string> supported) => _supported = supported;

    /// <summary>Every capability this frontend knows of: a current daemon.</summary>
    public static LlbCaps All { get; } = Of(CapId.All);

    /// <summary>The capabilities <paramref name="capIds"/> names.</summary>
    public static LlbCaps Of(IEnumerable<string> capIds) => new(new HashSet<string>(capIds, StringComparer.Ordinal));

    /// <summary>Whether the daemon has <paramref name="capId"/>.</summary>
    public bool Supports(string capId) => _supported.Contains(capId);
}
