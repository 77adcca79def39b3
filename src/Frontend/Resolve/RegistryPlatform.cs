namespace CSharpFrontend.Frontend.Resolve;

/// <summary>The platform of an index entry or image config: os, architecture and variant as the registry wrote them.</summary>
/// <param name="OS">Operating system, e.g. <c>linux</c>.</param>
/// <param name="Architecture">CPU architecture, e.g. <c>arm64</c>.</param>
/// <param name="Variant">CPU variant, e.g. <c>v7</c>, or empty.</param>
public sealed record RegistryPlatform(string OS, string Architecture, string Variant = "")
{
    /// <inheritdoc/>
    public override string ToString() =>
        Variant.Length > 0 ? $"{OS}/{Architecture}/{Variant}" : $"{OS}/{Architecture}";
}
