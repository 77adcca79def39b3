using System.Collections.Immutable;
using System.Globalization;

namespace CSharpFrontend.Converter.Llb;

public enum ResolveMode
{
    Default,
    ForcePull,
    PreferLocal,
}

public sealed record ImageOptions
{
    public ResolveMode ResolveMode { get; init; }

    /// <summary><c>internal</c> for helper images that are not part of the user's build record.</summary>
    public string RecordType { get; init; } = "";

    public int? LayerLimit { get; init; }

    public OpConstraints Constraints { get; init; } = OpConstraints.None;
}

public sealed record LocalOptions
{
    public string SessionId { get; init; } = "";

    public ImmutableArray<string>? IncludePatterns { get; init; }

    public ImmutableArray<string>? ExcludePatterns { get; init; }

    public ImmutableArray<string>? FollowPaths { get; init; }

    public string SharedKeyHint { get; init; } = "";

    /// <summary>The differ type (<c>none</c> or <c>metadata</c>), and whether the daemon must know it.</summary>
    public string Differ { get; init; } = "";

    public bool DifferRequired { get; init; }

    public OpConstraints Constraints { get; init; } = OpConstraints.None;
}

public sealed record GitOptions
{
    public bool KeepGitDir { get; init; }

    /// <summary>Secret names for HTTP auth; set explicitly they also require the daemon's http-auth cap.</summary>
    public string? AuthTokenSecret { get; init; }

    public string? AuthHeaderSecret { get; init; }

    public string KnownSshHosts { get; init; } = "";

    public string MountSshSock { get; init; } = "";

    /// <summary>Leave submodules out of the checkout (<c>git.skipsubmodules</c>).</summary>
    public bool SkipSubmodules { get; init; }

    /// <summary>The commit (or tag object) the checkout must have; empty for no check.</summary>
    public string Checksum { get; init; } = "";

    public OpConstraints Constraints { get; init; } = OpConstraints.None;
}

public sealed record HttpOptions
{
    public string Checksum { get; init; } = "";

    public string Filename { get; init; } = "";

    /// <summary>Permission bits of the downloaded file; 0 leaves the default.</summary>
    public int Perm { get; init; }

    public int Uid { get; init; }

    public int Gid { get; init; }

    public OpConstraints Constraints { get; init; } = OpConstraints.None;
}

/// <summary>Source states: the leaves of every graph (BuildKit's <c>llb.Image</c>, <c>llb.Local</c>, ...).</summary>
public static class Sources
{
    public static LlbState Scratch => LlbState.Scratch;

    /// <summary>A registry image. The reference is normalized (<c>alpine</c> → <c>docker.io/library/alpine:latest</c>).</summary>
    public static LlbState Image(string reference, ImageOptions? options = null)
    {
        options ??= new ImageOptions();
        var parsed = ImageReference.TryParseNormalized(reference, out var error)
            ?? throw new ArgumentException($"failed to parse image reference \"{reference}\": {error}", nameof(reference));
        var constraints = options.Constraints.WithCap(CapId.SourceImage);
        var attrs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (options.ResolveMode != ResolveMode.Default)
        {
            attrs["image.resolvemode"] = options.ResolveMode == ResolveMode.ForcePull ? "pull" : "local";
            if (options.ResolveMode == ResolveMode.ForcePull)
            {
                constraints = constraints.WithCap(CapId.SourceImageResolveMode);
            }
        }

        if (options.RecordType.Length > 0)
        {
            attrs["image.recordtype"] = options.RecordType;
        }

        if (options.LayerLimit is { } limit)
        {
            attrs["image.layerlimit"] = limit.ToString(CultureInfo.InvariantCulture);
            constraints = constraints.WithCap(CapId.SourceImageLayerLimit);
        }

        return Source("docker-image://" + parsed.WithDefaultTag(), attrs, constraints);
    }

    /// <summary>A directory the client sends (the build context, the Dockerfile's directory, ...).</summary>
    public static LlbState Local(string name, LocalOptions? options = null)
    {
        options ??= new LocalOptions();
        var constraints = options.Constraints;
        var attrs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, string value, string? cap)
        {
            attrs[key] = value;
            if (cap is not null)
            {
                constraints = constraints.WithCap(cap);
            }
        }

        if (options.SessionId.Length > 0)
        {
            Add("local.session", options.SessionId, CapId.SourceLocalSessionId);
        }

        if (options.IncludePatterns is { } include)
        {
            Add("local.includepattern", GoJson.StringArray(include), CapId.SourceLocalIncludePatterns);
        }

        if (options.FollowPaths is { } follow)
        {
            Add("local.followpaths", GoJson.StringArray(follow), CapId.SourceLocalFollowPaths);
        }

        if (options.ExcludePatterns is { } exclude)
        {
            Add("local.excludepatterns", GoJson.StringArray(exclude), CapId.SourceLocalExcludePatterns);
        }

        if (options.SharedKeyHint.Length > 0)
        {
            Add("local.sharedkeyhint", options.SharedKeyHint, CapId.SourceLocalSharedKeyHint);
        }

        if (options.Differ.Length > 0)
        {
            Add("local.differ", options.Differ, options.DifferRequired ? CapId.SourceLocalDiffer : null);
        }

        return Source("local://" + name, attrs, constraints.WithCap(CapId.SourceLocal));
    }

    /// <summary>A git repository at <paramref name="reference"/> (branch, tag or commit; empty for the default).</summary>
    public static LlbState Git(string remote, string reference, GitOptions? options = null)
    {
        options ??= new GitOptions();
        var url = remote.Split('#')[0];
        var (stripped, protocol) = GitProtocol.Parse(remote);
        remote = stripped;
        var sshHost = "";
        if (protocol == GitProtocol.Kind.Ssh)
        {
            var colon = remote.IndexOf(':');
            if (colon >= 0)
            {
                sshHost = remote[..colon];
                remote = sshHost + "/" + remote[(colon + 1)..];
            }
        }

        if (protocol == GitProtocol.Kind.Unknown)
        {
            url = "https://" + url;
        }

        var id = reference.Length > 0 ? remote + "#" + reference : remote;
        var constraints = options.Constraints;
        var attrs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (options.KeepGitDir)
        {
            attrs["git.keepgitdir"] = "true";
            constraints = constraints.WithCap(CapId.SourceGitKeepDir);
        }

        if (options.Checksum.Length > 0)
        {
            attrs["git.checksum"] = options.Checksum;
            constraints = constraints.WithCap(CapId.SourceGitChecksum);
        }

        if (options.SkipSubmodules)
        {
            attrs["git.skipsubmodules"] = "true";
            constraints = constraints.WithCap(CapId.SourceGitSkipSubmodules);
        }

        if (url.Length > 0)
        {
            attrs["git.fullurl"] = url;
            constraints = constraints.WithCap(CapId.SourceGitFullUrl);
        }

        foreach (var (key, given, fallback) in new[]
                 {
                     ("git.authtokensecret", options.AuthTokenSecret, "GIT_AUTH_TOKEN"),
                     ("git.authheadersecret", options.AuthHeaderSecret, "GIT_AUTH_HEADER"),
                 })
        {
            var value = given ?? fallback;
            if (value.Length > 0)
            {
                attrs[key] = value;
                if (given is not null)
                {
                    constraints = constraints.WithCap(CapId.SourceGitHttpAuth);
                }
            }
        }

        if (protocol == GitProtocol.Kind.Ssh)
        {
            if (options.KnownSshHosts.Length > 0)
            {
                attrs["git.knownsshhosts"] = options.KnownSshHosts;
            }

            constraints = constraints.WithCap(CapId.SourceGitKnownSshHosts);
            attrs["git.mountsshsock"] = options.MountSshSock.Length > 0 ? options.MountSshSock : "default";
            constraints = constraints.WithCap(CapId.SourceGitMountSshSock);
        }

        return Source("git://" + id, attrs, constraints.WithCap(CapId.SourceGit));
    }

    /// <summary>A file downloaded from an http(s) URL.</summary>
    public static LlbState Http(string url, HttpOptions? options = null)
    {
        options ??= new HttpOptions();
        var constraints = options.Constraints;
        var attrs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (options.Checksum.Length > 0)
        {
            attrs["http.checksum"] = options.Checksum;
            constraints = constraints.WithCap(CapId.SourceHttpChecksum);
        }

        if (options.Filename.Length > 0)
        {
            attrs["http.filename"] = options.Filename;
        }

        if (options.Perm != 0)
        {
            attrs["http.perm"] = "0" + Convert.ToString(options.Perm, 8);
            constraints = constraints.WithCap(CapId.SourceHttpPerm);
        }

        if (options.Uid != 0)
        {
            attrs["http.uid"] = options.Uid.ToString(CultureInfo.InvariantCulture);
            constraints = constraints.WithCap(CapId.SourceHttpUidGid);
        }

        if (options.Gid != 0)
        {
            attrs["http.gid"] = options.Gid.ToString(CultureInfo.InvariantCulture);
            constraints = constraints.WithCap(CapId.SourceHttpUidGid);
        }

        return Source(url, attrs, constraints.WithCap(CapId.SourceHttp));
    }

    /// <summary>Any source op, with attrs as given.</summary>
    public static LlbState Source(string identifier, IDictionary<string, string> attrs, OpConstraints constraints) =>
        LlbState.FromOutput(new LlbOutput(new SourceVertex(
            identifier, attrs.ToImmutableSortedDictionary(StringComparer.Ordinal), constraints)));

    /// <summary>The layers of several states stacked (a MergeOp); scratch inputs drop out, one input is itself.</summary>
    public static LlbState Merge(IEnumerable<LlbState> inputs, OpConstraints? constraints = null)
    {
        var outputs = inputs.Select(s => s.Output).OfType<LlbOutput>().ToImmutableArray();
        return outputs.Length switch
        {
            0 => LlbState.Scratch,
            1 => LlbState.FromOutput(outputs[0]),
            _ => LlbState.FromOutput(new LlbOutput(new MergeVertex(outputs, constraints ?? OpConstraints.None))),
        };
    }

    /// <summary>The changes from <paramref name="lower"/> to <paramref name="upper"/> (a DiffOp).</summary>
    public static LlbState Diff(LlbState lower, LlbState upper, OpConstraints? constraints = null) =>
        lower.Output is null && upper.Output is null
            ? LlbState.Scratch
            : LlbState.FromOutput(new LlbOutput(new DiffVertex(lower.Output, upper.Output, constraints ?? OpConstraints.None)));
}
