using System.Collections.Immutable;

namespace CSharpFrontend.Converter.Llb;

/// <summary>
/// An ExecOp: a process run in a container of mounts. The root mount (target <c>/</c>) comes from the state
/// <see cref="LlbState.Run"/> was called on; the process settings are captured from that state.
/// </summary>
public sealed class ExecVertex : Vertex
{
    internal ExecVertex(LlbState process, ImmutableArray<MountSpec> mounts, RunOptions options)
        : base(options.Constraints)
    {
        Process = process;
        Mounts = mounts;
        ProxyEnv = options.ProxyEnv;
        Secrets = options.Secrets;
        Ssh = options.Ssh;
        Devices = options.Devices;
        SortedMounts = [.. mounts.Select((mount, slot) => (mount, slot)).OrderBy(m => m.mount.Target, StringComparer.Ordinal)];
        Inputs = [.. SortedMounts.Select(m => m.Mount.Source?.Output).OfType<LlbOutput>().Distinct()];
    }

    /// <summary>The state whose args, env, cwd, user, network, ... the process gets.</summary>
    public LlbState Process { get; }

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
