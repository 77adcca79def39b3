using Pb;

namespace CSharpFrontend.Frontend.Dump;

/// <summary>One entry of a definition's <c>def</c> list, decoded.</summary>
/// <param name="Op">The decoded op.</param>
/// <param name="Digest">The op's digest: <c>sha256:</c> and the hex SHA-256 of its marshalled bytes.</param>
/// <param name="Metadata">The definition's metadata for that digest, or <c>null</c> when it has none.</param>
/// <param name="HasInvalidUtf8">
/// Some string of the op or of the definition was not valid UTF-8; its invalid bytes are held as private-use
/// markers and dumped as Go does, each as the escape of U+FFFD.
/// </param>
public sealed record DumpedOp(Op Op, string Digest, OpMetadata? Metadata, bool HasInvalidUtf8 = false)
{
    /// <summary>The metadata's <c>llb.customname</c> description, or <c>null</c>.</summary>
    public string? CustomName =>
        Metadata is not null && Metadata.Description.TryGetValue("llb.customname", out var name) ? name : null;
}
