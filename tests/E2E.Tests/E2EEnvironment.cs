namespace CSharpFrontend.E2E.Tests;

/// <summary>
/// What the suite needs, made by scripts/e2e-setup.sh: a daemon at E2E_DOCKER_HOST (default unix:///tmp/dk/docker.sock), the base image and our frontend
/// image. Without them the cases are skipped, unless E2E_REQUIRED=1 (CI), where a missing piece fails them.
/// </summary>
internal static class E2EEnvironment
{
    public static string BaseImage => Environment.GetEnvironmentVariable("E2E_BASE_IMAGE") is { Length: > 0 } image ? image : "e2e-busybox:latest";

    public static string FrontendImage =>
        Environment.GetEnvironmentVariable("E2E_FRONTEND_IMAGE") is { Length: > 0 } image ? image : "csharp-frontend:e2e";

    public static bool Required => Environment.GetEnvironmentVariable("E2E_REQUIRED") == "1";

    private static readonly Lazy<string?> Missing = new(FindMissing);

    /// <summary>Why the suite cannot run here, or null when it can.</summary>
    public static string? MissingReason => Missing.Value;

    private static string? FindMissing()
    {
        if (!File.Exists(DockerCli.Executable))
        {
            return $"{DockerCli.Executable} is not installed";
        }

        try
        {
            if (DockerCli.Run(["version", "--format", "{{.Server.Version}}"], TimeSpan.FromSeconds(20)) is { ExitCode: not 0 } version)
            {
                return $"no docker daemon answers at {DockerCli.Host}: " + version.Stderr.Trim();
            }

            foreach (var image in new[] { BaseImage, FrontendImage })
            {
                if (DockerCli.Run(["image", "inspect", "--format", "{{.Id}}", image], TimeSpan.FromSeconds(20)).ExitCode != 0)
                {
                    return $"image {image} is missing (run scripts/e2e-setup.sh)";
                }
            }
        }
        catch (Exception error) when (error is TimeoutException or System.ComponentModel.Win32Exception)
        {
            return error.Message;
        }

        return null;
    }
}
