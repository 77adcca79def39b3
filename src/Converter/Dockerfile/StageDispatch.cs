using System.Collections.Immutable;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>An ARG with its value, when it has one (BuildKit's KeyValuePairOptional).</summary>
internal sealed record ArgValue(string Key, string? Value)
{
    public string ValueOrEmpty => Value ?? "";
}

/// <summary>
/// An instruction of a stage, or an ONBUILD trigger of its base (<see cref="StageDispatch.Triggers"/>), with the stages
/// it reads from (COPY --from, RUN --mount from).
/// </summary>
internal readonly record struct PreparedCommand(Instruction Instruction, ImmutableArray<StageDispatch?> Sources);

/// <summary>
/// The working state of one stage while the converter walks it (BuildKit's dispatchState): its LLB state and
/// image config as they evolve instruction by instruction. Only the converter touches it, in order.
/// </summary>
internal sealed class StageDispatch
{
    private Subrequests.OutlineCapture? _outline;

    // What only a dispatched stage needs, made when first set (most stages of a long cycle are never dispatched).
    private Work? _work;

    // What few stages have: a named context, ONBUILD triggers, the place of an image named by an instruction.
    private RareParts? _rare;

    public StageDispatch(Stage? stage, string baseName, string stageName)
    {
        Stage = stage;
        BaseName = baseName;
        StageName = stageName;
    }

    /// <summary>The parsed stage; null for an image only named by COPY --from or RUN --mount from.</summary>
    public Stage? Stage { get; }

    /// <summary>The stage's name (lower-cased by the parser) or empty.</summary>
    public string Name => Stage?.Name ?? "";

    /// <summary>The base as written, then expanded, then normalized (and pinned once resolved).</summary>
    public string BaseName { get; set; }

    /// <summary>The name in progress labels: the stage name, <c>stage-N</c>, or empty.</summary>
    public string StageName { get; set; }

    public bool Unregistered => Stage is null;

    /// <summary>
    /// The named context that stands for the stage (by its name), loaded when the stage is reachable; its
    /// instructions never run.
    /// </summary>
    public Contexts.NamedContextRequest? Context
    {
        get => _rare?.Context;
        set => Rare.Context = value;
    }

    /// <summary>Whether a named context stands for the stage.</summary>
    public bool FromContext => Context is not null;

    public LlbPlatform? Platform { get; set; }

    public StageDispatch? Base { get; set; }

    /// <summary>
    /// The stages this one reads from, in the order first referenced, each with the last instruction that reads it
    /// (as BuildKit keeps one command per dependency): the circular-dependency error points at those instructions.
    /// </summary>
    public ref StageDependencies Deps => ref _deps;

    // A value in the stage itself, not an object of its own: most stages read from none or one other.
    private StageDependencies _deps;

    /// <summary>Where the dependency-cycle search is with this stage (<see cref="StageTable.FindCycle"/>).</summary>
    internal CycleSearchMark CycleSearch { get; set; }

    /// <summary>
    /// The base's ONBUILD triggers, run before the stage's own instructions. The instructions themselves are not kept
    /// here: the dispatcher reads them from <see cref="Stage"/> with the stages they read from, when it gets to them.
    /// </summary>
    public ImmutableArray<PreparedCommand> Triggers
    {
        get => _rare?.Triggers ?? [];
        set => Rare.Triggers = value;
    }

    /// <remarks>
    /// This and the other tables of a stage are made when first used: a stage that is never dispatched (one of
    /// thousands in a dependency cycle) costs no more than its name and dependencies.
    /// </remarks>
    public HashSet<string> ContextPaths => Working.ContextPaths ??= new(StringComparer.Ordinal);

    /// <summary>
    /// The paths other stages read from this one (COPY --from sources, RUN --mount from= sources), shared with the
    /// base stage once dispatched (BuildKit's dispatchState.paths): a <c>local:</c> named context under this stage is
    /// sent with only these.
    /// </summary>
    public HashSet<string> Paths
    {
        get => Working.Paths ??= new(StringComparer.Ordinal);
        set => Working.Paths = value;
    }

    public LlbState State
    {
        get => _work?.State ?? LlbState.Scratch;
        set => Working.State = value;
    }

    public ImageConfig Image
    {
        get => _work?.Image ?? ImageConfig.Empty;
        set => Working.Image = value;
    }

    public List<ArgValue> BuildArgs => Working.BuildArgs ??= [];

    public bool IgnoreCache { get; set; }

    /// <summary>What the outline subrequest reports for this stage.</summary>
    public Subrequests.OutlineCapture Outline
    {
        get => _outline ??= new();
        set => _outline = value;
    }

    /// <summary>Whether the stage's state is final enough to be read from: its instructions have started (or it is an image).</summary>
    public bool Dispatched { get; set; }

    public bool CmdSet
    {
        get => _work?.CmdSet ?? false;
        set => Working.CmdSet = value;
    }

    public int CmdIndex
    {
        get => _work?.CmdIndex ?? 0;
        set => Working.CmdIndex = value;
    }

    public int CmdTotal { get; set; }

    /// <summary>Whether the command being dispatched is an ONBUILD trigger (its step name says so).</summary>
    public bool DispatchingOnBuild
    {
        get => _work?.DispatchingOnBuild ?? false;
        set => Working.DispatchingOnBuild = value;
    }

    /// <summary>Whether the base image has been looked up (or the stage found not to need it).</summary>
    public bool Resolved { get; set; }

    /// <summary>Whether the base's ONBUILD triggers have been added to <see cref="Triggers"/>.</summary>
    public bool OnBuildInit { get; set; }

    /// <summary>Where the stage is defined: its FROM, or the instruction that named an image as a stage.</summary>
    public SourceRange? Location => Stage?.Range ?? NamedAt;

    /// <summary>For an image named only by an instruction: that instruction's range.</summary>
    public SourceRange? NamedAt
    {
        get => _rare?.NamedAt;
        init => Rare.NamedAt = value;
    }

    /// <summary>The FROM line's text, for the <c>com.docker.dockerfile.v1.command</c> description.</summary>
    public string SourceCode => Stage?.SourceCode ?? "";

    private Work Working => _work ??= new();

    private RareParts Rare => _rare ??= new();

    private sealed class RareParts
    {
        public Contexts.NamedContextRequest? Context;
        public ImmutableArray<PreparedCommand> Triggers = [];
        public SourceRange? NamedAt;
    }

    /// <summary>The state of a stage being dispatched.</summary>
    private sealed class Work
    {
        public HashSet<string>? ContextPaths;
        public HashSet<string>? Paths;
        public List<ArgValue>? BuildArgs;
        public LlbState State = LlbState.Scratch;
        public ImageConfig Image = ImageConfig.Empty;
        public bool CmdSet;
        public int CmdIndex;
        public bool DispatchingOnBuild;
    }

    /// <summary>This stage and every stage it builds on or reads from, transitively (one walk for all questions).</summary>
    public IReadOnlySet<StageDispatch> Reachable()
    {
        var seen = new HashSet<StageDispatch>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<StageDispatch>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (!seen.Add(current))
            {
                continue;
            }

            if (current.Base is { } b)
            {
                stack.Push(b);
            }

            foreach (var dep in current.Deps.Stages)
            {
                stack.Push(dep);
            }
        }

        return seen;
    }
}
