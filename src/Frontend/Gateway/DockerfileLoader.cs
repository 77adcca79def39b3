using System.Collections.Immutable;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Converter.Llb.Marshal;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>
/// Reads the Dockerfile and the ignore files the way builder/build.go does: a <c>local</c> source of the Dockerfile
/// directory following only the Dockerfile (and <c>Dockerfile.dockerignore</c>, and lower-case <c>dockerfile</c>),
/// or the remote or input source of <see cref="MainContext"/>, solved and read with ReadFile. The context's
/// <c>.dockerignore</c> (none for a single-file or input context) is read when the converter first asks for it.
/// </summary>
public static class DockerfileLoader
{
    private const string DefaultName = "Dockerfile";
    private const string Dockerignore = ".dockerignore";

    /// <summary>Loads; failures carry upstream's wrapping (<c>failed to resolve dockerfile: …</c>).</summary>
    /// <param name="client">The bridge.</param>
    /// <param name="options">The build options.</param>
    /// <param name="marshal">How to marshal the helper sources (caps, default platform, unique id).</param>
    /// <param name="main">Where the Dockerfile and the context's <c>.dockerignore</c> come from when not from the locals.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public static async Task<LoadedDockerfile> LoadAsync(
        GatewayClient client, BuildOptions options, MarshalOptions marshal, MainContext main, CancellationToken cancellationToken)
    {
        List<string> follow = [options.Filename, options.Filename + Dockerignore];
        if (LowerCase(options.Filename) is { } lowerCaseFollow)
        {
            follow.Add(lowerCaseFollow);
        }

        var filename = main.Filename ?? options.Filename;
        var lowerCase = LowerCase(filename);

        var sessionId = client.Environment.SessionId;
        var source = Sources.Local(options.DockerfileLocalName, new LocalOptions
        {
            FollowPaths = [.. follow],
            SessionId = sessionId,
            SharedKeyHint = options.DockerfileLocalName,
            Differ = "none",
            Constraints = OpConstraints.None.WithCustomName("[internal] load build definition from " + options.Filename),
        });
        source = main.DockerfileSource ?? source;
        var definition = LlbMarshaller.Marshal(source, marshal);

        var (content, ownIgnore) = await ReadDockerfileAsync(client, definition.Definition, filename, lowerCase, cancellationToken).ConfigureAwait(false);
        var excludes = ownIgnore is not null || main.IsNotLocal
            ? DockerignorePatterns.Known(ownIgnore)
            : DockerignorePatterns.Deferred(token => ReadContextIgnoreAsync(client, main.BuildContext ?? LocalIgnoreSource(options.ContextLocalName, sessionId), marshal, token));
        return new LoadedDockerfile(filename, content, source, definition, excludes);
    }

    private static async Task<(byte[] Content, byte[]? Ignore)> ReadDockerfileAsync(
        GatewayClient client, Pb.Definition definition, string filename, string? lowerCase, CancellationToken cancellationToken)
    {
        SolvedRef reference;
        try
        {
            reference = await client.SolveAsync(definition, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw GatewayException.Wrap(ex, "failed to resolve dockerfile");
        }

        byte[] content;
        try
        {
            content = await client.ReadFileAsync(reference, filename, cancellationToken).ConfigureAwait(false);
        }
        catch (Grpc.Core.RpcException ex)
        {
            byte[]? fallback = null;
            if (lowerCase is not null)
            {
                try
                {
                    fallback = await client.ReadFileAsync(reference, lowerCase, cancellationToken).ConfigureAwait(false);
                }
                catch (Grpc.Core.RpcException)
                {
                }
            }

            content = fallback ?? throw GatewayException.Wrap(ex, "failed to read dockerfile");
        }

        byte[]? ignore = null;
        try
        {
            ignore = await client.ReadFileAsync(reference, filename + Dockerignore, cancellationToken).ConfigureAwait(false);
        }
        catch (Grpc.Core.RpcException)
        {
        }

        return (content, ignore);
    }

    private static string? LowerCase(string filename) =>
        GoPath.Base(filename) == DefaultName ? PosixPath.Join(GoPath.Dir(filename), DefaultName.ToLowerInvariant()) : null;

    private static LlbState LocalIgnoreSource(string contextName, string sessionId) =>
        Sources.Local(contextName, new LocalOptions
        {
            SessionId = sessionId,
            FollowPaths = [Dockerignore],
            SharedKeyHint = contextName + "-" + Dockerignore,
            Differ = "none",
            Constraints = OpConstraints.None.WithCustomName("[internal] load " + Dockerignore),
        });

    private static async Task<byte[]?> ReadContextIgnoreAsync(GatewayClient client, LlbState source, MarshalOptions marshal, CancellationToken cancellationToken)
    {
        var reference = await client.SolveAsync(LlbMarshaller.Marshal(source, marshal).Definition, null, cancellationToken).ConfigureAwait(false);
        try
        {
            return await client.ReadFileAsync(reference, Dockerignore, cancellationToken).ConfigureAwait(false);
        }
        catch (Grpc.Core.RpcException)
        {
            return null;
        }
    }
}
