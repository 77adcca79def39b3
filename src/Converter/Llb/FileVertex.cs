namespace CSharpFrontend.Converter.Llb;

/// <summary>A FileOp: a chain of file actions applied to <see cref="Base"/>.</summary>
public sealed class FileVertex : Vertex
{
    internal FileVertex(LlbState @base, FileChain chain, OpConstraints constraints)
        : base(constraints.WithCap(CapId.FileBase))
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
        WalkOrder = inputs.Count - (@base.Output is null ? 0 : 1) <= 1 ? inputs : WalkFromLastAction(@base, chain);
    }

    /// <summary>The state the actions apply to; relative paths resolve against its working directory.</summary>
    public LlbState Base { get; }

    public FileChain Chain { get; }

    public override IReadOnlyList<LlbOutput> Inputs { get; }

    /// <summary>
    /// BuildKit's client walks a file op's actions from the last to the first (<c>FileAction.allOutputs</c>): the
    /// base, then the copy sources, the last action's first. With one copy source at most that is <see cref="Inputs"/>
    /// itself.
    /// </summary>
    public override IReadOnlyList<LlbOutput> WalkOrder { get; }

    private static List<LlbOutput> WalkFromLastAction(LlbState @base, FileChain chain)
    {
        var walk = new List<LlbOutput>();
        if (@base.Output is { } first)
        {
            walk.Add(first);
        }

        for (var i = chain.Actions.Length - 1; i >= 0; i--)
        {
            if (chain.Actions[i] is CopyAction { Source.Output: { } source } && !walk.Contains(source))
            {
                walk.Add(source);
            }
        }

        return walk;
    }

    /// <summary>The caps the copy actions need (pattern, required-path and mode-string copies).</summary>
    internal static OpConstraints CopyCaps(FileChain chain)
    {
        var caps = OpConstraints.None;
        foreach (var copy in chain.Actions.OfType<CopyAction>())
        {
            if (copy.IncludePatterns.Length > 0 || copy.ExcludePatterns.Length > 0)
            {
                caps = caps.WithCap(CapId.FileCopyIncludeExcludePatterns);
            }

            if (copy.RequiredPaths.Length > 0)
            {
                caps = caps.WithCap(CapId.FileCopyRequiredPaths);
            }

            if (copy.ModeString.Length > 0)
            {
                caps = caps.WithCap(CapId.FileCopyModeString);
            }
        }

        return caps;
    }
}
