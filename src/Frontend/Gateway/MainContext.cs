using CSharpFrontend.Converter.Dockerfile.Contexts;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Converter.Llb.Marshal;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>
/// The main build context when it is not the client's directory, and where the Dockerfile then comes from
/// (builder/build.go <c>Build</c>, v0.11.6): a git URL in the context option, an http(s) URL (an archive unpacked,
/// anything else the Dockerfile itself), or the <c>context</c> and <c>dockerfile</c> frontend inputs;
/// <c>contextsubdir</c> scopes such a context.
/// </summary>
/// <param name="DockerfileSource">The state the Dockerfile is read from; null for the <c>dockerfile</c> local.</param>
/// <param name="Filename">The path the Dockerfile is read at when it is not the <c>filename</c> option (<c>context</c>).</param>
/// <param name="BuildContext">The build context; null for the context local.</param>
/// <param name="IsNotLocal">Whether no <c>.dockerignore</c> is read for the context (a single file or an input).</param>
public sealed record MainContext(LlbState? DockerfileSource, string? Filename, LlbState? BuildContext, bool IsNotLocal)
{
    /// <summary>The option that keeps <c>.git</c> in a git context's checkout.</summary>
    public const string KeepGitDirOption = "build-arg:BUILDKIT_CONTEXT_KEEP_GIT_DIR";

    /// <summary>The option naming a directory of a remote or input context to use as the context.</summary>
    public const string SubDirOption = "contextsubdir";

    /// <summary>The file name an http context is downloaded as.</summary>
    public const string HttpFilename = "context";

    /// <summary>How many bytes of an http context are read to tell an archive.</summary>
    public const int HeaderLength = 1024;

    /// <summary>The client's directories, nothing remote.</summary>
    public static MainContext Local { get; } = new(null, null, null, false);

    /// <summary>Decides, downloading the first bytes of an http context to tell what it is.</summary>
    /// <param name="client">The bridge.</param>
    /// <param name="options">The build options.</param>
    /// <param name="marshal">How helper states are marshalled (with the daemon's caps).</param>
    /// <param name="cancellationToken">Cancels.</param>
    public static async Task<MainContext> ResolveAsync(GatewayClient client, BuildOptions options, MarshalOptions marshal, CancellationToken cancellationToken)
    {
        var opts = client.Environment.Options;
        var value = opts.GetValueOrDefault(options.ContextLocalName) ?? "";
        var keepGit = BuildOptionsParser.TryParseBool(opts.GetValueOrDefault(KeepGitDirOption) ?? "", out var keep) && keep;
        var force = options.ForceLocalDockerfile;
        MainContext main;
        if (GitContext.TryParse(value, keepGit, options.Profile.GitUrlQueries) is { } git)
        {
            main = new MainContext(force ? null : git, null, git, false);
        }
        else if (value.StartsWith("http://", StringComparison.Ordinal) || value.StartsWith("https://", StringComparison.Ordinal))
        {
            main = await HttpAsync(client, value, force, marshal, cancellationToken).ConfigureAwait(false);
        }
        else if (client.Caps.Supports(GatewayCaps.FrontendInputs))
        {
            main = await InputsAsync(client, force, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            main = Local;
        }

        return main.BuildContext is { } context && opts.TryGetValue(SubDirOption, out var subDir)
            ? main with { BuildContext = ScopeToSubDir(context, subDir) }
            : main;
    }

    /// <summary>Upstream's <c>scopeToSubDir</c>: the directory's contents copied onto scratch.</summary>
    public static LlbState ScopeToSubDir(LlbState context, string dir) =>
        LlbState.Scratch.File(new CopyAction(context, dir, "/") { CopyDirContentsOnly = true });

    private static async Task<MainContext> HttpAsync(GatewayClient client, string url, bool force, MarshalOptions marshal, CancellationToken cancellationToken)
    {
        var http = Sources.Http(url, new HttpOptions
        {
            Filename = HttpFilename,
            Constraints = OpConstraints.None.WithCustomName("[internal] load remote build context"),
        });
        SolvedRef reference;
        try
        {
            reference = await client.SolveAsync(LlbMarshaller.Marshal(http, marshal).Definition, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw GatewayException.Wrap(ex, "failed to resolve httpcontext");
        }

        byte[] header;
        try
        {
            header = await client.ReadFileAsync(reference, HttpFilename, cancellationToken, HeaderLength).ConfigureAwait(false);
        }
        catch (Grpc.Core.RpcException ex)
        {
            throw GatewayException.Wrap(ex, "failed to read downloaded context");
        }

        if (ArchiveHeader.IsArchive(header))
        {
            var unpacked = LlbState.Scratch.File(new CopyAction(http, "/" + HttpFilename, "/") { AttemptUnpack = true });
            return new MainContext(force ? null : unpacked, null, unpacked, false);
        }

        return new MainContext(force ? null : http, HttpFilename, http, true);
    }

    private static async Task<MainContext> InputsAsync(GatewayClient client, bool force, CancellationToken cancellationToken)
    {
        System.Collections.Immutable.ImmutableDictionary<string, Pb.Definition> inputs;
        try
        {
            inputs = await client.InputsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Grpc.Core.RpcException ex)
        {
            throw GatewayException.Wrap(ex, "failed to get frontend inputs");
        }

        try
        {
            var dockerfile = !force && inputs.TryGetValue("dockerfile", out var d) ? DefinitionStates.FromDefinition(d) : null;
            var context = inputs.TryGetValue("context", out var c) ? DefinitionStates.FromDefinition(c) : null;
            return new MainContext(dockerfile, null, context, context is not null);
        }
        catch (FormatException ex)
        {
            throw new GatewayException("failed to get frontend inputs: " + ex.Message);
        }
    }
}
