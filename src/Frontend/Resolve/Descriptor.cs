namespace CSharpFrontend.Frontend.Resolve;

/// <summary>An OCI content descriptor as an index or manifest names its children.</summary>
/// <param name="MediaType">The child's media type (may be empty in old manifests).</param>
/// <param name="Digest">The child's digest.</param>
/// <param name="Size">The child's size in bytes, or -1 when not given.</param>
/// <param name="Platform">The platform an index entry is for, or null when not given.</param>
public sealed record Descriptor(string MediaType, string Digest, long Size, RegistryPlatform? Platform);
