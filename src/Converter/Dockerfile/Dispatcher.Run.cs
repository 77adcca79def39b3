using System.Collections.Immutable;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>RUN: the command (shell, exec or heredoc form), its mounts, network and security.</summary>
internal sealed partial class Dispatcher
{
    private void DispatchRun(StageDispatch stage, RunInstruction instruction, ImmutableArray<StageDispatch?> sources)
    {
        var env = Env(stage);
        var mounts = ParseMounts(instruction, env);
        var customName = instruction.Original.Trim();
        var args = instruction.CmdLine;
        var extraMounts = new List<MountSpec>();
        if (instruction.Files.Length > 0)
        {
            if (args.Length != 1 || !instruction.PrependShell)
            {
                throw new ConvertException($"parsing produced an invalid run command: [{string.Join(' ', args)}]");
            }

            if (HeredocHelpers.TryParseWord(args[0]) is not null)
            {
                var file = instruction.Files[0];
                var data = file.Chomp ? HeredocHelpers.Chomp(file.Data) : file.Data;
                if (stage.Image.OS != "windows" && file.Data.StartsWith("#!", StringComparison.Ordinal))
                {
                    var script = LlbState.Scratch.WithDir("/").File(
                        new MkfileAction(file.Name, Convert.ToInt32("755", 8), System.Text.Encoding.UTF8.GetBytes(data)),
                        Names.Internal("preparing inline document"));
                    extraMounts.Add(new MountSpec("/dev/pipes/", script) { Selector = "/", Readonly = true });
                    args = [PosixPath.Join("/dev/pipes/", file.Name)];
                }
                else
                {
                    args = [data];
                }

                customName += $" ({SummarizeHeredoc(file.Data)})";
            }
            else
            {
                args = [args[0] + string.Concat(instruction.Files.Select(f => "\n" + f.Data + f.Name))];
            }
        }

        if (instruction.PrependShell)
        {
            args = WithShell(stage, args);
        }

        var network = instruction.Network switch
        {
            "default" => (NetMode?)null,
            "none" => NetMode.None,
            "host" => NetMode.Host,
            var other => throw new ConvertException($"unsupported network mode \"{other}\""),
        };
        var security = instruction.Security switch
        {
            "sandbox" => (SecurityMode?)null,
            "insecure" => SecurityMode.Insecure,
            var other => throw new ConvertException($"unsupported security mode \"{other}\""),
        };

        var (mountSpecs, secrets, ssh) = RunMounts(stage, mounts, sources, instruction.Range);
        mountSpecs.AddRange(extraMounts);
        if (options.ShmSize > 0 && Supports(CapId.ExecMountTmpfsSize))
        {
            mountSpecs.Add(new MountSpec("/dev/shm", LlbState.Scratch) { Tmpfs = true, TmpfsSize = options.ShmSize });
        }

        var name = Names.Prefix(
            stage,
            Names.UppercaseCommand(Names.ExpandForDisplay(_displayLexer, customName, WithSecretEnvMasked(env, mounts))),
            options.PrefixPlatform,
            stage.State.Platform,
            env);
        var description = instruction.Original.Trim();
        var constraints = Names.Located(
            OpConstraints.None.WithDescription(Names.CommandKey, description).WithCustomName(name),
            options.SourceMap,
            instruction.Range) with { IgnoreCache = stage.IgnoreCache };
        var devices = Supports(CapId.ExecMetaCdi) ? Devices(instruction) : [];
        var ulimits = Supports(CapId.ExecMetaUlimit) ? options.Ulimits : [];
        var cgroupParent = Supports(CapId.ExecMetaCgroupParent) ? options.CgroupParent : "";
        var run = stage.State.Run(new RunOptions
        {
            Args = args,
            With = s =>
            {
                s = network is { } n ? s.WithNetwork(n) : s;
                s = security is { } m ? s.WithSecurity(m) : s;
                foreach (var u in ulimits)
                {
                    s = s.AddUlimit(u.Name, u.Soft, u.Hard);
                }

                foreach (var h in options.ExtraHosts)
                {
                    s = s.AddExtraHost(h.Host, h.Ip);
                }

                return cgroupParent.Length > 0 ? s with { CgroupParent = cgroupParent } : s;
            },
            ProxyEnv = ProxyFromBuildArgs(),
            Mounts = [.. mountSpecs],
            Secrets = [.. secrets],
            Ssh = [.. ssh],
            Devices = devices,
            Constraints = constraints,
        });
        var (hasInput, dir) = (stage.State.Output is not null, stage.State.Dir);
        stage.State = run.Root;
        _definitionFloor.AddRun(stage, new ExecOpFloor(hasInput, args, env, dir, description, name, instruction.Range));
        Commit(stage, "RUN " + RunCommandString(args, stage.BuildArgs, env, options.Profile.RunHistoryMergesRepeatedArgs), withLayer: true, ranOperation: true);
    }

    /// <summary>The environment for step names, secret env variables shown as <c>****</c>.</summary>
    private static IReadOnlyDictionary<string, string> WithSecretEnvMasked(IReadOnlyDictionary<string, string> env, List<RunMount> mounts)
    {
        Dictionary<string, string>? masked = null;
        foreach (var mount in mounts)
        {
            if (mount.Type != "secret" || mount.Env is not { } name)
            {
                continue;
            }

            masked ??= env.ToDictionary(StringComparer.Ordinal);
            masked[name] = "****";
        }

        return masked ?? env;
    }

    /// <summary><c>RUN --device</c> values as CDI devices (optional unless <c>required</c>).</summary>
    private static ImmutableArray<CdiDeviceSpec> Devices(RunInstruction instruction) =>
        [.. instruction.Devices.Select(value => Parser.Flags.RunDevice.Parse(value) switch
        {
            ({ } device, _) => new CdiDeviceSpec(device.Name, !device.Required),
            (_, var error) => throw new ConvertException(error!, instruction.Range),
        })];

    private bool Supports(string capId) => options.LlbCaps?.Supports(capId) ?? true;

    private List<RunMount> ParseMounts(RunInstruction instruction, IReadOnlyDictionary<string, string> env)
    {
        var mounts = new List<RunMount>();
        foreach (var spec in instruction.Mounts)
        {
            var (mount, error) = RunMount.Parse(spec, (string word, out string? expandError) =>
            {
                if (lexer.TryExpand(word, env, out var result, out var failure))
                {
                    expandError = null;
                    return result;
                }

                expandError = failure!.Message;
                return null;
            });
            mounts.Add(mount ?? throw new ConvertException(error ?? "invalid mount"));
        }

        return mounts;
    }

    private (List<MountSpec> Mounts, List<SecretSpec> Secrets, List<SshSpec> Ssh) RunMounts(
        StageDispatch stage, List<RunMount> mounts, ImmutableArray<StageDispatch?> sources, SourceRange range)
    {
        var specs = new List<MountSpec>();
        var secrets = new List<SecretSpec>();
        var ssh = new List<SshSpec>();
        for (var i = 0; i < mounts.Count; i++)
        {
            var mount = mounts[i];
            var from = mount.From.Length == 0 && mount.Type == "cache" ? "scratch" : mount.From;
            var source = buildContext;
            var used = from.Length == 0 ? stage.ContextPaths : null;
            if (from.Length > 0 && i < sources.Length && sources[i] is { } fromStage)
            {
                if (!fromStage.Dispatched)
                {
                    throw new ConvertException($"cannot mount from stage \"{mount.From}\" to \"{mount.Target}\", stage needs to be defined before current command");
                }

                source = fromStage.State;
                used = fromStage.Paths;
            }

            switch (mount.Type)
            {
                case "secret":
                    secrets.Add(Secret(mount));
                    Record(stage.Outline.Secrets, secrets[^1].Id, mount.Required, range);
                    continue;
                case "ssh":
                    ssh.Add(Ssh(mount));
                    Record(stage.Outline.Ssh, mount.CacheId.Length > 0 ? mount.CacheId : "default", mount.Required, range);
                    continue;
            }

            var spec = new MountSpec("", source);
            if (mount.Type == "tmpfs")
            {
                spec = new MountSpec("", LlbState.Scratch) { Tmpfs = true, TmpfsSize = mount.SizeLimit };
            }

            if (mount.ReadOnly)
            {
                spec = spec with { Readonly = true };
            }
            else if (mount.Type == "bind" && Supports(CapId.ExecMountBindReadWriteNoOutput))
            {
                spec = spec with { NoOutput = true };
            }

            if (mount.Type == "cache")
            {
                var sharing = mount.CacheSharing switch
                {
                    "private" => CacheSharing.Private,
                    "locked" => CacheSharing.Locked,
                    _ => CacheSharing.Shared,
                };
                var id = mount.CacheId.Length > 0 ? mount.CacheId : PosixPath.Clean(mount.Target);
                spec = spec with { CacheId = options.CacheIdNamespace + "/" + id, CacheSharing = sharing };
            }

            var target = mount.Target;
            if (!PosixPath.IsAbs(PosixPath.Clean(target)))
            {
                target = PosixPath.Join("/", stage.State.Dir, target);
            }

            if (target == "/")
            {
                throw new ConvertException($"invalid mount target \"{target}\"");
            }

            var selector = PosixPath.Join("/", mount.Source);
            if (selector != "/")
            {
                spec = spec with { Selector = selector };
            }
            else if (mount.Uid is not null || mount.Gid is not null || mount.Mode is not null)
            {
                var owned = (spec.Source ?? LlbState.Scratch).File(
                    new MkdirAction("/cache", (int)(mount.Mode ?? Convert.ToUInt64("755", 8)))
                    {
                        Owner = new ChownSpec(UserSpec.ById((uint)(mount.Uid ?? 0)), UserSpec.ById((uint)(mount.Gid ?? 0))),
                    },
                    OpConstraints.None.WithCustomName(options.Profile.CacheMountPermissionsStepName));
                spec = spec with { Source = owned, Selector = "/cache" };
            }

            specs.Add(spec with { Target = target });
            used?.Add(PosixPath.Join("/", mount.Source));
        }

        return (specs, secrets, ssh);
    }

    /// <summary>The first mount of a secret or SSH id is what the outline reports for it.</summary>
    private static void Record(Dictionary<string, Subrequests.OutlineMount> table, string id, bool required, SourceRange range) =>
        table.TryAdd(id, new Subrequests.OutlineMount(id, required, range.StartLine, range.EndLine));

    private static SecretSpec Secret(RunMount mount)
    {
        var id = mount.Source.Length > 0 ? mount.Source : mount.CacheId;
        if (id.Length == 0)
        {
            if (mount.Target.Length == 0)
            {
                throw new ConvertException("one of source, target required");
            }

            id = Base(mount.Target);
        }

        // A file unless only env= is given: both when a target is named too.
        var target = mount.Target.Length > 0 ? mount.Target : mount.Env is null ? "/run/secrets/" + Base(id) : null;
        var secret = new SecretSpec(id, target) { Optional = !mount.Required, EnvName = mount.Env };
        if (mount.Uid is not null || mount.Gid is not null || mount.Mode is not null)
        {
            secret = secret with
            {
                Uid = (int)(mount.Uid ?? 0),
                Gid = (int)(mount.Gid ?? 0),
                Mode = (int)(mount.Mode ?? Convert.ToUInt64("400", 8)),
            };
        }

        return secret;
    }

    private static SshSpec Ssh(RunMount mount)
    {
        if (mount.Source.Length > 0)
        {
            throw new ConvertException("ssh does not support source");
        }

        var ssh = new SshSpec(mount.CacheId) { Target = mount.Target, Optional = !mount.Required };
        if (mount.Uid is not null || mount.Gid is not null || mount.Mode is not null)
        {
            ssh = ssh with
            {
                Target = mount.Target,
                Uid = (int)(mount.Uid ?? 0),
                Gid = (int)(mount.Gid ?? 0),
                Mode = (int)(mount.Mode ?? Convert.ToUInt64("600", 8)),
            };
        }

        return ssh;
    }

    private static string Base(string path)
    {
        var trimmed = path.TrimEnd('/');
        if (trimmed.Length == 0)
        {
            return path.Length == 0 ? "." : "/";
        }

        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }

    private ProxyEnv? ProxyFromBuildArgs()
    {
        string? Find(string name)
        {
            string? found = null;
            foreach (var (key, value) in options.BuildArgs)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    found = value;
                }
            }

            return found;
        }

        var (http, https, ftp, no, all) = (Find("http_proxy"), Find("https_proxy"), Find("ftp_proxy"), Find("no_proxy"), Find("all_proxy"));
        return http is null && https is null && ftp is null && no is null && all is null
            ? null
            : new ProxyEnv(http ?? "", https ?? "", ftp ?? "", no ?? "", all ?? "");
    }

    private static string RunCommandString(ImmutableArray<string> args, List<ArgValue> buildArgs, IReadOnlyDictionary<string, string> env, bool mergeRepeated)
    {
        var parts = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var arg in buildArgs)
        {
            var entry = arg.Key + "=" + (env.TryGetValue(arg.Key, out var v) ? v : arg.ValueOrEmpty);
            if (mergeRepeated && index.TryGetValue(arg.Key, out var at))
            {
                parts[at] = entry;
                continue;
            }

            index[arg.Key] = parts.Count;
            parts.Add(entry);
        }

        if (parts.Count > 0)
        {
            parts.Insert(0, "|" + parts.Count);
        }

        parts.AddRange(args);
        return string.Join(' ', parts);
    }

    private static string SummarizeHeredoc(string doc)
    {
        var lines = doc.Trim().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return lines.Length > 1 ? lines[0] + "..." : lines[0];
    }
}
