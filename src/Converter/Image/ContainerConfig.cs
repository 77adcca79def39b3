using System.Collections.Immutable;

namespace CSharpFrontend.Converter.Image;

/// <summary>
/// The <c>config</c> object of an image config as BuildKit v0.11.6 writes it: the OCI <c>ImageConfig</c> fields
/// followed by Docker's <c>Healthcheck</c>, <c>ArgsEscaped</c>, <c>OnBuild</c>, <c>StopTimeout</c> and <c>Shell</c>.
/// Empty strings, empty lists and empty maps are not written, except <see cref="OnBuild"/>, which is always written
/// (<c>null</c> when absent).
/// </summary>
public sealed record ContainerConfig
{
    /// <summary>A config with nothing set.</summary>
    public static ContainerConfig Empty { get; } = new();

    /// <summary>User (name or uid, optionally <c>:group</c>) the process runs as.</summary>
    public string User { get; init; } = "";

    /// <summary>Exposed ports such as <c>80/tcp</c>, written as a map to empty objects.</summary>
    public ImmutableSortedSet<string> ExposedPorts { get; init; } = ImmutableSortedSet.Create<string>(Utf8Ordinal.Instance);

    /// <summary>Environment as <c>KEY=value</c> entries, in order.</summary>
    public EnvEntries Env { get; init; } = EnvEntries.Empty;

    /// <summary>Entrypoint argv.</summary>
    public ImmutableArray<string> Entrypoint { get; init; } = [];

    /// <summary>Default arguments (or command).</summary>
    public ImmutableArray<string> Cmd { get; init; } = [];

    /// <summary>Volume paths, written as a map to empty objects.</summary>
    public ImmutableSortedSet<string> Volumes { get; init; } = ImmutableSortedSet.Create<string>(Utf8Ordinal.Instance);

    /// <summary>Working directory of the process.</summary>
    public string WorkingDir { get; init; } = "";

    /// <summary>Labels, written with keys sorted.</summary>
    public ImmutableSortedDictionary<string, string> Labels { get; init; } =
        ImmutableSortedDictionary.Create<string, string>(Utf8Ordinal.Instance);

    /// <summary>Signal that stops the container.</summary>
    public string StopSignal { get; init; } = "";

    /// <summary>Health check, or null for none.</summary>
    public HealthConfig? Healthcheck { get; init; }

    /// <summary>Docker's <c>ArgsEscaped</c> (set by CMD in BuildKit v0.11.6).</summary>
    public bool ArgsEscaped { get; init; }

    /// <summary>ONBUILD triggers; null is written <c>"OnBuild": null</c>, an empty list <c>"OnBuild": []</c>.</summary>
    public ImmutableArray<string>? OnBuild { get; init; }

    /// <summary>Seconds to wait for the container to stop, or null for none.</summary>
    public int? StopTimeout { get; init; }

    /// <summary>Shell for the shell form of RUN, CMD and ENTRYPOINT; empty = the platform default.</summary>
    public ImmutableArray<string> Shell { get; init; } = [];

    /// <inheritdoc/>
    public bool Equals(ContainerConfig? other) =>
        other is not null && User == other.User && Structural.Equal(ExposedPorts, other.ExposedPorts)
        && Env.Equals(other.Env) && Structural.Equal(Entrypoint, other.Entrypoint)
        && Structural.Equal(Cmd, other.Cmd) && Structural.Equal(Volumes, other.Volumes) && WorkingDir == other.WorkingDir
        && Structural.Equal(Labels, other.Labels) && StopSignal == other.StopSignal
        && Equals(Healthcheck, other.Healthcheck) && ArgsEscaped == other.ArgsEscaped
        && Structural.Equal(OnBuild, other.OnBuild) && StopTimeout == other.StopTimeout && Structural.Equal(Shell, other.Shell);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(User);
        hash.Add(Structural.Hash(ExposedPorts));
        hash.Add(Env);
        hash.Add(Structural.Hash(Entrypoint));
        hash.Add(Structural.Hash(Cmd));
        hash.Add(Structural.Hash(Volumes));
        hash.Add(WorkingDir);
        hash.Add(Structural.Hash(Labels));
        hash.Add(StopSignal);
        hash.Add(Healthcheck);
        hash.Add(ArgsEscaped);
        hash.Add(Structural.Hash(OnBuild));
        hash.Add(StopTimeout);
        hash.Add(Structural.Hash(Shell));
        return hash.ToHashCode();
    }
}
