using CSharpFrontend.Converter.Lint;
using Moby.Buildkit.V1.Frontend;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>
/// Sends a build check's warning with the <c>Warn</c> RPC as BuildKit's Dockerfile frontend does (builder/build.go):
/// short text <c>Rule: message (line N)</c>, the rule's description as detail, its URL, level 1, the Dockerfile as
/// source with the ranges. Without the daemon's <c>gateway.warnings</c> cap the warning goes to the log.
/// </summary>
internal static class LintWarnings
{
    public static WarnRequest Request(LoadedDockerfile dockerfile, LintWarning warning)
    {
        var line = warning.Ranges.IsDefaultOrEmpty ? 0 : warning.Ranges[0].StartLine;
        var request = new WarnRequest
        {
            Digest = dockerfile.SourceDefinition.Head?.ToString() ?? "",
            Level = 1,
            Short = Google.Protobuf.ByteString.CopyFromUtf8(Short(warning.Rule.Name, warning.Detail, line)),
            Url = warning.Rule.Url,
            Info = new Pb.SourceInfo
            {
                Filename = dockerfile.Filename,
                Language = "Dockerfile",
                Data = Google.Protobuf.ByteString.CopyFrom(dockerfile.Content.Span),
                Definition = dockerfile.SourceDefinition.Definition,
            },
        };
        request.Detail.Add(Google.Protobuf.ByteString.CopyFromUtf8(warning.Rule.Description));
        foreach (var range in warning.Ranges.IsDefault ? [] : warning.Ranges)
        {
            request.Ranges.Add(new Pb.Range
            {
                Start = new Pb.Position { Line = range.StartLine },
                End = new Pb.Position { Line = range.EndLine },
            });
        }

        return request;
    }

    /// <summary>upstream's <c>linter.LintFormatShort</c>.</summary>
    public static string Short(string rule, string message, int line) =>
        line > 0 ? $"{rule}: {message} (line {line})" : $"{rule}: {message}";

    public static async Task SendAsync(GatewayClient client, TextWriter log, LoadedDockerfile dockerfile, LintWarning warning, CancellationToken cancellationToken)
    {
        var request = Request(dockerfile, warning);
        try
        {
            if (!await client.WarnAsync(request, cancellationToken).ConfigureAwait(false))
            {
                await log.WriteLineAsync($"warning: {dockerfile.Filename}: {request.Short.ToStringUtf8()}").ConfigureAwait(false);
            }
        }
        catch (Grpc.Core.RpcException ex)
        {
            // Upstream ignores the Warn call's error.
            await log.WriteLineAsync($"warning not delivered ({ex.StatusCode}): {request.Short.ToStringUtf8()}").ConfigureAwait(false);
        }
    }
}
