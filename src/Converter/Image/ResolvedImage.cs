namespace CSharpFrontend.Converter.Image;

/// <summary>What a base-image lookup answers: the manifest digest that pins the image, if known, and its config.</summary>
/// <param name="Digest">The digest (<c>sha256:…</c>) the image reference gets pinned to, or null to leave it unpinned.</param>
/// <param name="Config">The image config as the registry (or fixture) gives it, read with Go's rules.</param>
public sealed record ResolvedImage(string? Digest, ImageConfig Config);
