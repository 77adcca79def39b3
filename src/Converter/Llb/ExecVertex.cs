using System.Collections.Immutable;

namespace CSharpFrontend.Converter.Llb;

/// <summary>
/// An ExecOp: a process run in a container of mounts. The root mount (target <c>/</c>) comes from the state
/// <see cref="LlbState.Run"/> was called on; the process settings are captured from that state.
/// </summary>
public sealed class ExecVertex : Vertex
{
    // The process's settings and, when given, the args that replace theirs: the settings are then most often the
    // root mount's state itself, shared rather than copied (one state less per RUN of a long chain).
    private readonly LlbState _settings;
    private readonly ImmutableArray<string> _args;

    internal ExecVertex(LlbState settings, ImmutableArray<string> args, ImmutableArray<MountSpec> mounts, RunOptions options)
        : base(options.Constraints)
    {
        _settings = settings;
        _args = args.IsDefaultOrEmpty ? default : args;
        Mounts = mounts;
        ProxyEnv = options.ProxyEnv;
        Secrets = options.Secrets;
        Ssh = options.Ssh;
        Devices = options.Devices;
        SortedMounts = [.. mounts.Select((mount, slot) => (mount, slot)).OrderBy(m => m.mount.Target, StringComparer.Ordinal)];
        Inputs = SortedMounts.Select(m => m.Mount.Source?.Output).OfType<LlbOutput>().Distinct().ToArray();
    }

    /// <summary>The state whose args, env, cwd, user, network, ... the process gets.</summary>
    public LlbState Process => _args.IsDefault ? _settings : _settings with { Args = _args };

    /// <summary>Mounts in the order given; slot 0 is the root.</summary>
    public ImmutableArray<MountSpec> Mounts { get; }

    public ProxyEnv? ProxyEnv { get; }

    public ImmutableArray<SecretSpec> Secrets { get; }

    public ImmutableArray<SshSpec> Ssh { get; }

    public ImmutableArray<CdiDeviceSpec> Devices { get; }

    /// <summary>Mounts ordered by target as they are marshalled, each with its slot in <see cref="Mounts"/>.</summary>
    internal ImmutableArray<(MountSpec Mount, int Slot)> SortedMounts { get; }

    public override IReadOnlyList<LlbOutput> Inputs { get; }

    /// <summary>The output index of a mount slot: outputs are numbered over writable mounts in target order.</summary>
    internal int OutputIndex(int slot)
    {
        var index = 0;
        foreach (var (mount, s) in SortedMounts)
        {
            if (!mount.HasOutput)
            {
                continue;
            }

            if (s == slot)
            {
                return index;
            }

            index++;
        }

        throw new InvalidOperationException($"mount {Mounts[slot].Target} has no output");
    }
}
