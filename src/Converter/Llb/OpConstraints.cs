using System.Collections.Immutable;

namespace CSharpFrontend.Converter.Llb;

/// <summary>A progress group: vertices shown together by progress printers.</summary>
public sealed record ProgressGroupSpec(string Id, string Name, bool Weak);

/// <summary>A place in a source file (a source map and ranges in it) that an op came from.</summary>
public sealed record SourceLocation(SourceMapSpec SourceMap, ImmutableArray<LlbRange> Ranges);

/// <summary>A range in a source file, 1-based lines and 0-based characters as BuildKit stores them.</summary>
public sealed record LlbRange(int StartLine, int StartCharacter, int EndLine, int EndCharacter);

/// <summary>A source file that op locations point into (the Dockerfile), identified by reference.</summary>
public sealed class SourceMapSpec(string filename, ReadOnlyMemory<byte> data, string language = "")
{
    public string Filename { get; } = filename;

    public ReadOnlyMemory<byte> Data { get; } = data;

    public string Language { get; } = language;

    /// <summary>The graph that produced the source file, when there is one.</summary>
    public LlbState? Definition { get; init; }
}

/// <summary>
/// What BuildKit calls an op's constraints: platform, worker filters and metadata (description, caps,
/// cache flags, progress group, source locations). Immutable; every <c>With…</c> returns a new value.
/// </summary>
public sealed record OpConstraints
{
    public static OpConstraints None { get; } = new();

    public LlbPlatform? Platform { get; init; }

    public ImmutableArray<string> WorkerConstraints { get; init; } = [];

    public ImmutableSortedDictionary<string, string> Description { get; init; } =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    public ImmutableSortedSet<string> Caps { get; init; } = ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal);

    public bool IgnoreCache { get; init; }

    /// <summary>null: not said; true/false: export cache explicitly on or off.</summary>
    public bool? ExportCache { get; init; }

    public ProgressGroupSpec? ProgressGroup { get; init; }

    public ImmutableArray<SourceLocation> SourceLocations { get; init; } = [];

    public OpConstraints WithCustomName(string name) => WithDescription("llb.customname", name);

    public OpConstraints WithDescription(string key, string value) => this with { Description = Description.SetItem(key, value) };

    public OpConstraints WithCap(string capId) => this with { Caps = Caps.Add(capId) };

    public OpConstraints WithLocation(SourceLocation location) => this with { SourceLocations = SourceLocations.Add(location) };

    /// <summary>BuildKit's constraint merge: <paramref name="other"/>'s platform and metadata win, filters add up.</summary>
    public OpConstraints Merge(OpConstraints other) => new()
    {
        Platform = other.Platform ?? Platform,
        WorkerConstraints = WorkerConstraints.AddRange(other.WorkerConstraints),
        Description = Description.SetItems(other.Description),
        Caps = Caps.Union(other.Caps),
        IgnoreCache = IgnoreCache || other.IgnoreCache,
        ExportCache = other.ExportCache ?? ExportCache,
        ProgressGroup = other.ProgressGroup ?? ProgressGroup,
        SourceLocations = SourceLocations.AddRange(other.SourceLocations),
    };
}
