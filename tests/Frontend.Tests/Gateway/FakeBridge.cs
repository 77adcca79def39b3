using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;
using Moby.Buildkit.V1.Apicaps;
using Moby.Buildkit.V1.Frontend;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>
/// An in-process LLBBridge: answers Ping with configurable caps, serves files of <c>local://</c> sources, resolves
/// image configs from a table, and records every request it receives.
/// </summary>
public sealed class FakeBridge : LLBBridge.LLBBridgeBase
{
    private int _nextRef;

    /// <summary>Every gateway cap and LLB cap upstream v0.11.6 reports.</summary>
    public static readonly string[] AllCaps =
    [
        "solve.base", "solve.inlinereturn", "resolveimage", "resolveimage.resolvemode", "readfile", "return", "returnmap",
        "readdir", "statfile", "importcaches", "proto.refarray", "reference.output", "frontend.inputs", "gateway.solve.metadata",
        "gateway.exec", "frontend.caps", "gateway.solve.evaluate", "gateway.evaluate", "gateway.warnings", "reference.attestations",
    ];

    /// <summary>The gateway caps the Pong lists (null: all).</summary>
    public IReadOnlyList<string>? Caps { get; set; }

    /// <summary>The LLB caps the Pong lists (null: every cap the converter knows).</summary>
    public IReadOnlyList<string>? LlbCaps { get; set; }

    /// <summary>Files by local name and path.</summary>
    public ConcurrentDictionary<(string Local, string Path), byte[]> Files { get; } = new();

    /// <summary>Image configs by normalized reference.</summary>
    public ConcurrentDictionary<string, (string Digest, string Config)> Images { get; } = new();

    /// <summary>Thrown by the call of that name (Ping, Solve, ReadFile, Return, ...), when set.</summary>
    public ConcurrentDictionary<string, RpcException> Failures { get; } = new();

    /// <summary>Delay before answering the call of that name.</summary>
    public ConcurrentDictionary<string, TimeSpan> Delays { get; } = new();

    /// <summary>Told the name of each call as it arrives, before any delay or failure.</summary>
    public Action<string>? OnCall { get; set; }

    /// <summary>Inputs the Inputs call returns.</summary>
    public Dictionary<string, Pb.Definition> InputDefinitions { get; } = [];

    public ConcurrentQueue<SolveRequest> Solves { get; } = new();

    /// <summary>Solve and ResolveImageConfig calls by name, in the order they arrived.</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    public ConcurrentQueue<ReadFileRequest> Reads { get; } = new();

    public ConcurrentQueue<ResolveImageConfigRequest> Resolves { get; } = new();

    public ConcurrentQueue<StatFileRequest> Stats { get; } = new();

    public int InputCalls;

    public ConcurrentQueue<WarnRequest> Warnings { get; } = new();

    public ConcurrentQueue<ReturnRequest> Returns { get; } = new();

    public int Pings;

    /// <summary>The local source each ref was solved from.</summary>
    public ConcurrentDictionary<string, string> RefSources { get; } = new();

    /// <summary>The request each ref was solved from.</summary>
    public ConcurrentDictionary<string, SolveRequest> RefRequests { get; } = new();

    public override async Task<PongResponse> Ping(PingRequest request, ServerCallContext context)
    {
        Interlocked.Increment(ref Pings);
        await Before("Ping", context);
        var pong = new PongResponse();
        pong.FrontendAPICaps.AddRange((Caps ?? AllCaps).Select(id => new APICap { ID = id, Enabled = true }));
        pong.LLBCaps.AddRange((LlbCaps ?? Converter.Llb.CapId.All).Select(id => new APICap { ID = id, Enabled = true }));
        return pong;
    }

    public override async Task<SolveResponse> Solve(SolveRequest request, ServerCallContext context)
    {
        Solves.Enqueue(request);
        Calls.Enqueue("Solve");
        await Before("Solve", context);
        var id = "ref-" + Interlocked.Increment(ref _nextRef);
        RefSources[id] = SourceOf(request.Definition);
        RefRequests[id] = request;
        var result = new Result();
        if ((Caps ?? AllCaps).Contains("proto.refarray"))
        {
            result.Ref = new Ref { Id = id, Def = request.Definition };
        }
        else
        {
            result.RefDeprecated = id;
        }

        return new SolveResponse { Result = result };
    }

    public override async Task<ReadFileResponse> ReadFile(ReadFileRequest request, ServerCallContext context)
    {
        Reads.Enqueue(request);
        await Before("ReadFile", context);
        var local = RefSources.GetValueOrDefault(request.Ref) ?? "";
        if (!Files.TryGetValue((local, request.FilePath), out var data))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"open {request.FilePath}: no such file or directory"));
        }

        return new ReadFileResponse { Data = ByteString.CopyFrom(data) };
    }

    public override async Task<ResolveImageConfigResponse> ResolveImageConfig(ResolveImageConfigRequest request, ServerCallContext context)
    {
        Resolves.Enqueue(request);
        Calls.Enqueue("ResolveImageConfig");
        await Before("ResolveImageConfig", context);
        if (!Images.TryGetValue(request.Ref, out var image))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"{request.Ref}: not found"));
        }

        return new ResolveImageConfigResponse { Digest = image.Digest, Config = ByteString.CopyFromUtf8(image.Config) };
    }

    public override async Task<StatFileResponse> StatFile(StatFileRequest request, ServerCallContext context)
    {
        Stats.Enqueue(request);
        await Before("StatFile", context);
        return new StatFileResponse { Stat = new Fsutil.Types.Stat { Path = request.Path, Mode = 0x800001ed } };
    }

    public override async Task<InputsResponse> Inputs(InputsRequest request, ServerCallContext context)
    {
        Interlocked.Increment(ref InputCalls);
        await Before("Inputs", context);
        var response = new InputsResponse();
        response.Definitions.Add(InputDefinitions);
        return response;
    }

    public override async Task<WarnResponse> Warn(WarnRequest request, ServerCallContext context)
    {
        Warnings.Enqueue(request);
        await Before("Warn", context);
        return new WarnResponse();
    }

    public override async Task<ReturnResponse> Return(ReturnRequest request, ServerCallContext context)
    {
        Returns.Enqueue(request);
        await Before("Return", context);
        return new ReturnResponse();
    }

    /// <summary>The <c>local://</c> name of the definition's source op, or "" when it has none.</summary>
    public static string SourceOf(Pb.Definition definition)
    {
        foreach (var bytes in definition.Def)
        {
            var op = Pb.Op.Parser.ParseFrom(bytes);
            if (op.Source is { } source)
            {
                return source.Identifier.StartsWith("local://", StringComparison.Ordinal) ? source.Identifier["local://".Length..] : source.Identifier;
            }
        }

        return "";
    }

    /// <summary>The source op of the definition.</summary>
    public static Pb.SourceOp SourceOp(Pb.Definition definition) =>
        definition.Def.Select(b => Pb.Op.Parser.ParseFrom(b)).First(o => o.Source is not null).Source;

    private async Task Before(string method, ServerCallContext context)
    {
        OnCall?.Invoke(method);
        if (Delays.TryGetValue(method, out var delay))
        {
            try
            {
                await Task.Delay(delay, context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw new RpcException(new Status(StatusCode.Cancelled, "canceled"));
            }
        }

        if (Failures.TryGetValue(method, out var failure))
        {
            throw failure;
        }
    }
}
