using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Parser;
using CSharpFrontend.Shell;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>Applies a stage's instructions, in order, to its LLB state and image config (BuildKit's dispatch).</summary>
internal sealed partial class Dispatcher(
    ShellLexer lexer,
    ConvertOptions options,
    PlatformOptions platforms,
    StageTable stages,
    LlbState buildContext,
    IReadOnlyList<ArgValue> metaArgs,
    Lint.ConversionLint lint,
    Func<Instruction, System.Collections.Immutable.ImmutableArray<StageDispatch?>> sourcesOf)
{
    private const string HistoryComment = "buildkit.dockerfile.v0";

    private static readonly HashSet<string> NonEnvArgs = new(StringComparer.Ordinal) { "BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE" };

    // RUN step names expand variables as BuildKit v0.11.6 did, whose lexer had no pattern modifiers: a RUN using
    // ${V#p}, ${V%p} or ${V/p/r} keeps its name unexpanded, as in the reference (cache keys do not depend on
    // names). Other instructions with such modifiers did not convert at all before, so they follow current upstream.
    /// <summary>The global ARGs by name, the last definition of a name winning.</summary>
    private Dictionary<string, ArgValue> LastMetaArgs { get; } = metaArgs.GroupBy(a => a.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    private readonly DefinitionFloor _definitionFloor = new(options.MaxDefinitionBytes, options.SourceMap);

    private readonly ShellLexer _displayLexer = new(lexer.EscapeToken, new ShellLexerOptions
    {
        RawQuotes = true,
        SkipUnsetEnv = true,
        PatternModifiers = options.Profile.StepNamesExpandPatternModifiers,
        Budget = lexer.Options.Budget,
    });

    /// <summary>Sets the stage up from its base (env, workdir, user, onbuild triggers), then runs its instructions.</summary>
    public void DispatchStage(StageDispatch stage)
    {
        stage.Dispatched = true;
        if (stage.Base is { } @base)
        {
            stage.State = @base.State;
            stage.Platform = @base.Platform;
            stage.Paths = @base.Paths;
            stage.Image = options.Profile.OnBuildTriggersAsCommands ? @base.Image with { Config = @base.Image.Config with { OnBuild = null } } : @base.Image;
            if (options.Profile.StageInheritsBuildArgs)
            {
                stage.BuildArgs.AddRange(@base.BuildArgs);
            }
        }

        var start = StageImage.Start(
            stage.Image,
            stage.Platform?.OS ?? (options.Profile.WindowsPathRules ? platforms.Target.OS : null),
            options.Profile.WindowsPathRules,
            options.Profile.WorkdirStateFollowsConfig);
        stage.Image = start.Image;
        foreach (var (key, value) in start.Env)
        {
            stage.State = stage.State.AddEnv(key, value);
        }

        if (options.Hostname.Length > 0)
        {
            stage.State = stage.State.WithHostname(options.Hostname);
        }

        if (start.WorkingDir is { } workingDir)
        {
            stage.State = stage.State.WithDir(workingDir);
        }

        if (start.User is { } user)
        {
            stage.State = stage.State.WithUser(user);
        }

        stage.State = stage.State.WithNetwork(options.ForceNetworkMode);
        foreach (var trigger in start.OnBuildTriggers)
        {
            var instruction = TriggerParser.Parse(trigger, options.Profile.ParserDialect, out var error)
                ?? throw new ConvertException(error ?? "onbuild trigger should be a single expression", stage.Location);
            Dispatch(stage, new PreparedCommand(instruction, SourcesOfTrigger(instruction)), stage.Location);
        }

        stage.DispatchingOnBuild = true;
        foreach (var command in stage.Triggers)
        {
            Dispatch(stage, command, stage.Location);
        }

        stage.DispatchingOnBuild = false;
        foreach (var instruction in stage.Stage?.Commands ?? [])
        {
            Dispatch(stage, new PreparedCommand(instruction, sourcesOf(instruction)), instruction.Range);
        }
    }

    private System.Collections.Immutable.ImmutableArray<StageDispatch?> SourcesOfTrigger(Instruction instruction) =>
        instruction is CopyInstruction { From.Length: > 0 } copy
            ? [int.TryParse(copy.From, out var index) ? stages.FindByIndex(index) : stages.FindByName(copy.From)]
            : [];

    private void Dispatch(StageDispatch stage, PreparedCommand command, SourceRange? location)
    {
        try
        {
            lint.Instruction(stage, command.Instruction);
            DispatchInstruction(stage, command);
        }
        catch (ConvertException ex)
        {
            throw location is { } range ? ex.At(range) : ex;
        }
        catch (ShellExpansionException ex)
        {
            throw new ConvertException(ex.Error.Message, location);
        }
    }

    private void DispatchInstruction(StageDispatch stage, PreparedCommand command)
    {
        switch (command.Instruction)
        {
            case EnvInstruction env: DispatchEnv(stage, env); break;
            case RunInstruction run: DispatchRun(stage, run, command.Sources); break;
            case WorkdirInstruction workdir: DispatchWorkdir(stage, workdir); break;
            case AddInstruction add: DispatchAdd(stage, add); break;
            case CopyInstruction copy: DispatchCopy(stage, copy, command.Sources); break;
            case LabelInstruction label: DispatchLabel(stage, label); break;
            case OnbuildInstruction onbuild: DispatchOnbuild(stage, onbuild); break;
            case CmdInstruction cmd: DispatchCmd(stage, cmd); break;
            case EntrypointInstruction entrypoint: DispatchEntrypoint(stage, entrypoint); break;
            case HealthcheckInstruction healthcheck: DispatchHealthcheck(stage, healthcheck); break;
            case ExposeInstruction expose: DispatchExpose(stage, expose); break;
            case UserInstruction user: DispatchUser(stage, user); break;
            case VolumeInstruction volume: DispatchVolume(stage, volume); break;
            case StopsignalInstruction stopsignal: DispatchStopSignal(stage, stopsignal); break;
            case ShellInstruction shell: DispatchShell(stage, shell); break;
            case ArgInstruction arg: DispatchArg(stage, arg); break;
            case MaintainerInstruction maintainer: DispatchMaintainer(stage, maintainer); break;
        }
    }

    /// <summary>The stage's current environment as a lookup table (the persistent list itself, not a copy).</summary>
    private static IReadOnlyDictionary<string, string> Env(StageDispatch stage) => stage.State.Env;

    /// <summary>Whether the stage's paths follow Windows rules (drive letters, backslashes): a Windows stage, current upstream.</summary>
    private bool IsWindowsStage(StageDispatch stage) =>
        options.Profile.WindowsPathRules && (stage.Platform ?? platforms.Target).OS == "windows";

    /// <summary>Expands one word with the stage's environment (the instruction-level expansion of BuildKit).</summary>
    private string Expand(string word, IReadOnlyDictionary<string, string> env) =>
        lexer.TryExpand(word, env, out var result, out var error)
            ? result
            : throw new ConvertException(error!.Message);

    private OpConstraints Step(string name, Instruction instruction, bool ignoreCache) =>
        Names.Located(OpConstraints.None.WithCustomName(name), options.SourceMap, instruction.Range) with { IgnoreCache = ignoreCache };

    private void Commit(StageDispatch stage, string message, bool withLayer, bool ranOperation = false) =>
        stage.Image = stage.Image with
        {
            History = stage.Image.History.Add(new HistoryEntry
            {
                CreatedBy = ranOperation ? message + " # buildkit" : message,
                Comment = HistoryComment,
                EmptyLayer = !withLayer,
                Created = options.SourceDateEpoch,
            }),
        };

    private static void WithConfig(StageDispatch stage, Func<ContainerConfig, ContainerConfig> change) =>
        stage.Image = stage.Image with { Config = change(stage.Image.Config) };
}
