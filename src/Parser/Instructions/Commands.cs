using System.Collections.Immutable;

namespace CSharpFrontend.Parser;

/// <summary>Instructions whose command line may be shell or exec form (BuildKit <c>ShellDependantCmdLine</c>).</summary>
public abstract record ShellDependentInstruction : Instruction
{
    private readonly ImmutableArray<string> _cmdLine = [];
    private readonly DocumentText _command;

    /// <summary>Exec form: the JSON words. Shell form: a single element, the argument text (not split).</summary>
    public ImmutableArray<string> CmdLine
    {
        get => _command.Text is null ? _cmdLine : [_command.ToString()];
        init => (_cmdLine, _command) = (value, default);
    }

    /// <summary>
    /// <see cref="CmdLine"/> as held: the words, or the shell form's one word as its place in the Dockerfile (a long
    /// Dockerfile of RUNs then keeps no copy of their commands).
    /// </summary>
    internal (ImmutableArray<string> Words, DocumentText Text) Command
    {
        init => (_cmdLine, _command) = value.Text.Text is null ? (value.Words, default(DocumentText)) : (default(ImmutableArray<string>), value.Text);
    }

    /// <summary>Heredocs attached to the instruction.</summary>
    public ImmutableArray<ShellInlineFile> Files { get; init; } = [];

    /// <summary>True for shell form (the converter prepends the stage's shell).</summary>
    public required bool PrependShell { get; init; }
}

/// <summary><c>RUN</c>.</summary>
/// <remarks>Its flags are one shared value when none is given (most RUNs), so a long Dockerfile keeps less per RUN.</remarks>
public sealed record RunInstruction : ShellDependentInstruction
{
    /// <summary>The flags given (<see cref="RunFlags.None"/> when there are none).</summary>
    public RunFlags Flags { get; init; } = RunFlags.None;

    /// <summary>The raw <c>--mount</c> values in order (unexpanded; parse each with <see cref="RunMount.Parse"/> after expansion).</summary>
    public ImmutableArray<string> Mounts => Flags.Mounts;

    /// <summary><c>--network</c> value (<c>default</c>, <c>none</c> or <c>host</c>); <c>default</c> when absent.</summary>
    public string Network => Flags.Network;

    /// <summary><c>--security</c> value (<c>sandbox</c> or <c>insecure</c>); <c>sandbox</c> when absent.</summary>
    public string Security => Flags.Security;

    /// <summary>Raw <c>--device</c> values in order.</summary>
    public ImmutableArray<string> Devices => Flags.Devices;

    /// <summary>Names of the flags that were given (BuildKit <c>FlagsUsed</c>), in order of first use.</summary>
    public ImmutableArray<string> FlagsUsed => Flags.Used;
}

/// <summary>The flags of a RUN.</summary>
/// <param name="Mounts">The raw <c>--mount</c> values in order.</param>
/// <param name="Network"><c>--network</c>, <c>default</c> when absent.</param>
/// <param name="Security"><c>--security</c>, <c>sandbox</c> when absent.</param>
/// <param name="Devices">The raw <c>--device</c> values in order.</param>
/// <param name="Used">Names of the flags given, in order of first use.</param>
public sealed record RunFlags(ImmutableArray<string> Mounts, string Network, string Security, ImmutableArray<string> Devices, ImmutableArray<string> Used)
{
    /// <summary>No flag given.</summary>
    public static RunFlags None { get; } = new([], "default", "sandbox", [], []);
}

/// <summary><c>CMD</c>.</summary>
public sealed record CmdInstruction : ShellDependentInstruction;

/// <summary><c>ENTRYPOINT</c>. An empty <see cref="ShellDependentInstruction.CmdLine"/> means BuildKit's nil (JSON <c>null</c>).</summary>
public sealed record EntrypointInstruction : ShellDependentInstruction;

/// <summary><c>ENV</c>.</summary>
public sealed record EnvInstruction : Instruction
{
    /// <summary>The pairs in order.</summary>
    public required ImmutableArray<KeyValuePair> Env { get; init; }
}

/// <summary><c>LABEL</c>.</summary>
public sealed record LabelInstruction : Instruction
{
    /// <summary>The pairs in order.</summary>
    public required ImmutableArray<KeyValuePair> Labels { get; init; }
}

/// <summary><c>MAINTAINER</c>.</summary>
public sealed record MaintainerInstruction : Instruction
{
    /// <summary>The text.</summary>
    public required string Maintainer { get; init; }
}

/// <summary><c>ARG</c>.</summary>
public sealed record ArgInstruction : Instruction
{
    /// <summary>The names with optional defaults, in order.</summary>
    public required ImmutableArray<ArgDefinition> Args { get; init; }
}

/// <summary>Common part of COPY and ADD.</summary>
public abstract record FileInstruction : Instruction
{
    /// <summary>Sources and destination.</summary>
    public required SourcesAndDest SourcesAndDest { get; init; }

    /// <summary>The flags COPY and ADD share (<see cref="FileFlags.None"/>, one shared value, when none is given).</summary>
    public FileFlags Flags { get; init; } = FileFlags.None;

    /// <summary><c>--chown</c>, raw; empty when absent.</summary>
    public string Chown => Flags.Chown;

    /// <summary><c>--chmod</c>, raw; empty when absent.</summary>
    public string Chmod => Flags.Chmod;

    /// <summary><c>--link</c>.</summary>
    public bool Link => Flags.Link;

    /// <summary><c>--exclude</c> patterns, raw, in order.</summary>
    public ImmutableArray<string> ExcludePatterns => Flags.ExcludePatterns;
}

/// <summary>The flags of COPY and ADD.</summary>
/// <param name="Chown"><c>--chown</c>, raw; empty when absent.</param>
/// <param name="Chmod"><c>--chmod</c>, raw; empty when absent.</param>
/// <param name="Link"><c>--link</c>.</param>
/// <param name="ExcludePatterns"><c>--exclude</c> patterns, raw, in order.</param>
/// <param name="Parents">COPY's <c>--parents</c>.</param>
public sealed record FileFlags(string Chown, string Chmod, bool Link, ImmutableArray<string> ExcludePatterns, bool Parents)
{
    /// <summary>No flag given.</summary>
    public static FileFlags None { get; } = new("", "", false, [], false);
}

/// <summary><c>COPY</c>.</summary>
public sealed record CopyInstruction : FileInstruction
{
    private readonly DocumentText _from = DocumentText.Of("");

    /// <summary><c>--from</c>, raw; empty when absent.</summary>
    public string From
    {
        get => _from.ToString();
        init => _from = DocumentText.Of(value);
    }

    /// <summary><see cref="From"/> as its place in the Dockerfile (a Dockerfile of many stages keeps no copy of it).</summary>
    internal DocumentText FromText
    {
        init => _from = value;
    }

    /// <summary><c>--parents</c>.</summary>
    public bool Parents => Flags.Parents;
}

/// <summary><c>ADD</c>.</summary>
public sealed record AddInstruction : FileInstruction
{
    /// <summary><c>--keep-git-dir</c>; null when absent.</summary>
    public bool? KeepGitDir { get; init; }

    /// <summary><c>--checksum</c>, raw; empty when absent.</summary>
    public string Checksum { get; init; } = string.Empty;

    /// <summary><c>--unpack</c>; null when absent.</summary>
    public bool? Unpack { get; init; }
}

/// <summary><c>ONBUILD</c>.</summary>
public sealed record OnbuildInstruction : Instruction
{
    /// <summary>The trigger text stored in the image (BuildKit <c>Expression</c>): original without the ONBUILD keyword, heredocs appended.</summary>
    public required string Expression { get; init; }

    /// <summary>The wrapped instruction's node.</summary>
    public required SyntaxNode Trigger { get; init; }
}

/// <summary><c>WORKDIR</c>.</summary>
public sealed record WorkdirInstruction : Instruction
{
    /// <summary>Path, unexpanded.</summary>
    public required string Path { get; init; }
}

/// <summary><c>EXPOSE</c>.</summary>
public sealed record ExposeInstruction : Instruction
{
    /// <summary>Ports, unexpanded, sorted ordinally as BuildKit does.</summary>
    public required ImmutableArray<string> Ports { get; init; }
}

/// <summary><c>USER</c>.</summary>
public sealed record UserInstruction : Instruction
{
    /// <summary>User, unexpanded.</summary>
    public required string User { get; init; }
}

/// <summary><c>VOLUME</c>.</summary>
public sealed record VolumeInstruction : Instruction
{
    /// <summary>Volumes, trimmed, unexpanded.</summary>
    public required ImmutableArray<string> Volumes { get; init; }
}

/// <summary><c>STOPSIGNAL</c>.</summary>
public sealed record StopsignalInstruction : Instruction
{
    /// <summary>Signal, unexpanded.</summary>
    public required string Signal { get; init; }
}

/// <summary><c>SHELL</c> (JSON form only).</summary>
public sealed record ShellInstruction : Instruction
{
    /// <summary>The shell words.</summary>
    public required ImmutableArray<string> Shell { get; init; }
}

/// <summary>Health check configuration (Docker's <c>HealthConfig</c>); durations in nanoseconds, 0 = inherit.</summary>
/// <param name="Test">E.g. <c>["NONE"]</c>, <c>["CMD", ...]</c>, <c>["CMD-SHELL", "cmd"]</c>.</param>
/// <param name="IntervalNs">--interval.</param>
/// <param name="TimeoutNs">--timeout.</param>
/// <param name="StartPeriodNs">--start-period.</param>
/// <param name="StartIntervalNs">--start-interval.</param>
/// <param name="Retries">--retries.</param>
public sealed record HealthcheckConfig(ImmutableArray<string> Test, long IntervalNs, long TimeoutNs, long StartPeriodNs, long StartIntervalNs, int Retries);

/// <summary><c>HEALTHCHECK</c>.</summary>
public sealed record HealthcheckInstruction : Instruction
{
    /// <summary>The configuration.</summary>
    public required HealthcheckConfig Health { get; init; }
}

/// <summary><c>FROM</c>: begins a <see cref="Stage"/>.</summary>
public sealed record FromInstruction : Instruction
{
    /// <summary>Image or stage reference, unexpanded.</summary>
    public required string BaseName { get; init; }

    /// <summary>Stage name lower-cased as BuildKit does; empty when there is no <c>AS</c>.</summary>
    public required string StageName { get; init; }

    /// <summary><c>--platform</c>, raw; empty when absent.</summary>
    public string Platform { get; init; } = string.Empty;
}

/// <summary>A build stage: a FROM and the instructions after it.</summary>
/// <param name="DocComment">Doc comment naming the stage.</param>
/// <param name="From">The FROM instruction.</param>
/// <param name="Commands">The instructions of the stage.</param>
/// <remarks>What the FROM says is read from it, not copied (a Dockerfile of many stages keeps less per stage).</remarks>
public sealed record Stage(string DocComment, FromInstruction From, ImmutableArray<Instruction> Commands)
{
    /// <summary>Lower-cased name; empty when unnamed.</summary>
    public string Name => From.StageName;

    /// <summary>Base image or stage, unexpanded.</summary>
    public string BaseName => From.BaseName;

    /// <summary>Raw <c>--platform</c>; empty when absent.</summary>
    public string Platform => From.Platform;

    /// <summary>The FROM keyword as written.</summary>
    public string OrigCmd => From.Keyword;

    /// <summary>Trimmed original FROM line.</summary>
    public string SourceCode => From.SourceCode;

    /// <summary>Where the FROM is.</summary>
    public SourceRange Range => From.Range;
}

/// <summary>The typed Dockerfile: global ARGs before the first FROM, and stages.</summary>
/// <param name="MetaArgs">ARG instructions before the first FROM.</param>
/// <param name="Stages">Stages in order.</param>
/// <param name="EscapeToken">The escape token in effect.</param>
/// <param name="Directives">Parser directives.</param>
/// <remarks>It does not hold the node-level tree it was built from (<see cref="ParseResult.Syntax"/>).</remarks>
public sealed record Dockerfile(ImmutableArray<ArgInstruction> MetaArgs, ImmutableArray<Stage> Stages, char EscapeToken, ImmutableArray<ParserDirective> Directives);
