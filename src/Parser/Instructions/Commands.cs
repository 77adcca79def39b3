using System.Collections.Immutable;

namespace CSharpFrontend.Parser;

/// <summary>Instructions whose command line may be shell or exec form (BuildKit <c>ShellDependantCmdLine</c>).</summary>
public abstract record ShellDependentInstruction : Instruction
{
    /// <summary>Exec form: the JSON words. Shell form: a single element, the argument text (not split).</summary>
    public required ImmutableArray<string> CmdLine { get; init; }

    /// <summary>Heredocs attached to the instruction.</summary>
    public ImmutableArray<ShellInlineFile> Files { get; init; } = [];

    /// <summary>True for shell form (the converter prepends the stage's shell).</summary>
    public required bool PrependShell { get; init; }
}

/// <summary><c>RUN</c>.</summary>
public sealed record RunInstruction : ShellDependentInstruction
{
    /// <summary>The raw <c>--mount</c> values in order (unexpanded; parse each with <see cref="RunMount.Parse"/> after expansion).</summary>
    public ImmutableArray<string> Mounts { get; init; } = [];

    /// <summary><c>--network</c> value (<c>default</c>, <c>none</c> or <c>host</c>); <c>default</c> when absent.</summary>
    public string Network { get; init; } = "default";

    /// <summary><c>--security</c> value (<c>sandbox</c> or <c>insecure</c>); <c>sandbox</c> when absent.</summary>
    public string Security { get; init; } = "sandbox";

    /// <summary>Raw <c>--device</c> values in order.</summary>
    public ImmutableArray<string> Devices { get; init; } = [];

    /// <summary>Names of the flags that were given (BuildKit <c>FlagsUsed</c>), in order of first use.</summary>
    public ImmutableArray<string> FlagsUsed { get; init; } = [];
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

    /// <summary><c>--chown</c>, raw; empty when absent.</summary>
    public string Chown { get; init; } = string.Empty;

    /// <summary><c>--chmod</c>, raw; empty when absent.</summary>
    public string Chmod { get; init; } = string.Empty;

    /// <summary><c>--link</c>.</summary>
    public bool Link { get; init; }

    /// <summary><c>--exclude</c> patterns, raw, in order.</summary>
    public ImmutableArray<string> ExcludePatterns { get; init; } = [];
}

/// <summary><c>COPY</c>.</summary>
public sealed record CopyInstruction : FileInstruction
{
    /// <summary><c>--from</c>, raw; empty when absent.</summary>
    public string From { get; init; } = string.Empty;

    /// <summary><c>--parents</c>.</summary>
    public bool Parents { get; init; }
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
/// <param name="Name">Lower-cased name; empty when unnamed.</param>
/// <param name="BaseName">Base image or stage, unexpanded.</param>
/// <param name="Platform">Raw <c>--platform</c>; empty when absent.</param>
/// <param name="OrigCmd">The FROM keyword as written.</param>
/// <param name="SourceCode">Trimmed original FROM line.</param>
/// <param name="DocComment">Doc comment naming the stage.</param>
/// <param name="From">The FROM instruction.</param>
/// <param name="Commands">The instructions of the stage.</param>
public sealed record Stage(
    string Name,
    string BaseName,
    string Platform,
    string OrigCmd,
    string SourceCode,
    string DocComment,
    FromInstruction From,
    ImmutableArray<Instruction> Commands)
{
    /// <summary>Where the FROM is.</summary>
    public SourceRange Range => From.Range;
}

/// <summary>The typed Dockerfile: global ARGs before the first FROM, and stages.</summary>
/// <param name="MetaArgs">ARG instructions before the first FROM.</param>
/// <param name="Stages">Stages in order.</param>
/// <param name="Syntax">The node-level tree it was built from.</param>
public sealed record Dockerfile(ImmutableArray<ArgInstruction> MetaArgs, ImmutableArray<Stage> Stages, SyntaxTree Syntax)
{
    /// <summary>The escape token in effect.</summary>
    public char EscapeToken => Syntax.EscapeToken;

    /// <summary>Parser directives.</summary>
    public ImmutableArray<ParserDirective> Directives => Syntax.Directives;
}
