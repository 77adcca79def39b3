using System.Collections.Immutable;
using Grpc.Core;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>
/// A failure the frontend returns to the daemon as a <c>google.rpc.Status</c>: a gRPC code, a message, and typed
/// details (BuildKit's <c>errdefs</c> messages, JSON-encoded as upstream's grpcerrors does).
/// </summary>
public sealed class GatewayException : Exception
{
    /// <summary>A failure with code <c>Unknown</c> (what Go's plain errors map to).</summary>
    public GatewayException(string message, StatusCode code = StatusCode.Unknown, ImmutableArray<ErrorDetail> details = default, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        Details = details.IsDefault ? [] : details;
    }

    /// <summary>The gRPC status code.</summary>
    public StatusCode Code { get; }

    /// <summary>Typed details attached to the status, in order.</summary>
    public ImmutableArray<ErrorDetail> Details { get; }

    /// <summary>This failure with one more detail.</summary>
    public GatewayException With(ErrorDetail detail) => new(Message, Code, Details.Add(detail), InnerException);

    /// <summary>Upstream's <c>errors.Wrapf(err, prefix)</c>: the message prefixed, code and details kept.</summary>
    public static GatewayException Wrap(Exception error, string prefix)
    {
        var status = ErrorStatus.From(error);
        var details = status.Details.Select(d => new ErrorDetail(d.TypeUrl, d.Value.ToByteArray())).ToImmutableArray();
        return new GatewayException(prefix + ": " + ErrorStatus.GoErrorText(status), (StatusCode)status.Code, details, error);
    }
}

/// <summary>One typed detail of an error status: its type URL and its encoded value.</summary>
/// <param name="TypeUrl">e.g. <c>github.com/moby/buildkit/errdefs.Source+json</c>.</param>
/// <param name="Value">The encoded message (JSON for BuildKit's <c>+json</c> types).</param>
public sealed record ErrorDetail(string TypeUrl, byte[] Value);
