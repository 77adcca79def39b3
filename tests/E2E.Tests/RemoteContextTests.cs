using System.Formats.Tar;
using System.Text;
using Xunit.Abstractions;

namespace CSharpFrontend.E2E.Tests;

/// <summary>
/// A build whose context is a URL (<c>docker build http://…/context.tar</c>): the daemon hands the URL to the
/// frontend, which downloads it as an http source, sees a tar archive in its first bytes, unpacks it and reads the
/// Dockerfile from it. Built with both frontends; the images must be the same.
/// </summary>
public sealed class RemoteContextTests(ITestOutputHelper output)
{
    [E2ETheory]
    [InlineData("remote-context")]
    public void An_http_tarball_context_builds_as_with_the_builtin_frontend(string name)
    {
        if (E2EEnvironment.MissingReason is { } missing)
        {
            Assert.Fail("end-to-end suite required (E2E_REQUIRED=1) but not available: " + missing);
        }

        var directory = Path.Combine(TestPaths.RepoRoot, "tests", "e2e", name);
        var images = new Dictionary<FrontendKind, ImageSnapshot>();
        foreach (var frontend in new[] { FrontendKind.Builtin, FrontendKind.Ours })
        {
            var url = E2EHttpServer.Instance.Publish($"{name}-{frontend}-{Guid.NewGuid():N}.tar", Tarball(directory, frontend));
            var tag = $"e2e-{name}:{frontend.ToString().ToLowerInvariant()}";
            var build = DockerCli.Run(["build", "--progress=plain", "--no-cache", "-t", tag, url], TimeSpan.FromMinutes(4));
            Assert.True(build.ExitCode == 0, $"{frontend} failed to build {url}:\n{build.Output}");
            images[frontend] = ImageSnapshot.Take(tag);
        }

        var ours = images[FrontendKind.Ours];
        Assert.Equal("remote data\n", ours.Files["/data-copy.txt"].Text);
        Assert.Equal("remote data\n", ours.Files["/ctx/sub/data.txt"].Text);
        // Upstream reads a remote context's .dockerignore but applies exclude patterns to local sources only: the
        // unpacked archive is used whole, by both frontends.
        Assert.True(ours.Files.ContainsKey("/ctx/ignored.txt"), "a file of the remote context is missing");
        Assert.Equal("[\"remote\"]", ours.Config["Cmd"]!.ToJsonString());
        var differences = ImageComparison.Differences(images[FrontendKind.Builtin], ours);
        Assert.True(differences.Count == 0, "the images differ:\n" + string.Join('\n', differences));
        output.WriteLine($"{ours.Files.Count} files and the config are identical");
    }

    /// <summary>The directory as a tar archive; for our frontend the Dockerfile gets the syntax line in front.</summary>
    private static byte[] Tarball(string directory, FrontendKind frontend)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var path in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
                var content = File.ReadAllBytes(path);
                if (relative == "Dockerfile" && frontend == FrontendKind.Ours)
                {
                    content = [.. Encoding.UTF8.GetBytes($"# syntax={E2EEnvironment.FrontendImage}\n"), .. content];
                }

                var entry = new UstarTarEntry(TarEntryType.RegularFile, relative)
                {
                    DataStream = new MemoryStream(content),
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                    ModificationTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
                };
                writer.WriteEntry(entry);
            }
        }

        return buffer.ToArray();
    }
}
