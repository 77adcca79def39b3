using System.Collections.Immutable;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>What the frontend returns: one ref, or refs by platform id, and the exporter metadata.</summary>
/// <param name="Ref">The single result (when <paramref name="Refs"/> is null).</param>
/// <param name="Refs">Results by platform id (<c>linux/arm64</c>) for multi-platform builds.</param>
/// <param name="Metadata">e.g. <c>containerimage.config</c>, <c>refs.platforms</c>.</param>
public sealed record FrontendResult(
    SolvedRef? Ref,
    ImmutableSortedDictionary<string, SolvedRef>? Refs,
    ImmutableSortedDictionary<string, byte[]> Metadata);
