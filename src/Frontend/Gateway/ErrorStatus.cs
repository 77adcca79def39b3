using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>
/// Turns a failure into the <c>google.rpc.Status</c> a frontend returns (grpcerrors.ToGRPC): the code of the error
/// (Unknown for plain errors), its message, and its typed details; a daemon error keeps its code and details.
/// </summary>
public static class ErrorStatus
{
    /// <summary>The trailer gRPC carries a status's details in.</summary>
    public const string DetailsTrailer = "grpc-status-details-bin";

    /// <summary>The status for <paramref name="error"/>.</summary>
    public static Google.Rpc.Status From(Exception error)
    {
        switch (error)
        {
            case GatewayException gateway:
            {
                var status = new Google.Rpc.Status { Code = NonOk(gateway.Code), Message = gateway.Message };
                status.Details.AddRange(gateway.Details.Select(d => new Any { TypeUrl = d.TypeUrl, Value = ByteString.CopyFrom(d.Value) }));
                return status;
            }

            case RpcException rpc:
            {
                var status = new Google.Rpc.Status { Code = NonOk(rpc.StatusCode), Message = rpc.Status.Detail };
                status.Details.AddRange(DaemonDetails(rpc));
                return status;
            }

            case OperationCanceledException:
                return new Google.Rpc.Status { Code = (int)StatusCode.Cancelled, Message = "context canceled" };

            default:
                return new Google.Rpc.Status { Code = (int)StatusCode.Unknown, Message = error.Message };
        }
    }

    /// <summary>
    /// How Go prints the error: a daemon's status error as <c>Code: message</c> (just the message for Unknown),
    /// anything else as its message.
    /// </summary>
    public static string GoErrorText(Exception error) => error switch
    {
        RpcException rpc when rpc.StatusCode is not (StatusCode.OK or StatusCode.Unknown) => $"{GoCodeName(rpc.StatusCode)}: {rpc.Status.Detail}",
        RpcException rpc => rpc.Status.Detail,
        _ => From(error).Message,
    };

    /// <summary>How Go prints a status (code prefix unless Unknown).</summary>
    public static string GoErrorText(Google.Rpc.Status status) =>
        status.Code is (int)StatusCode.OK or (int)StatusCode.Unknown ? status.Message : $"{GoCodeName((StatusCode)status.Code)}: {status.Message}";

    /// <summary>Go's name of a code (<c>codes.Code.String()</c>): .NET spells one differently.</summary>
    public static string GoCodeName(StatusCode code) => code switch
    {
        StatusCode.Cancelled => "Canceled",
        >= StatusCode.OK and <= StatusCode.Unauthenticated => code.ToString(),
        _ => "Code(" + ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture) + ")",
    };

    private static int NonOk(StatusCode code) => code == StatusCode.OK ? (int)StatusCode.Unknown : (int)code;

    private static IEnumerable<Any> DaemonDetails(RpcException rpc)
    {
        var bytes = rpc.Trailers.GetValueBytes(DetailsTrailer);
        if (bytes is null)
        {
            return [];
        }

        try
        {
            return Google.Rpc.Status.Parser.ParseFrom(bytes).Details;
        }
        catch (InvalidProtocolBufferException)
        {
            return [];
        }
    }
}
