using System.Collections.Immutable;

namespace CSharpFrontend.Converter.Image;

/// <summary>The <c>rootfs</c> of an image config: layer type and the layers' diff ids, bottom first.</summary>
/// <remarks><see cref="DiffIds"/> null is written <c>"diff_ids": null</c> (what a scratch stage has), unlike an empty list.</remarks>
public sealed record RootFs
{
    /// <summary>Always <c>layers</c> in practice; empty when the source config had none.</summary>
    public string Type { get; init; } = "";

    /// <summary>Layer content digests, or null for none at all.</summary>
    public ImmutableArray<string>? DiffIds { get; init; }

    /// <inheritdoc/>
    public bool Equals(RootFs? other) =>
        other is not null && Type == other.Type && Structural.Equal(DiffIds, other.DiffIds);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Type, Structural.Hash(DiffIds));
}
