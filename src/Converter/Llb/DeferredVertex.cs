namespace CSharpFrontend.Converter.Llb;

/// <summary>
/// A vertex that stands for another one decided later (BuildKit's <c>mutableOutput</c>): the Dockerfile's build
/// context is used by many ops before the paths they need, and so its follow paths, are known. It is bound
/// exactly once, before marshalling; the marshaller writes the bound vertex in its place.
/// </summary>
public sealed class DeferredVertex : Vertex
{
    private LlbOutput? _target;

    public DeferredVertex()
        : base(OpConstraints.None)
    {
    }

    /// <summary>The output this vertex stands for; throws until bound.</summary>
    public LlbOutput Target => _target ?? throw new InvalidOperationException("deferred vertex was never bound");

    public bool IsBound => _target is not null;

    public override IReadOnlyList<LlbOutput> Inputs => [Target];

    /// <summary>Binds the vertex to the state's output (which must not be scratch).</summary>
    public void Bind(LlbState state)
    {
        if (_target is not null)
        {
            throw new InvalidOperationException("deferred vertex is already bound");
        }

        _target = state.Output ?? throw new ArgumentException("a deferred vertex cannot stand for scratch", nameof(state));
    }
}
