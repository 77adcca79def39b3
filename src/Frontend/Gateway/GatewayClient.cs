using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using Moby.Buildkit.V1.Frontend;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>
/// The frontend's side of the LLBBridge (grpcclient's <c>grpcClient</c>): the daemon's caps from Ping, and the calls
/// a Dockerfile build makes, each bounded by a deadline and degraded for daemons without the cap as upstream does.
/// </summary>
public sealed class GatewayClient
{
    private readonly LLBBridge.LLBBridgeClient _client;
    private readonly GatewayTimeouts _timeouts;
    private readonly Dictionary<string, SolveRequest> _requests = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    private GatewayClient(LLBBridge.LLBBridgeClient client, GatewayEnvironment environment, GatewayTimeouts timeouts, CapSet caps, CapSet llbCaps, PongResponse pong)
    {
        _client = client;
        _timeouts = timeouts;
        Environment = environment;
        Caps = caps;
        LlbCaps = llbCaps;
        Pong = pong;
    }

    /// <summary>The options, session and workers the daemon passed.</summary>
    public GatewayEnvironment Environment { get; }

    /// <summary>The gateway API caps.</summary>
    public CapSet Caps { get; }

    /// <summary>The LLB caps.</summary>
    public CapSet LlbCaps { get; }

    /// <summary>The daemon's Pong as received.</summary>
    public PongResponse Pong { get; }

    /// <summary>Pings the daemon and reads its caps (the frozen defaults when it lists none).</summary>
    public static async Task<GatewayClient> ConnectAsync(LLBBridge.LLBBridgeClient client, GatewayEnvironment environment, GatewayTimeouts timeouts, CancellationToken cancellationToken)
    {
        var pong = await client.PingAsync(new PingRequest(), Deadline(timeouts.Ping, cancellationToken)).ResponseAsync.ConfigureAwait(false);
        return new GatewayClient(client, environment, timeouts, CapSet.FromPong(pong.FrontendAPICaps, GatewayCaps.Defaults),
            CapSet.FromPong(pong.LLBCaps, GatewayCaps.DefaultLlb), pong);
    }

    /// <summary>Solves <paramref name="definition"/> (lazily, as upstream, unless <paramref name="evaluate"/>) and returns its single ref.</summary>
    public async Task<SolvedRef> SolveAsync(Pb.Definition definition, IEnumerable<CacheImport>? cacheImports, CancellationToken cancellationToken, bool evaluate = false)
    {
        foreach (var metadata in definition.Metadata.Values)
        {
            foreach (var cap in metadata.Caps.Keys)
            {
                LlbCaps.Require(cap, Environment.Product);
            }
        }

        foreach (var op in definition.Def)
        {
            foreach (var cap in ContentCaps.Of(Pb.Op.Parser.ParseFrom(op)))
            {
                LlbCaps.Require(cap, Environment.Product);
            }
        }

        var request = new SolveRequest { Definition = definition, AllowResultReturn = true, AllowResultArrayRef = true, Evaluate = evaluate && Caps.Supports(GatewayCaps.EvaluateSolve) };
        foreach (var key in new[] { "cache-imports", "cache-from" })
        {
            if (Environment.Options.TryGetValue(key, out var value))
            {
                request.FrontendOpt[key] = value;
            }
        }

        foreach (var import in cacheImports ?? [])
        {
            var entry = new CacheOptionsEntry { Type = import.Type };
            entry.Attrs.Add(import.Attrs);
            request.CacheImports.Add(entry);
        }

        if (!Caps.Supports(GatewayCaps.ReturnResult))
        {
            request.ExporterAttr = ByteString.CopyFromUtf8("{}");
        }

        var response = await _client.SolveAsync(request, Deadline(_timeouts.Call, cancellationToken)).ResponseAsync.ConfigureAwait(false);
        var reference = SingleRef(response);
        if (evaluate && !request.Evaluate && (reference.Id.Length > 0 || response.Result is null))
        {
            // Upstream's fallback for daemons without gateway.solve.evaluate: Stat(".") makes the daemon evaluate.
            await StatFileAsync(reference, ".", cancellationToken).ConfigureAwait(false);
        }
        if (reference.Id.Length > 0)
        {
            lock (_lock)
            {
                _requests[reference.Id] = request;
            }
        }

        return reference;
    }

    /// <summary>Reads a file of a solved result; <paramref name="length"/> limits the bytes read when positive.</summary>
    public async Task<byte[]> ReadFileAsync(SolvedRef reference, string path, CancellationToken cancellationToken, long length = 0)
    {
        var request = new ReadFileRequest { Ref = reference.Id, FilePath = path };
        if (length > 0)
        {
            request.Range = new FileRange { Length = length };
        }

        var response = await _client.ReadFileAsync(request, Deadline(_timeouts.Call, cancellationToken)).ResponseAsync.ConfigureAwait(false);
        return response.Data.ToByteArray();
    }

    /// <summary>Stats a path of a solved result (needs the <c>statfile</c> cap).</summary>
    public async Task<Fsutil.Types.Stat> StatFileAsync(SolvedRef reference, string path, CancellationToken cancellationToken)
    {
        Caps.Require(GatewayCaps.StatFile, Environment.Product);
        var response = await _client.StatFileAsync(new StatFileRequest { Ref = reference.Id, Path = path }, Deadline(_timeouts.Call, cancellationToken)).ResponseAsync.ConfigureAwait(false);
        return response.Stat;
    }

    /// <summary>Looks up an image's digest and config.</summary>
    public async Task<ResolveImageConfigResponse> ResolveImageConfigAsync(ResolveImageConfigRequest request, CancellationToken cancellationToken) =>
        await _client.ResolveImageConfigAsync(request, Deadline(_timeouts.Call, cancellationToken)).ResponseAsync.ConfigureAwait(false);

    /// <summary>The frontend inputs; without the <c>frontend.inputs</c> cap empty, or upstream's cap error when <paramref name="required"/>.</summary>
    public async Task<ImmutableDictionary<string, Pb.Definition>> InputsAsync(CancellationToken cancellationToken, bool required = false)
    {
        if (!Caps.Supports(GatewayCaps.FrontendInputs))
        {
            if (required)
            {
                Caps.Require(GatewayCaps.FrontendInputs, Environment.Product);
            }

            return ImmutableDictionary<string, Pb.Definition>.Empty;
        }

        var response = await _client.InputsAsync(new InputsRequest(), Deadline(_timeouts.Call, cancellationToken)).ResponseAsync.ConfigureAwait(false);
        return response.Definitions.ToImmutableDictionary(StringComparer.Ordinal);
    }

    /// <summary>Sends a warning when the daemon takes them (<c>gateway.warnings</c>); returns whether it was sent.</summary>
    public async Task<bool> WarnAsync(WarnRequest request, CancellationToken cancellationToken)
    {
        if (!Caps.Supports(GatewayCaps.Warnings))
        {
            return false;
        }

        await _client.WarnAsync(request, Deadline(_timeouts.Warn, cancellationToken)).ResponseAsync.ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Hands the result to the daemon: <c>Return</c> with refs in the form the daemon knows, or, for daemons without
    /// <c>return</c>, the final Solve of the result's request with the metadata as exporter attributes.
    /// </summary>
    public async Task ReturnAsync(FrontendResult result, CancellationToken cancellationToken)
    {
        if (result.Refs is { Count: > 1 })
        {
            Caps.Require(GatewayCaps.ReturnMap, Environment.Product);
        }

        if (!Caps.Supports(GatewayCaps.ReturnResult))
        {
            await FinalSolveAsync(result, cancellationToken).ConfigureAwait(false);
            return;
        }

        var proto = new Result();
        foreach (var (key, value) in result.Metadata)
        {
            proto.Metadata[key] = ByteString.CopyFrom(value);
        }

        var refArray = Caps.Supports(GatewayCaps.ProtoRefArray);
        if (result.Refs is { } refs)
        {
            if (refArray)
            {
                proto.Refs = new RefMap();
                foreach (var (key, value) in refs)
                {
                    proto.Refs.Refs[key] = ToProto(value);
                }
            }
            else
            {
                proto.RefsDeprecated = new RefMapDeprecated();
                foreach (var (key, value) in refs)
                {
                    proto.RefsDeprecated.Refs[key] = value.Id;
                }
            }
        }
        else if (refArray)
        {
            proto.Ref = ToProto(result.Ref);
        }
        else
        {
            proto.RefDeprecated = result.Ref?.Id ?? "";
        }

        await _client.ReturnAsync(new ReturnRequest { Result = proto }, Deadline(_timeouts.Return, cancellationToken)).ResponseAsync.ConfigureAwait(false);
    }

    /// <summary>Returns a failure; false when the daemon cannot take one (no <c>return</c> cap).</summary>
    public async Task<bool> ReturnErrorAsync(Google.Rpc.Status status, CancellationToken cancellationToken)
    {
        if (!Caps.Supports(GatewayCaps.ReturnResult))
        {
            return false;
        }

        await _client.ReturnAsync(new ReturnRequest { Error = status }, Deadline(_timeouts.Return, cancellationToken)).ResponseAsync.ConfigureAwait(false);
        return true;
    }

    private async Task FinalSolveAsync(FrontendResult result, CancellationToken cancellationToken)
    {
        SolveRequest request;
        var id = result.Refs is null ? result.Ref?.Id ?? "" : "";
        lock (_lock)
        {
            request = id.Length == 0
                ? new SolveRequest { Definition = new Pb.Definition() }
                : _requests.TryGetValue(id, out var found) ? found.Clone() : throw new GatewayException($"did not find request for return reference {id}");
        }

        request.Final = true;
        request.ExporterAttr = ByteString.CopyFrom(MetadataJson(result.Metadata));
        await _client.SolveAsync(request, Deadline(_timeouts.Call, cancellationToken)).ResponseAsync.ConfigureAwait(false);
    }

    /// <summary>Go's JSON of a <c>map[string][]byte</c>: keys sorted, values base64.</summary>
    public static byte[] MetadataJson(IEnumerable<KeyValuePair<string, byte[]>> metadata)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                writer.WriteBase64String(key, value);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static Ref ToProto(SolvedRef? reference)
    {
        var proto = new Ref { Id = reference?.Id ?? "" };
        if (reference?.Definition is { } definition)
        {
            proto.Def = definition;
        }

        return proto;
    }

    private static SolvedRef SingleRef(SolveResponse response)
    {
        if (response.Result is not { } result)
        {
            return new SolvedRef(response.Ref, null);
        }

        return result.ResultCase switch
        {
            Result.ResultOneofCase.Ref => new SolvedRef(result.Ref.Id, result.Ref.Def),
            Result.ResultOneofCase.RefDeprecated => new SolvedRef(result.RefDeprecated, null),
            Result.ResultOneofCase.None => new SolvedRef("", null),
            _ => throw new GatewayException("invalid map result"),
        };
    }

    private static CallOptions Deadline(TimeSpan timeout, CancellationToken cancellationToken) =>
        new(deadline: DateTime.UtcNow + timeout, cancellationToken: cancellationToken);
}
