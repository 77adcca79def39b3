using System.Collections.Immutable;
using System.Text;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Parser;
using CSharpFrontend.Shared;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>The instructions that change the image config (and the process settings of later steps).</summary>
internal sealed partial class Dispatcher
{
    private void DispatchEnv(StageDispatch stage, EnvInstruction instruction)
    {
        var env = Env(stage);
        var pairs = instruction.Env.Select(kv => (Key: Expand(kv.Key, env), Value: Expand(kv.Value, env))).ToArray();
        var message = new StringBuilder("ENV");
        foreach (var (key, value) in pairs)
        {
            message.Append(' ').Append(key).Append('=').Append(value);
            stage.State = stage.State.AddEnv(key, value);
            WithConfig(stage, c => c.WithEnv(key, value));
        }

        Commit(stage, message.ToString(), withLayer: false);
    }

    private void DispatchLabel(StageDispatch stage, LabelInstruction instruction)
    {
        var env = Env(stage);
        var message = new StringBuilder("LABEL");
        foreach (var label in instruction.Labels)
        {
            var (key, value) = (Expand(label.Key, env), Expand(label.Value, env));
            WithConfig(stage, c => c with { Labels = c.Labels.SetItem(key, value) });
            message.Append(' ').Append(key).Append('=').Append(value);
        }

        Commit(stage, message.ToString(), withLayer: false);
    }

    private void DispatchMaintainer(StageDispatch stage, MaintainerInstruction instruction)
    {
        stage.Image = stage.Image with { Author = instruction.Maintainer };
        Commit(stage, "MAINTAINER " + instruction.Maintainer, withLayer: false);
    }

    private void DispatchOnbuild(StageDispatch stage, OnbuildInstruction instruction) =>
        WithConfig(stage, c => c with { OnBuild = (c.OnBuild ?? []).Add(instruction.Expression) });

    private static ImmutableArray<string> WithShell(StageDispatch stage, ImmutableArray<string> args) =>
        [.. stage.Image.Config.ShellOrDefault(stage.Image.OS), args.Length == 1 ? args[0] : string.Join(' ', args)];

    private void DispatchCmd(StageDispatch stage, CmdInstruction instruction)
    {
        var args = instruction.PrependShell ? WithShell(stage, instruction.CmdLine) : instruction.CmdLine;
        WithConfig(stage, c => c with { Cmd = args, ArgsEscaped = true });
        stage.CmdSet = true;
        Commit(stage, "CMD " + GoFormat.QuoteList(args), withLayer: false);
    }

    private void DispatchEntrypoint(StageDispatch stage, EntrypointInstruction instruction)
    {
        var args = instruction.PrependShell ? WithShell(stage, instruction.CmdLine) : instruction.CmdLine;
        WithConfig(stage, c => c with { Entrypoint = args, Cmd = stage.CmdSet ? c.Cmd : [] });
        Commit(stage, "ENTRYPOINT " + GoFormat.QuoteList(args), withLayer: false);
    }

    private void DispatchHealthcheck(StageDispatch stage, HealthcheckInstruction instruction)
    {
        var health = instruction.Health;
        WithConfig(stage, c => c with
        {
            Healthcheck = new HealthConfig
            {
                Test = health.Test,
                Interval = health.IntervalNs,
                Timeout = health.TimeoutNs,
                StartPeriod = health.StartPeriodNs,
                StartInterval = health.StartIntervalNs,
                Retries = health.Retries,
            },
        });

        // The config's health check printed with %q; v0.11 had no StartInterval in it (and was given the %+v
        // wording for --start-interval, which it did not know).
        var message = options.Profile.HealthcheckHistoryHasStartInterval
            ? "HEALTHCHECK &{" + GoFormat.QuoteList(health.Test) + " " +
              GoQuoting.Quote(GoFormat.Duration(health.IntervalNs)) + " " +
              GoQuoting.Quote(GoFormat.Duration(health.TimeoutNs)) + " " +
              GoQuoting.Quote(GoFormat.Duration(health.StartPeriodNs)) + " " +
              GoQuoting.Quote(GoFormat.Duration(health.StartIntervalNs)) + " " +
              GoQuoting.QuoteRune(health.Retries) + "}"
            : health.StartIntervalNs == 0
            ? "HEALTHCHECK &{" + GoFormat.QuoteList(health.Test) + " " +
              GoQuoting.Quote(GoFormat.Duration(health.IntervalNs)) + " " +
              GoQuoting.Quote(GoFormat.Duration(health.TimeoutNs)) + " " +
              GoQuoting.Quote(GoFormat.Duration(health.StartPeriodNs)) + " " +
              GoQuoting.QuoteRune(health.Retries) + "}"
            : "HEALTHCHECK {Test:" + GoFormat.List(health.Test) +
              " Interval:" + GoFormat.Duration(health.IntervalNs) +
              " Timeout:" + GoFormat.Duration(health.TimeoutNs) +
              " StartPeriod:" + GoFormat.Duration(health.StartPeriodNs) +
              " StartInterval:" + GoFormat.Duration(health.StartIntervalNs) +
              " Retries:" + health.Retries.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
        Commit(stage, message, withLayer: false);
    }

    private void DispatchExpose(StageDispatch stage, ExposeInstruction instruction)
    {
        var env = Env(stage);
        var ports = new List<string>();
        foreach (var port in instruction.Ports)
        {
            ports.AddRange(lexer.TryProcessWords(port, new EnvView(env), out var words, out var error)
                ? words.Words
                : throw new ConvertException(error!.Message));
        }

        if (options.Profile.ExposeHistoryAsList)
        {
            var list = PortList.Parse(ports);
            WithConfig(stage, c => c with { ExposedPorts = c.ExposedPorts.Union(list) });
            Commit(stage, "EXPOSE [" + string.Join(' ', list) + "]", withLayer: false);
            return;
        }

        var specs = PortSpecs.Parse(ports);
        WithConfig(stage, c => c with { ExposedPorts = c.ExposedPorts.Union(specs) });
        Commit(stage, "EXPOSE map[" + string.Join(' ', specs.Order(StringComparer.Ordinal).Select(p => p + ":{}")) + "]", withLayer: false);
    }

    private void DispatchUser(StageDispatch stage, UserInstruction instruction)
    {
        var user = Expand(instruction.User, Env(stage));
        stage.State = stage.State.WithUser(user);
        WithConfig(stage, c => c with { User = user });
        Commit(stage, "USER " + user, withLayer: false);
    }

    private void DispatchVolume(StageDispatch stage, VolumeInstruction instruction)
    {
        var env = Env(stage);
        var volumes = instruction.Volumes.Select(v => Expand(v, env)).ToArray();
        if (volumes.Any(v => v.Length == 0))
        {
            throw new ConvertException("VOLUME specified can not be an empty string");
        }

        WithConfig(stage, c => c with { Volumes = c.Volumes.Union(volumes) });
        Commit(stage, "VOLUME " + GoFormat.List(volumes), withLayer: false);
    }

    private void DispatchStopSignal(StageDispatch stage, StopsignalInstruction instruction)
    {
        var signal = Expand(instruction.Signal, Env(stage));
        if (!Signals.IsValid(signal))
        {
            throw new ConvertException("invalid signal: " + signal);
        }

        WithConfig(stage, c => c with { StopSignal = signal });
        Commit(stage, "STOPSIGNAL " + signal, withLayer: false);
    }

    private void DispatchShell(StageDispatch stage, ShellInstruction instruction)
    {
        WithConfig(stage, c => c with { Shell = instruction.Shell });
        Commit(stage, "SHELL " + GoFormat.List(instruction.Shell), withLayer: false);
    }

    private void DispatchArg(StageDispatch stage, ArgInstruction instruction)
    {
        var env = Env(stage);
        var commit = new List<string>();
        var profile = options.Profile;
        foreach (var definition in instruction.Args)
        {
            // v0.11 expanded the whole instruction first; later releases expand only a default that is used.
            var key = profile.ArgExpandsLazily ? definition.Key : Expand(definition.Key, env);
            var hasBuildArg = options.BuildArgs.TryGetValue(key, out var given);
            var value = definition.Value is { } v && !(profile.ArgExpandsLazily && hasBuildArg) ? Expand(v, env) : null;
            var arg = hasBuildArg ? new ArgValue(key, given) : new ArgValue(key, value);
            var inherited = false;
            if (arg.Value is null && LastMetaArgs.TryGetValue(arg.Key, out var meta))
            {
                arg = arg with { Value = meta.Value };
                inherited = true;
            }

            var shown = profile.ArgHistoryShowsValue ? arg.Value : value;
            commit.Add(shown is null ? key : key + "=" + shown);

            if (!inherited)
            {
                stage.Outline.AllArgs[key] = new Subrequests.OutlineArg(
                    key, arg.ValueOrEmpty, definition.DocComment, instruction.Range.StartLine, instruction.Range.EndLine, new HashSet<string>());
            }

            stage.Outline.UsedArgs.Add(key);

            if (arg.Value is { } argValue && !NonEnvArgs.Contains(arg.Key))
            {
                stage.State = stage.State.AddEnv(arg.Key, argValue);
            }

            stage.BuildArgs.Add(arg);
        }

        Commit(stage, "ARG " + string.Join(' ', commit), withLayer: false);
    }

    private void DispatchWorkdir(StageDispatch stage, WorkdirInstruction instruction)
    {
        var env = Env(stage);
        var path = Expand(instruction.Path, env);
        // Current BuildKit keeps a Windows stage's config directory with backslashes (and works with slashes).
        var windows = IsWindowsStage(stage);
        var current = stage.Image.Config.WorkingDir;
        var followsConfig = options.Profile.WorkdirStateFollowsConfig;
        var workingDir = windows
            ? WindowsPath.NormalizeWorkdir(current, path)
            : PosixPath.IsAbs(path) ? path
            : followsConfig && path.Length == 0 ? PosixPath.IsAbs(current) ? current : PosixPath.Join("/", current)
            : PosixPath.Join("/", current, path);
        stage.State = stage.State.WithDir(followsConfig ? workingDir : path);
        WithConfig(stage, c => c with { WorkingDir = windows ? workingDir.Replace('/', '\\') : workingDir });
        var withLayer = false;
        if (workingDir != "/")
        {
            var user = stage.Image.Config.User;
            var name = Names.Prefix(
                stage,
                Names.UppercaseCommand(Names.ExpandForDisplay(lexer, instruction.Original.Trim(), env)),
                options.PrefixPlatform,
                stage.Platform ?? platforms.Target,
                env);
            stage.State = stage.State.File(
                new MkdirAction(workingDir, Convert.ToInt32("755", 8))
                {
                    MakeParents = true,
                    Owner = user.Length > 0 ? ChownSpec.Parse(user) : null,
                    CreatedTime = options.Profile.WorkdirMkdirTakesEpoch && options.SourceDateEpoch is { } epoch
                        ? unchecked((epoch.UnixSeconds * 1_000_000_000) + epoch.Nanosecond)
                        : null,
                },
                Names.Located(OpConstraints.None.WithCustomName(name), options.SourceMap, instruction.Range));
            withLayer = true;
        }

        Commit(stage, "WORKDIR " + workingDir, withLayer);
    }
}
