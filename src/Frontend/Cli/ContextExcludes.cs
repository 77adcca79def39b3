using System.Collections.Immutable;
using CSharpFrontend.Converter.Dockerfile.Contexts;
using CSharpFrontend.Frontend.Gateway;

namespace CSharpFrontend.Frontend.Cli;

/// <summary>
/// The exclude patterns of the main context for offline translation, read as the frontend reads them in a build:
/// <c>&lt;Dockerfile&gt;.dockerignore</c> beside the Dockerfile first, else <c>.dockerignore</c> at the root of the
/// context directory (<c>--context</c>). Null when neither exists.
/// </summary>
internal static class ContextExcludes
{
    public static ImmutableArray<string>? Read(string dockerfilePath, string? contextDirectory)
    {
        if (dockerfilePath != "-"
            && ContextFile.Read(dockerfilePath + ".dockerignore", Path.GetDirectoryName(Path.GetFullPath(dockerfilePath)) ?? "/") is { } specific)
        {
            return DockerignoreReader.Read(specific);
        }

        if (contextDirectory is null)
        {
            return null;
        }

        if (!Directory.Exists(contextDirectory))
        {
            throw new IOException($"context directory {contextDirectory} does not exist");
        }

        return OfDirectory(contextDirectory);
    }

    /// <summary>The patterns of <c>.dockerignore</c> at the root of <paramref name="directory"/>; null without one.</summary>
    public static ImmutableArray<string>? OfDirectory(string directory)
    {
        var content = ContextFile.Read(Path.Combine(directory, ContextSources.Dockerignore), directory);
        return content is null ? null : DockerignoreReader.Read(content);
    }
}
