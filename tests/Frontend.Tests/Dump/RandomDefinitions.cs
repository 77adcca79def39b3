using Google.Protobuf;
using Pb;

namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary>
/// Random definitions that use only what BuildKit v0.11.6's schema knows (or, with <paramref name="v024Schema"/>,
/// v0.24.0's: also CDI devices, valid exit codes, content cache, symlink actions, a copy's mode string and
/// replace flag, a source's language), with awkward strings (escapes, HTML characters, line separators,
/// characters above U+FFFF) and every field set or not.
/// </summary>
internal sealed class RandomDefinitions(int seed, bool v024Schema = false)
{
    private static readonly string[] Strings =
    [
        "", "a", "/", "docker-image://docker.io/library/alpine:latest", "<b>&amp;</b>", "\"quoted\" \\ back",
        "line\nbreak\r\ttab", "\u0001\u001f\u007f", "\b\f\u000b", "\u2028\u2029", "é ü ß", "\ufffd", "\ue000", "\U0001F600 \U00010000",
        "llb.customname", "[build 2/5] RUN echo hi", "[stage-1  3/12] COPY . .",
    ];

    private readonly Random _random = new(seed);

    public Definition Next()
    {
        var definition = new Definition();
        var digests = new List<string>();
        var count = _random.Next(0, 6);
        for (var i = 0; i < count; i++)
        {
            var op = NextOp(digests);
            var bytes = op.ToByteString();
            definition.Def.Add(bytes);
            var digest = CSharpFrontend.Converter.Llb.Digest.Of(bytes.Span).Value;
            digests.Add(digest);
            if (Chance())
            {
                definition.Metadata[digest] = NextMetadata();
            }
        }

        if (Chance())
        {
            definition.Metadata["sha256:" + new string('0', 64)] = NextMetadata();
        }

        return definition;
    }

    private Op NextOp(List<string> digests)
    {
        var op = new Op();
        foreach (var _ in Times(3))
        {
            op.Inputs.Add(new Input { Digest = digests.Count > 0 && Chance() ? Pick(digests) : Text(), Index = Number() });
        }

        switch (_random.Next(7))
        {
            case 0:
                op.Exec = NextExec();
                break;
            case 1:
                op.Source = new SourceOp { Identifier = Text() };
                StringMap(op.Source.Attrs);
                break;
            case 2:
                op.File = new FileOp();
                foreach (var _ in Times(4))
                {
                    op.File.Actions.Add(NextFileAction());
                }

                break;
            case 3:
                op.Build = NextBuild();
                break;
            case 4:
                op.Merge = new MergeOp();
                foreach (var _ in Times(3))
                {
                    op.Merge.Inputs.Add(new MergeInput { Input = Number() });
                }

                break;
            case 5:
                op.Diff = new DiffOp
                {
                    Lower = Chance() ? new LowerDiffInput { Input = Number() } : null,
                    Upper = Chance() ? new UpperDiffInput { Input = Number() } : null,
                };
                break;
        }

        if (Chance())
        {
            op.Platform = new Platform { Architecture = Text(), OS = Text(), Variant = Text(), OSVersion = Text() };
            foreach (var _ in Times(2))
            {
                op.Platform.OSFeatures.Add(Text());
            }
        }

        if (Chance())
        {
            op.Constraints = new WorkerConstraints();
            foreach (var _ in Times(2))
            {
                op.Constraints.Filter.Add(Text());
            }
        }

        return op;
    }

    private ExecOp NextExec()
    {
        var exec = new ExecOp { Network = (NetMode)_random.Next(3), Security = (SecurityMode)_random.Next(2) };
        if (Chance())
        {
            var meta = new Meta { Cwd = Text(), User = Text(), Hostname = Text(), CgroupParent = Text(), RemoveMountStubsRecursive = Chance() };
            foreach (var _ in Times(3))
            {
                meta.Args.Add(Text());
                meta.Env.Add(Text());
            }

            if (Chance())
            {
                meta.ProxyEnv = new ProxyEnv { HttpProxy = Text(), HttpsProxy = Text(), FtpProxy = Text(), NoProxy = Text(), AllProxy = Text() };
            }

            foreach (var _ in Times(2))
            {
                meta.ExtraHosts.Add(new HostIP { Host = Text(), IP = Text() });
                meta.Ulimit.Add(new Ulimit { Name = Text(), Soft = Number(), Hard = Number() });
            }

            exec.Meta = meta;
        }

        foreach (var _ in Times(3))
        {
            exec.Mounts.Add(NextMount());
        }

        foreach (var _ in Times(2))
        {
            exec.Secretenv.Add(new SecretEnv { ID = Text(), Name = Text(), Optional = Chance() });
        }

        if (v024Schema)
        {
            foreach (var _ in Times(2))
            {
                exec.CdiDevices.Add(new CDIDevice { Name = Text(), Optional = Chance() });
            }

            foreach (var _ in Times(2))
            {
                exec.Meta?.ValidExitCodes.Add((int)Number());
            }
        }

        return exec;
    }

    private Mount NextMount()
    {
        var mount = new Mount
        {
            Input = Number(), Selector = Text(), Dest = Text(), Output = Number(), Readonly = Chance(),
            MountType = (MountType)_random.Next(5), ResultID = Text(),
        };
        if (Chance())
        {
            mount.TmpfsOpt = new TmpfsOpt { Size = Number() };
        }

        if (Chance())
        {
            mount.CacheOpt = new CacheOpt { ID = Text(), Sharing = (CacheSharingOpt)_random.Next(3) };
        }

        if (Chance())
        {
            mount.SecretOpt = new SecretOpt { ID = Text(), Uid = Unsigned(), Gid = Unsigned(), Mode = Unsigned(), Optional = Chance() };
        }

        if (Chance())
        {
            mount.SSHOpt = new SSHOpt { ID = Text(), Uid = Unsigned(), Gid = Unsigned(), Mode = Unsigned(), Optional = Chance() };
        }

        if (v024Schema)
        {
            mount.ContentCache = (MountContentCache)_random.Next(3);
        }

        return mount;
    }

    private FileAction NextFileAction()
    {
        var action = new FileAction { Input = Number(), SecondaryInput = Number(), Output = Number() };
        switch (_random.Next(v024Schema ? 6 : 5))
        {
            case 0:
                action.Copy = new FileActionCopy
                {
                    Src = Text(), Dest = Text(), Owner = NextChown(), Mode = (int)Number(), FollowSymlink = Chance(),
                    DirCopyContents = Chance(), AttemptUnpackDockerCompatibility = Chance(), CreateDestPath = Chance(),
                    AllowWildcard = Chance(), AllowEmptyWildcard = Chance(), Timestamp = Number(),
                };
                foreach (var _ in Times(2))
                {
                    action.Copy.IncludePatterns.Add(Text());
                    action.Copy.ExcludePatterns.Add(Text());
                }

                if (v024Schema)
                {
                    action.Copy.AlwaysReplaceExistingDestPaths = Chance();
                    action.Copy.ModeStr = Text();
                }

                break;
            case 1:
                action.Mkfile = new FileActionMkFile
                {
                    Path = Text(), Mode = (int)Number(), Data = ByteString.CopyFromUtf8(Text()), Owner = NextChown(), Timestamp = Number(),
                };
                break;
            case 2:
                action.Mkdir = new FileActionMkDir { Path = Text(), Mode = (int)Number(), MakeParents = Chance(), Owner = NextChown(), Timestamp = Number() };
                break;
            case 3:
                action.Rm = new FileActionRm { Path = Text(), AllowNotFound = Chance(), AllowWildcard = Chance() };
                break;
            case 5:
                action.Symlink = new FileActionSymlink { Oldpath = Text(), Newpath = Text(), Owner = NextChown(), Timestamp = Number() };
                break;
        }

        return action;
    }

    private ChownOpt? NextChown() => Chance() ? new ChownOpt { User = NextUser(), Group = NextUser() } : null;

    private UserOpt? NextUser()
    {
        switch (_random.Next(4))
        {
            case 0:
                return null;
            case 1:
                return new UserOpt();
            case 2:
                return new UserOpt { ByID = Unsigned() };
            default:
                return new UserOpt { ByName = new NamedUserOpt { Name = Text(), Input = Number() } };
        }
    }

    private BuildOp NextBuild()
    {
        var build = new BuildOp { Builder = Number() };
        foreach (var _ in Times(2))
        {
            build.Inputs[Text()] = new BuildInput { Input = Number() };
        }

        StringMap(build.Attrs);
        if (Chance())
        {
            var inner = new Definition();
            foreach (var _ in Times(2))
            {
                inner.Def.Add(ByteString.CopyFromUtf8(Text()));
            }

            foreach (var _ in Times(2))
            {
                inner.Metadata[Text()] = NextMetadata();
            }

            if (Chance())
            {
                inner.Source = NextSource();
            }

            build.Def = inner;
        }

        return build;
    }

    private Source NextSource()
    {
        var source = new Source();
        foreach (var _ in Times(2))
        {
            var locations = new Locations();
            foreach (var __ in Times(2))
            {
                var location = new Location { SourceIndex = (int)Number() };
                foreach (var ___ in Times(2))
                {
                    location.Ranges.Add(new Pb.Range
                    {
                        Start = Chance() ? new Position { Line = (int)Number(), Character = (int)Number() } : null,
                        End = Chance() ? new Position { Line = (int)Number() } : null,
                    });
                }

                locations.Locations_.Add(location);
            }

            source.Locations[Text()] = locations;
        }

        foreach (var _ in Times(2))
        {
            source.Infos.Add(new SourceInfo
            {
                Filename = Text(),
                Data = ByteString.CopyFromUtf8(Text()),
                Definition = Chance() ? new Definition { Def = { ByteString.CopyFromUtf8(Text()) } } : null,
                Language = v024Schema ? Text() : "",
            });
        }

        return source;
    }

    private OpMetadata NextMetadata()
    {
        var metadata = new OpMetadata { IgnoreCache = Chance() };
        StringMap(metadata.Description);
        if (Chance())
        {
            metadata.ExportCache = new ExportCache { Value = Chance() };
        }

        foreach (var _ in Times(4))
        {
            metadata.Caps[Text()] = Chance();
        }

        if (Chance())
        {
            metadata.ProgressGroup = new ProgressGroup { Id = Text(), Name = Text(), Weak = Chance() };
        }

        return metadata;
    }

    private void StringMap(Google.Protobuf.Collections.MapField<string, string> map)
    {
        foreach (var _ in Times(4))
        {
            map[Text()] = Text();
        }
    }

    private bool Chance() => _random.Next(2) == 0;

    private IEnumerable<int> Times(int most) => Enumerable.Range(0, _random.Next(most + 1));

    private string Text() => Pick(Strings);

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];

    private long Number() => _random.Next(6) switch
    {
        0 => 0,
        1 => -1,
        2 => _random.Next(1, 1000),
        3 => long.MaxValue,
        4 => long.MinValue,
        _ => int.MinValue,
    };

    private uint Unsigned() => _random.Next(4) switch
    {
        0 => 0,
        1 => uint.MaxValue,
        _ => (uint)_random.Next(1, 70000),
    };
}
