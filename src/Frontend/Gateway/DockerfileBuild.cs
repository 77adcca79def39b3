using System.Collections.Immutable;
using System.Text;
using System.Threading.Channels;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Dockerfile.Contexts;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Converter.Lint;
using CSharpFrontend.Converter.Llb.Marshal;
using CSharpFrontend.Parser;
using Moby.Buildkit.V1.Frontend;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>
/// The Dockerfile frontend's build (builder/build.go <c>Build</c>): options, the Dockerfile and ignore files read
/// from the client, one conversion and one solve per target platform, and the result with image configs.
/// </summary>
public static class DockerfileBuild
{
    /// <summary>The metadata key of the image config (per platform: <c>containerimage.config/&lt;platform&gt;</c>).</summary>
    public const string ImageConfigKey = "containerimage.config";

    /// <summary>The metadata key of the platform list.</summary>
    public const string PlatformsKey = "refs.platforms";

    /// <summary>Builds; failures are <see cref="GatewayException"/>s (located in the Dockerfile when they can be) or daemon errors.</summary>
    /// <param name="client">The bridge, pinged.</param>
    /// <param name="log">Where progress notes go (stderr).</param>
    /// <param name="cancellationToken">Cancels.</param>
    public static async Task<FrontendResult> RunAsync(GatewayClient client, TextWriter log, CancellationToken cancellationToken)
    {
        if (!client.LlbCaps.Supports(CapId.FileBase))
        {
            throw new GatewayException("needs BuildKit 0.5 or later: " + client.LlbCaps.Describe(CapId.FileBase, client.Environment.Product));
        }

        var options = BuildOptionsParser.Parse(client.Environment.Options);
        var buildPlatform = client.Environment.WorkerPlatforms.FirstOrDefault()
            ?? client.Pong.Workers.FirstOrDefault()?.Platforms.Select(p => new LlbPlatform(p.OS, p.Architecture, p.Variant, p.OSVersion)).FirstOrDefault()
            ?? PlatformProto.Current();
        var llbCaps = LlbCaps.Of(client.LlbCaps.Enabled);
        var localUniqueId = Guid.NewGuid().ToString("N");
        var marshal = new MarshalOptions { DefaultPlatform = PlatformProto.Current(), Caps = llbCaps, LocalUniqueId = localUniqueId, Profile = options.Profile };

        var main = await MainContext.ResolveAsync(client, options, marshal, cancellationToken).ConfigureAwait(false);
        var dockerfile = await DockerfileLoader.LoadAsync(client, options, marshal, main, cancellationToken).ConfigureAwait(false);

        SyntaxForwarding.Check(client.Environment.Options, dockerfile, Encoding.UTF8.GetString(dockerfile.Content.Span));

        if (GatewaySubrequests.Check(options.RequestId) is { } described)
        {
            return described;
        }

        // v0.11's builder read the epoch here, after describe and before outline or targets; v0.24's dockerui with the
        // other options.
        var epoch = options.Profile.EpochAndChecksReadWithOptions ? options.SourceDateEpoch : BuildOptionsParser.ParseSourceDateEpoch(client.Environment.Options);

        var sourceMap = new SourceMapSpec(dockerfile.Filename, dockerfile.Content) { Definition = dockerfile.Source };
        var images = new BridgeImageResolver(client, options.ResolveMode, options.ExportMap);
        var convert = new ConvertOptions
        {
            Profile = options.Profile,
            Target = options.Target,
            BuildPlatforms = [buildPlatform],
            BuildArgs = options.BuildArgs,
            Labels = options.Labels,
            ImageResolver = images,
            ImageResolveMode = options.ResolveMode,
            LlbCaps = llbCaps,
            LocalUniqueId = localUniqueId,
            SessionId = client.Environment.SessionId,
            ContextLocalName = options.ContextLocalName,
            BuildContext = main.BuildContext,
            ExcludesLoader = token => new ValueTask<ImmutableArray<string>?>(dockerfile.Excludes.GetAsync(token)),
            IgnoreCache = options.IgnoreCache,
            CacheIdNamespace = options.CacheIdNamespace,
            PrefixPlatform = options.ExportMap,
            ExtraHosts = options.ExtraHosts,
            ShmSize = options.ShmSize,
            Ulimits = options.Ulimits,
            CgroupParent = options.CgroupParent,
            ForceNetworkMode = options.NetworkMode,
            Hostname = options.Hostname,
            SourceMap = sourceMap,
            NamedContexts = new NamedContextLookup(
                NamedContextLookup.FromOptions(client.Environment.Options), PlatformProto.Current(), images, new GatewayContextLoader(client, marshal), options.Profile),
            SourceDateEpoch = epoch,
        };

        var text = Encoding.UTF8.GetString(dockerfile.Content.Span);
        if (options.RequestId is { } requestId)
        {
            return await GatewaySubrequests.RunAsync(requestId, client, log, dockerfile, text, convert with { TargetPlatform = options.TargetPlatforms[0] }, cancellationToken).ConfigureAwait(false);
        }

        var builds = options.TargetPlatforms.Select((platform, index) =>
            BuildPlatformAsync(client, log, dockerfile, text, convert with { TargetPlatform = platform }, options.CacheImports, index == 0, cancellationToken)).ToList();
        var built = await Task.WhenAll(builds).ConfigureAwait(false);

        var metadata = ImmutableSortedDictionary.CreateBuilder<string, byte[]>(StringComparer.Ordinal);
        var refs = ImmutableSortedDictionary.CreateBuilder<string, SolvedRef>(StringComparer.Ordinal);
        SolvedRef? single = null;
        var platforms = new List<LlbPlatform>();
        foreach (var (platform, build) in options.TargetPlatforms.Zip(built))
        {
            var id = platform ?? PlatformProto.Current();
            platforms.Add(id);
            if (options.ExportMap)
            {
                metadata[ImageConfigKey + "/" + id] = build.Config;
                refs[id.ToString()] = build.Ref;
            }
            else
            {
                metadata[ImageConfigKey] = build.Config;
                single = build.Ref;
            }
        }

        metadata[PlatformsKey] = PlatformProto.PlatformsJson(platforms);
        return new FrontendResult(single, options.ExportMap ? refs.ToImmutable() : null, metadata.ToImmutable());
    }

    private static async Task<(SolvedRef Ref, byte[] Config)> BuildPlatformAsync(
        GatewayClient client, TextWriter log, LoadedDockerfile dockerfile, string text, ConvertOptions options,
        ImmutableArray<CacheImport> cacheImports, bool warn, CancellationToken cancellationToken)
    {
        var result = await ConvertAsync(client, log, dockerfile, text, options, warn, cancellationToken).ConfigureAwait(false);
        byte[] config;
        try
        {
            config = ImageConfigWriter.ToUtf8Json(result.Image, result.ImageLayout);
        }
        catch (InvalidOperationException ex)
        {
            // e.g. a SOURCE_DATE_EPOCH past year 9999 in a history entry, which Go's JSON refuses as well.
            throw new GatewayException("failed to marshal image config: " + ex.Message);
        }

        var reference = await client.SolveAsync(result.Definition.Definition, cacheImports, cancellationToken).ConfigureAwait(false);
        return (reference, config);
    }

    /// <summary>
    /// Converts with the build checks on; failures located in the Dockerfile; the checks' warnings sent when
    /// <paramref name="warn"/> (also those found before a failure) as they are found, in that order, as upstream's
    /// warning callback does. Sending them as found matters beyond order: <c>buildctl --progress=plain</c> prints a
    /// warning under the Dockerfile's step only while that step's last update is still being shown, so the checks
    /// that run before the base images are resolved must reach the daemon before those lookups, as the builtin
    /// frontend's do.
    /// </summary>
    public static async Task<ConvertResult> ConvertAsync(
        GatewayClient client, TextWriter log, LoadedDockerfile dockerfile, string text, ConvertOptions options, bool warn, CancellationToken cancellationToken)
    {
        var found = Channel.CreateUnbounded<LintWarning>(new UnboundedChannelOptions { SingleReader = true });
        var sending = warn ? SendAsync(found.Reader) : Task.CompletedTask;
        options = options with { Lint = new LintOptions(warning => found.Writer.TryWrite(warning)) { Config = options.Lint?.Config } };
        try
        {
            return await DockerfileConverter.ConvertAsync(text, options, cancellationToken).ConfigureAwait(false);
        }
        catch (ConvertException ex)
        {
            throw Located(ex.Message, ex.Locations, dockerfile);
        }
        finally
        {
            found.Writer.TryComplete();
            await sending.ConfigureAwait(false);
        }

        async Task SendAsync(ChannelReader<LintWarning> warnings)
        {
            await foreach (var warning in warnings.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await LintWarnings.SendAsync(client, log, dockerfile, warning, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A failure located in the Dockerfile (errdefs.Source detail), as upstream's <c>wrapSource</c>.</summary>
    public static GatewayException Located(string message, SourceRange? range, LoadedDockerfile dockerfile) =>
        Located(message, range is { } r ? [r] : [], dockerfile);

    /// <summary>
    /// A failure located at several instructions: one errdefs.Source detail each, in order, as upstream wraps them.
    /// Each detail carries the whole Dockerfile, so their number is bounded by <see cref="MaxSourceDetailBytes"/> (a
    /// cycle through 100,000 stages would otherwise send the file 100,000 times); at least the first is always sent.
    /// </summary>
    public static GatewayException Located(string message, IEnumerable<SourceRange> locations, LoadedDockerfile dockerfile)
    {
        var limit = Math.Max(1, MaxSourceDetailBytes / Math.Max(1, dockerfile.Content.Length));
        return locations.Take(limit).Aggregate(new GatewayException(message), (error, location) =>
            error.With(ErrdefsDetails.Source(dockerfile.Filename, dockerfile.Content, dockerfile.SourceDefinition.Definition, [ToLlbRange(location)])));
    }

    /// <summary>The Dockerfile bytes all source details of one error may carry together (beyond the first).</summary>
    public const int MaxSourceDetailBytes = 4 << 20;

    private static LlbRange ToLlbRange(SourceRange range) => new(range.Start.Line, 0, range.End.Line, 0);
}
