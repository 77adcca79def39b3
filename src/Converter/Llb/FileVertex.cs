namespace CSharpFrontend.Converter.Llb;

/// <summary>A FileOp: a chain of file actions applied to <see cref="Base"/>.</summary>
public sealed class FileVertex : Vertex
{
    internal FileVertex(LlbState @base, FileChain chain, OpConstraints constraints)
        : base(constraints.WithCap(CapId.FileBase).Merge(PatternCaps(chain)))
    {
        if (chain.Actions.IsDefaultOrEmpty)
        {
            throw new ArgumentException("a file op needs at least one action", nameof(chain));
        }

        Base = @base;
        Chain = chain;
        var inputs = new List<LlbOutput>();
        if (@base.Output is { } output)
        {
            inputs.Add(output);
        }

        foreach (var action in chain.Actions)
        {
            if (action is CopyAction { Source.Output: { } source } && !inputs.Contains(source))
            {
                inputs.Add(source);
            }
        }

        Inputs = inputs;
    }

    /// <summary>The state the actions apply to; relative paths resolve against its working directory.</summary>
    public LlbState Base { get; }

    public FileChain Chain { get; }

    public override IReadOnlyList<LlbOutput> Inputs { get; }

    private static OpConstraints PatternCaps(FileChain chain) =>
        chain.Actions.Any(a => a is CopyAction c && (c.IncludePatterns.Length > 0 || c.ExcludePatterns.Length > 0))
            ? OpConstraints.None.WithCap(CapId.FileCopyIncludeExcludePatterns)
            : OpConstraints.None;
}
