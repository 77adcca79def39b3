using CSharpFrontend.Converter.Dockerfile.Contexts;
using CSharpFrontend.Converter.Llb.Marshal;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>
/// The named contexts that need the daemon (builder/build.go's <c>contextByName</c>): a <c>local:</c> directory,
/// whose <c>.dockerignore</c> is solved (evaluated) and read first, and frontend inputs (<see cref="InputContext"/>).
/// </summary>
/// <param name="client">The bridge.</param>
/// <param name="marshal">How the frontend marshals helper sources (upstream marshals these without the daemon's caps).</param>
public sealed class GatewayContextLoader(GatewayClient client, MarshalOptions marshal) : INamedContextLoader
{
    /// <inheritdoc/>
    public async ValueTask<NamedContext> LocalAsync(string key, string localName, CancellationToken cancellationToken)
    {
        var sessionId = client.Environment.SessionId;
        var ignoreFile = ContextSources.LocalIgnoreFile(key, localName, sessionId);
        var definition = LlbMarshaller.Marshal(ignoreFile, marshal with { Caps = null }).Definition;
        var reference = await client.SolveAsync(definition, null, cancellationToken, evaluate: true).ConfigureAwait(false);
        byte[]? ignore = null;
        try
        {
            ignore = await client.ReadFileAsync(reference, ContextSources.Dockerignore, cancellationToken).ConfigureAwait(false);
        }
        catch (Grpc.Core.RpcException)
        {
            // Upstream ignores a missing (or unreadable) .dockerignore here.
        }

        var excludes = ignore is { Length: > 0 } ? DockerignoreReader.Read(ignore) : [];
        return new LocalContextSource(key, localName, sessionId, excludes).ToNamedContext();
    }

    /// <inheritdoc/>
    public ValueTask<NamedContext> InputAsync(string key, string inputName, CancellationToken cancellationToken) =>
        InputContext.LoadAsync(client, key, inputName, cancellationToken);
}
