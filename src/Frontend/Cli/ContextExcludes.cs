using System.Collections.Immutable;
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
        if (dockerfilePath != "-" && dockerfilePath + ".dockerignore" is var specific && File.Exists(specific))
        {
            return DockerignoreReader.Read(File.ReadAllBytes(specific));
        }

        if (contextDirectory is null)
        {
            return null;
        }

        if (!Directory.Exists(contextDirectory))
        {
            throw new IOException($"context directory {contextDirectory} does not exist");
        }

        var common = Path.Combine(contextDirectory, ".dockerignore");
        return File.Exists(common) ? DockerignoreReader.Read(File.ReadAllBytes(common)) : null;
    }
}
