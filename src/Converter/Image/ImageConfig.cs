using System.Collections.Immutable;

namespace CSharpFrontend.Converter.Image;

/// <summary>
/// The image config BuildKit v0.11.6's Dockerfile frontend returns with the LLB (OCI image config plus Docker's
/// container-config extensions). JSON field order: <c>created</c>, <c>author</c>, <c>architecture</c>,
/// <c>variant</c>, <c>os</c>, <c>os.version</c>, <c>os.features</c>, <c>rootfs</c>, <c>history</c>, <c>config</c>;
/// <c>architecture</c>, <c>os</c>, <c>rootfs</c> and <c>config</c> are always written, the rest only when set.
/// </summary>
public sealed record ImageConfig
{
    /// <summary>An image config with nothing set.</summary>
    public static ImageConfig Empty { get; } = new();

    /// <summary>Creation time, or null.</summary>
    public ImageTime? Created { get; init; }

    /// <summary>Author (set by MAINTAINER).</summary>
    public string Author { get; init; } = "";

    /// <summary>CPU architecture, e.g. <c>amd64</c>.</summary>
    public string Architecture { get; init; } = "";

    /// <summary>CPU variant, e.g. <c>v8</c>.</summary>
    public string Variant { get; init; } = "";

    /// <summary>Operating system, e.g. <c>linux</c>.</summary>
    public string OS { get; init; } = "";

    /// <summary>Operating system version (Windows).</summary>
    public string OSVersion { get; init; } = "";

    /// <summary>Required OS features (Windows).</summary>
    public ImmutableArray<string> OSFeatures { get; init; } = [];

    /// <summary>The layers.</summary>
    public RootFs RootFs { get; init; } = new();

    /// <summary>History entries, oldest first (a persistent list: each instruction appends in O(log n)).</summary>
    public ImmutableList<HistoryEntry> History { get; init; } = [];

    /// <summary>The container config.</summary>
    public ContainerConfig Config { get; init; } = ContainerConfig.Empty;

    /// <summary>This config with <paramref name="entry"/> appended to the history.</summary>
    public ImageConfig WithHistory(HistoryEntry entry) =>
        this with { History = History.Add(entry) };

    /// <summary>
    /// This config with the history entry BuildKit's Dockerfile frontend commits for an instruction
    /// (see <see cref="HistoryEntry.ForInstruction"/>).
    /// </summary>
    public ImageConfig WithHistory(string createdBy, bool withLayer, bool ranAsOperation = false, ImageTime? created = null) =>
        WithHistory(HistoryEntry.ForInstruction(createdBy, withLayer, ranAsOperation, created));

    /// <summary>This config with the container config replaced by <paramref name="update"/>(current).</summary>
    public ImageConfig WithConfig(Func<ContainerConfig, ContainerConfig> update) => this with { Config = update(Config) };

    /// <inheritdoc/>
    public bool Equals(ImageConfig? other) =>
        other is not null && Created == other.Created && Author == other.Author && Architecture == other.Architecture
        && Variant == other.Variant && OS == other.OS && OSVersion == other.OSVersion
        && Structural.Equal(OSFeatures, other.OSFeatures) && RootFs.Equals(other.RootFs)
        && History.SequenceEqual(other.History) && Config.Equals(other.Config);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(Created, Author, Architecture, Variant, OS, OSVersion,
            HashCode.Combine(Structural.Hash(OSFeatures), RootFs, Structural.Hash(History)), Config);
}
