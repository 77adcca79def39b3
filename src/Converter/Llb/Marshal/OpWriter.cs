using Google.Protobuf;
using Pb;

namespace CSharpFrontend.Converter.Llb.Marshal;

/// <summary>Builds the <c>pb.Op</c> and metadata of one vertex, given the ops of its inputs.</summary>
internal sealed class OpWriter(MarshalOptions options)
{
    private const int InputNone = -1;

    public MarshalledOp Write(Vertex vertex, IReadOnlyDictionary<Vertex, MarshalledOp> done)
    {
        if (vertex is DefinitionVertex received)
        {
            var (receivedBytes, receivedOp, metadata) = received.Received();
            // Upstream merges the received metadata into an empty one: caps become true, nothing else is kept.
            return new MarshalledOp(new Digest(received.Digest), receivedBytes, receivedOp, MetadataMerge.Merge(new Pb.OpMetadata(), metadata));
        }

        var (op, constraints) = vertex switch
        {
            SourceVertex source => WriteSource(source),
            ExecVertex exec => WriteExec(exec, done),
            FileVertex file => WriteFile(file, done),
            MergeVertex merge => WriteMerge(merge, done),
            DiffVertex diff => WriteDiff(diff, done),
            _ => throw new NotSupportedException(vertex.GetType().Name),
        };
        var bytes = Wire.GoWireWriter.Write(op, options.Profile.OpFieldOrder);
        return new MarshalledOp(Digest.Of(bytes), bytes, op, MetadataMerge.From(constraints));
    }

    /// <summary>The edge to one output of an already marshalled vertex.</summary>
    public Input ToInput(LlbOutput output, IReadOnlyDictionary<Vertex, MarshalledOp> done)
    {
        while (output.Vertex is DeferredVertex deferred)
        {
            output = deferred.Target;
        }

        return new Input
        {
            Digest = done[output.Vertex].Digest.Value,
            Index = output.Vertex switch
            {
                ExecVertex exec => exec.OutputIndex(output.Slot),
                DefinitionVertex received => received.Index,
                _ => 0,
            },
        };
    }

    /// <summary>BuildKit's MarshalConstraints: defaults merged with the op's own, the platform and worker filters set.</summary>
    private (Op Op, OpConstraints Constraints) Start(OpConstraints own, bool platformSpecific = true)
    {
        var constraints = options.Defaults.Merge(own);
        var op = new Op { Constraints = new WorkerConstraints() };
        op.Constraints.Filter.AddRange(constraints.WorkerConstraints);
        if (platformSpecific)
        {
            op.Platform = (constraints.Platform ?? options.DefaultPlatform).ToProto();
        }

        return (op, constraints);
    }

    private (Op, OpConstraints) WriteSource(SourceVertex source)
    {
        var own = source.Constraints;
        var attrs = source.Attrs;
        if (source.Identifier.StartsWith("local://", StringComparison.Ordinal) && !attrs.ContainsKey("local.session"))
        {
            attrs = attrs.SetItem("local.unique", options.LocalUniqueId);
            own = own.WithCap(CapId.SourceLocalUnique);
        }

        var (op, constraints) = Start(own, source.IsPlatformSpecific);
        var sourceOp = new SourceOp { Identifier = source.Identifier };
        foreach (var (key, value) in attrs)
        {
            sourceOp.Attrs[key] = value;
        }

        op.Source = sourceOp;
        return (op, constraints);
    }

    private (Op, OpConstraints) WriteExec(ExecVertex exec, IReadOnlyDictionary<Vertex, MarshalledOp> done)
    {
        var process = exec.Process;
        var own = exec.Constraints;
        var env = process.Env;
        var ssh = exec.Ssh.Select((s, i) => s.Target.Length > 0 ? s : s with { Target = $"/run/buildkit/ssh_agent.{i}" }).ToArray();
        if (ssh.Length > 0 && !env.TryGet("SSH_AUTH_SOCK", out _))
        {
            env = env.AddOrReplace("SSH_AUTH_SOCK", ssh[0].Target);
        }

        if (options.Caps is { } caps)
        {
            if (caps.Supports(CapId.ExecMetaSetsDefaultPath))
            {
                own = own.WithCap(CapId.ExecMetaSetsDefaultPath);
            }
            else
            {
                env = env.SetDefault("PATH", DefaultPath.For(options.DefaultPlatform.OS));
            }
        }

        if (process.Args.IsDefaultOrEmpty)
        {
            throw new LlbMarshalException("arguments are required");
        }

        if (process.Dir.Length == 0)
        {
            throw new LlbMarshalException("working directory is required");
        }

        var meta = new Meta
        {
            Cwd = process.Dir,
            User = process.User,
            Hostname = process.Hostname,
            CgroupParent = process.CgroupParent,
            RemoveMountStubsRecursive = true,
        };
        meta.Args.AddRange(process.Args);
        meta.Env.AddRange(env.ToArray());
        meta.ExtraHosts.AddRange(process.ExtraHosts.Select(h => new HostIP { Host = h.Host, IP = h.Ip }));
        if (process.Ulimits.Length > 0)
        {
            own = own.WithCap(CapId.ExecMetaUlimit);
            meta.Ulimit.AddRange(process.Ulimits.Select(u => new Pb.Ulimit { Name = u.Name, Soft = u.Soft, Hard = u.Hard }));
        }

        var execOp = new ExecOp { Meta = meta, Network = (Pb.NetMode)process.Network, Security = (Pb.SecurityMode)process.Security };
        if (process.Network != NetMode.Sandbox)
        {
            own = own.WithCap(CapId.ExecMetaNetwork);
        }

        if (process.Security != SecurityMode.Sandbox)
        {
            own = own.WithCap(CapId.ExecMetaSecurity);
        }

        if (exec.ProxyEnv is { } proxy)
        {
            meta.ProxyEnv = new Pb.ProxyEnv
            {
                HttpProxy = proxy.HttpProxy,
                HttpsProxy = proxy.HttpsProxy,
                FtpProxy = proxy.FtpProxy,
                NoProxy = proxy.NoProxy,
                AllProxy = proxy.AllProxy,
            };
            own = own.WithCap(CapId.ExecMetaProxy);
        }

        own = own.WithCap(CapId.ExecMetaBase);
        foreach (var (mount, _) in exec.SortedMounts)
        {
            if (mount.Selector.Length > 0)
            {
                own = own.WithCap(CapId.ExecMountSelector);
            }

            if (mount.CacheId.Length > 0)
            {
                own = own.WithCap(CapId.ExecMountCache).WithCap(CapId.ExecMountCacheSharing);
            }
            else if (mount.Tmpfs)
            {
                own = own.WithCap(CapId.ExecMountTmpfs);
                if (mount.TmpfsSize > 0)
                {
                    own = own.WithCap(CapId.ExecMountTmpfsSize);
                }
            }
            else if (mount.Source?.Output is not null)
            {
                own = own.WithCap(CapId.ExecMountBind);
            }
        }

        if (exec.Secrets.Length > 0)
        {
            own = own.WithCap(CapId.ExecMountSecret);
            if (exec.Secrets.Any(s => s.EnvName is not null))
            {
                own = own.WithCap(CapId.ExecSecretEnv);
            }
        }

        if (ssh.Length > 0)
        {
            own = own.WithCap(CapId.ExecMountSsh);
        }

        if (exec.Devices.Length > 0)
        {
            own = own.WithCap(CapId.ExecMetaCdi);
        }

        if (own.Platform is null && process.Platform is { } platform)
        {
            own = own with { Platform = platform };
        }

        var (op, constraints) = Start(own);
        op.Exec = execOp;
        var outputIndex = 0;
        foreach (var (mount, _) in exec.SortedMounts)
        {
            var input = (long)InputNone;
            if (mount.Source?.Output is { } source)
            {
                if (mount.Tmpfs)
                {
                    throw new LlbMarshalException("tmpfs mounts must use scratch");
                }

                input = AddInput(op, ToInput(source, done));
            }

            var pbMount = new Mount
            {
                Input = input,
                Dest = mount.Target,
                Readonly = mount.Readonly,
                Output = mount.HasOutput ? outputIndex++ : InputNone,
                Selector = mount.Selector,
            };
            if (mount.CacheId.Length > 0)
            {
                pbMount.MountType = MountType.Cache;
                pbMount.CacheOpt = new CacheOpt { ID = mount.CacheId, Sharing = (CacheSharingOpt)mount.CacheSharing };
            }

            if (mount.Tmpfs)
            {
                pbMount.MountType = MountType.Tmpfs;
                pbMount.TmpfsOpt = new TmpfsOpt { Size = mount.TmpfsSize };
            }

            execOp.Mounts.Add(pbMount);
        }

        foreach (var secret in exec.Secrets)
        {
            if (secret.EnvName is { } envName)
            {
                execOp.Secretenv.Add(new SecretEnv { ID = secret.Id, Name = envName, Optional = secret.Optional });
            }

            if (secret.Target is { } target)
            {
                execOp.Mounts.Add(new Mount
                {
                    Input = options.Profile.SecretAndSshMountsHaveNoInput ? InputNone : 0,
                    Dest = target,
                    MountType = MountType.Secret,
                    SecretOpt = new SecretOpt
                    {
                        ID = secret.Id,
                        Uid = (uint)secret.Uid,
                        Gid = (uint)secret.Gid,
                        Mode = (uint)secret.Mode,
                        Optional = secret.Optional,
                    },
                });
            }
        }

        if (exec.Devices.Length > 0)
        {
            foreach (var device in exec.Devices)
            {
                execOp.CdiDevices.Add(new CDIDevice { Name = device.Name, Optional = device.Optional });
            }
        }

        foreach (var s in ssh)
        {
            execOp.Mounts.Add(new Mount
            {
                Input = options.Profile.SecretAndSshMountsHaveNoInput ? InputNone : 0,
                Dest = s.Target,
                MountType = MountType.Ssh,
                SSHOpt = new SSHOpt { ID = s.Id, Uid = (uint)s.Uid, Gid = (uint)s.Gid, Mode = (uint)s.Mode, Optional = s.Optional },
            });
        }

        return (op, constraints);
    }

    private (Op, OpConstraints) WriteFile(FileVertex file, IReadOnlyDictionary<Vertex, MarshalledOp> done)
    {
        var own = file.Constraints;
        if (options.Profile.FileOpsDeclareCopyCaps)
        {
            own = own.Merge(FileVertex.CopyCaps(file.Chain));
        }

        if (own.Platform is null && file.Base.Platform is { } platform)
        {
            own = own with { Platform = platform };
        }

        var (op, constraints) = Start(own, options.Profile.FileOpsCarryPlatform);
        var fileOp = new FileOp();
        var baseIndex = file.Base.Output is { } baseOutput ? AddInput(op, ToInput(baseOutput, done)) : InputNone;
        var secondary = new long[file.Chain.Actions.Length];
        for (var i = 0; i < secondary.Length; i++)
        {
            secondary[i] = file.Chain.Actions[i] is CopyAction { Source.Output: { } source }
                ? AddInput(op, ToInput(source, done))
                : InputNone;
        }

        var parent = file.Base.Dir;
        for (var i = 0; i < secondary.Length; i++)
        {
            var action = new Pb.FileAction
            {
                Input = i == 0 ? baseIndex : op.Inputs.Count + i - 1,
                SecondaryInput = secondary[i],
                Output = i == secondary.Length - 1 ? 0 : InputNone,
            };
            switch (file.Chain.Actions[i])
            {
                case CopyAction copy:
                    action.Copy = WriteCopy(copy, parent, baseIndex);
                    break;
                case MkdirAction mkdir:
                    action.Mkdir = new FileActionMkDir
                    {
                        Path = NormalizePath(parent, mkdir.Path, keepSlash: false),
                        Mode = mkdir.Mode & 511,
                        MakeParents = mkdir.MakeParents,
                        Owner = WriteOwner(mkdir.Owner, baseIndex),
                        Timestamp = mkdir.CreatedTime ?? -1,
                    };
                    break;
                case MkfileAction mkfile:
                    action.Mkfile = new FileActionMkFile
                    {
                        Path = NormalizePath(parent, mkfile.Path, keepSlash: false),
                        Mode = mkfile.Mode & 511,
                        Data = ByteString.CopyFrom(mkfile.Data.Span),
                        Owner = WriteOwner(mkfile.Owner, baseIndex),
                        Timestamp = mkfile.CreatedTime ?? -1,
                    };
                    break;
                case RmAction rm:
                    action.Rm = new FileActionRm
                    {
                        Path = NormalizePath(parent, rm.Path, keepSlash: false),
                        AllowNotFound = rm.AllowNotFound,
                        AllowWildcard = rm.AllowWildcard,
                    };
                    break;
                case SymlinkAction symlink:
                    action.Symlink = new FileActionSymlink
                    {
                        Oldpath = symlink.OldPath,
                        Newpath = symlink.NewPath,
                        Owner = WriteOwner(symlink.Owner, baseIndex),
                        Timestamp = symlink.CreatedTime ?? -1,
                    };
                    break;
            }

            fileOp.Actions.Add(action);
        }

        op.File = fileOp;
        return (op, constraints);
    }

    private static FileActionCopy WriteCopy(CopyAction copy, string parent, long baseIndex)
    {
        var src = PosixPath.Clean(copy.Src);
        if (!PosixPath.IsAbs(src))
        {
            src = PosixPath.Join("/", copy.Source.Dir, src);
        }

        var pbCopy = new FileActionCopy
        {
            Src = src,
            Dest = NormalizePath(parent, copy.Dest, keepSlash: true),
            Owner = WriteOwner(copy.Owner, baseIndex),
            Mode = copy.ModeString.Length > 0 ? 0 : copy.Mode ?? -1,
            ModeStr = copy.ModeString,
            FollowSymlink = copy.FollowSymlinks,
            DirCopyContents = copy.CopyDirContentsOnly,
            AttemptUnpackDockerCompatibility = copy.AttemptUnpack,
            CreateDestPath = copy.CreateDestPath,
            AllowWildcard = copy.AllowWildcard,
            AllowEmptyWildcard = copy.AllowEmptyWildcard,
            AlwaysReplaceExistingDestPaths = copy.AlwaysReplaceExistingDestPaths,
            Timestamp = copy.CreatedTime ?? -1,
        };
        pbCopy.IncludePatterns.AddRange(copy.IncludePatterns);
        pbCopy.ExcludePatterns.AddRange(copy.ExcludePatterns);
        pbCopy.RequiredPaths.AddRange(copy.RequiredPaths);
        return pbCopy;
    }

    private static ChownOpt? WriteOwner(ChownSpec? owner, long baseIndex) => owner is null
        ? null
        : new ChownOpt { User = WriteUser(owner.User, baseIndex), Group = WriteUser(owner.Group, baseIndex) };

    private static UserOpt? WriteUser(UserSpec? user, long baseIndex) => user switch
    {
        null => null,
        { Name.Length: > 0 } => new UserOpt { ByName = new NamedUserOpt { Name = user.Name, Input = baseIndex } },
        _ => new UserOpt { ByID = user.Id },
    };

    private (Op, OpConstraints) WriteMerge(MergeVertex merge, IReadOnlyDictionary<Vertex, MarshalledOp> done)
    {
        var (op, constraints) = Start(merge.Constraints, platformSpecific: false);
        var mergeOp = new MergeOp();
        foreach (var input in merge.MergeInputs)
        {
            mergeOp.Inputs.Add(new MergeInput { Input = op.Inputs.Count });
            op.Inputs.Add(ToInput(input, done));
        }

        op.Merge = mergeOp;
        return (op, constraints);
    }

    private (Op, OpConstraints) WriteDiff(DiffVertex diff, IReadOnlyDictionary<Vertex, MarshalledOp> done)
    {
        var (op, constraints) = Start(diff.Constraints, platformSpecific: false);
        long Side(LlbOutput? output)
        {
            if (output is null)
            {
                return InputNone;
            }

            op.Inputs.Add(ToInput(output, done));
            return op.Inputs.Count - 1;
        }

        op.Diff = new DiffOp { Lower = new LowerDiffInput { Input = Side(diff.Lower) }, Upper = new UpperDiffInput { Input = Side(diff.Upper) } };
        return (op, constraints);
    }

    /// <summary>Adds an input unless an equal one (same digest and index) is there; returns its index.</summary>
    private static long AddInput(Op op, Input input)
    {
        for (var i = 0; i < op.Inputs.Count; i++)
        {
            if (op.Inputs[i].Digest == input.Digest && op.Inputs[i].Index == input.Index)
            {
                return i;
            }
        }

        op.Inputs.Add(input);
        return op.Inputs.Count - 1;
    }

    /// <summary>Resolves a path against the working directory; with <paramref name="keepSlash"/> a trailing <c>/</c> or <c>/.</c> survives.</summary>
    internal static string NormalizePath(string parent, string path, bool keepSlash)
    {
        var cleaned = PosixPath.Clean(path);
        if (!PosixPath.IsAbs(cleaned))
        {
            cleaned = PosixPath.Join("/", parent, cleaned);
        }

        if (keepSlash)
        {
            if (path.EndsWith('/') && !cleaned.EndsWith('/'))
            {
                cleaned += "/";
            }
            else if (path.EndsWith("/.", StringComparison.Ordinal))
            {
                if (cleaned != "/")
                {
                    cleaned += "/";
                }

                cleaned += ".";
            }
        }

        return cleaned;
    }
}
