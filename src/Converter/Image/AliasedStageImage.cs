using System.Collections.Immutable;

namespace CSharpFrontend.Converter.Image;

/// <summary>
/// A stage's image with the sharing BuildKit v0.11.6 has between a stage and the stages built <c>FROM</c> it
/// (Go's <c>clone</c> copies Env, Cmd and Entrypoint but shares the rest):
/// <list type="bullet">
/// <item>Labels, ExposedPorts and Volumes are one map for the stage and all its descendants once the map exists,
/// so LABEL, EXPOSE or VOLUME in one of them shows in all of them (created by the first such instruction, or
/// present in the base image's config);</item>
/// <item>history entries share a backing array: a descendant's appended entry can overwrite that of another
/// descendant of the same stage (the one dispatched later wins).</item>
/// </list>
/// Use one per stage; <see cref="Clone"/> for a stage built on another; <see cref="Current"/> for the config as
/// upstream would return it at that moment.
/// </summary>
/// <remarks>
/// A base config's map counts as present when it is non-empty (an empty <c>"Labels": {}</c> in a base image, which
/// Go would share, is treated as absent). A decoded history's spare capacity is Go 1.20+'s.
/// </remarks>
public sealed class AliasedStageImage
{
    private ImageConfig _image;
    private GoHistorySlice _history;
    private SharedMap? _labels;
    private SharedMap? _exposedPorts;
    private SharedMap? _volumes;

    private AliasedStageImage(ImageConfig image, GoHistorySlice history, SharedMap? labels, SharedMap? exposedPorts, SharedMap? volumes)
    {
        _image = image;
        _history = history;
        _labels = labels;
        _exposedPorts = exposedPorts;
        _volumes = volumes;
    }

    /// <summary>A stage image of its own: from scratch or from a resolved base image (nothing shared).</summary>
    public static AliasedStageImage Create(ImageConfig image) =>
        new(
            image,
            GoHistorySlice.Of(image.History),
            image.Config.Labels.Count > 0 ? new SharedMap(image.Config.Labels) : null,
            image.Config.ExposedPorts.Count > 0 ? new SharedMap(image.Config.ExposedPorts) : null,
            image.Config.Volumes.Count > 0 ? new SharedMap(image.Config.Volumes) : null);

    /// <summary>The image config as it is now, with the shared parts as other stages have left them.</summary>
    public ImageConfig Current =>
        _image with
        {
            History = [.. _history.ToArray()],
            Config = _image.Config with
            {
                Labels = _labels?.Labels ?? EmptyLabels,
                ExposedPorts = _exposedPorts?.Keys ?? EmptySet,
                Volumes = _volumes?.Keys ?? EmptySet,
            },
        };

    private static ImmutableSortedDictionary<string, string> EmptyLabels { get; } = ImmutableSortedDictionary.Create<string, string>(Utf8Ordinal.Instance);

    private static ImmutableSortedSet<string> EmptySet { get; } = ImmutableSortedSet.Create<string>(Utf8Ordinal.Instance);

    /// <summary>The image of a stage built <c>FROM</c> this one: shares maps and history backing with it.</summary>
    public AliasedStageImage Clone() => new(_image, _history, _labels, _exposedPorts, _volumes);

    /// <summary>
    /// Changes the fields that are not shared (everything but history, Labels, ExposedPorts and Volumes).
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="change"/> touched a shared field; use the methods below.</exception>
    public void Update(Func<ImageConfig, ImageConfig> change)
    {
        var before = Current;
        var after = change(before);
        if (!after.History.SequenceEqual(before.History) || !Structural.Equal(after.Config.Labels, before.Config.Labels)
            || !Structural.Equal(after.Config.ExposedPorts, before.Config.ExposedPorts)
            || !Structural.Equal(after.Config.Volumes, before.Config.Volumes))
        {
            throw new InvalidOperationException("history, Labels, ExposedPorts and Volumes change through Commit, SetLabels, Expose and AddVolumes");
        }

        _image = after;
    }

    /// <summary>Appends a history entry the way Go's <c>append</c> does on the shared backing array.</summary>
    public void Commit(HistoryEntry entry) => _history = _history.Append(entry);

    /// <summary>LABEL: sets labels in the stage's label map, creating it when the stage has none.</summary>
    public void SetLabels(IEnumerable<KeyValuePair<string, string>> labels)
    {
        _labels ??= new SharedMap(EmptyLabels);
        _labels.Labels = _labels.Labels!.SetItems(labels);
    }

    /// <summary>EXPOSE: adds ports (<c>80/tcp</c>) to the stage's port set, creating it when the stage has none.</summary>
    public void Expose(IEnumerable<string> ports)
    {
        _exposedPorts ??= new SharedMap(EmptySet);
        _exposedPorts.Keys = _exposedPorts.Keys!.Union(ports);
    }

    /// <summary>VOLUME: adds paths to the stage's volume set, creating it when the stage has none.</summary>
    public void AddVolumes(IEnumerable<string> paths)
    {
        _volumes ??= new SharedMap(EmptySet);
        _volumes.Keys = _volumes.Keys!.Union(paths);
    }

    // One Go map object; every stage holding the reference sees every change.
    private sealed class SharedMap
    {
        public SharedMap(ImmutableSortedDictionary<string, string> labels) => Labels = labels;

        public SharedMap(ImmutableSortedSet<string> keys) => Keys = keys;

        public ImmutableSortedDictionary<string, string>? Labels { get; set; }

        public ImmutableSortedSet<string>? Keys { get; set; }
    }
}
