using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Frontend.Tests.Hostile;

/// <summary>
/// Issue 14 items 1 and 3: outputs that are devices, symbolic links, directories or missing directories. Device nodes
/// are made with mknod in a temporary directory (never a system path); the tests that need root say so and pass
/// trivially without it.
/// </summary>
public sealed class OutputFileTests : IDisposable
{
    private const string Dockerfile = "FROM alpine\nRUN echo hi\n";
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("hostile-out-");

    public void Dispose() => _work.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_work.FullName, name);

    private string WriteDockerfile()
    {
        File.WriteAllText(PathOf("Dockerfile"), Dockerfile);
        return PathOf("Dockerfile");
    }

    private static bool IsRoot => Environment.UserName == "root";

    private bool MakeNode(string name, int major, int minor) =>
        IsRoot && CliProcess.RunShell($"mknod {name} c {major} {minor}", _work.FullName).ExitCode == 0;

    [Theory]
    [InlineData("-o")]
    [InlineData("--image-config")]
    public void ADeviceNodeIsWrittenThroughNotReplaced(string option)
    {
        if (!MakeNode("null", 1, 3))
        {
            return; // needs root to make a device node
        }

        var result = CliProcess.Run("", "translate", WriteDockerfile(), option, PathOf("null"), "--format", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("character special file", FileKindOf("null"));
    }

    [Fact]
    public void AFullDeviceIsOneLineAndExitOne()
    {
        if (!MakeNode("full", 1, 7))
        {
            return;
        }

        var result = CliProcess.Run("", "translate", WriteDockerfile(), "-o", PathOf("full"));
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: cannot write ", result.Stderr);
        Assert.Contains("No space left on device", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Equal("character special file", FileKindOf("full"));
    }

    [Fact]
    public void AFullStandardOutputIsOneLineAndExitOne()
    {
        if (!MakeNode("full", 1, 7))
        {
            return;
        }

        WriteDockerfile();
        foreach (var command in new[] { "translate Dockerfile", "dump -", "parse Dockerfile", "lint --format json Dockerfile", "targets Dockerfile" })
        {
            var script = command.StartsWith("dump", StringComparison.Ordinal)
                ? "$CF translate Dockerfile | $CF dump - > full"
                : $"$CF {command} > full";
            var result = CliProcess.RunShell(script, _work.FullName);
            Assert.True(result.ExitCode == 1, command + ": " + result.Stderr);
            Assert.StartsWith("error: ", result.Stderr);
            Assert.Contains("No space left on device", result.Stderr);
            Assert.DoesNotContain("   at ", result.Stderr);
        }
    }

    [Fact]
    public void AReaderThatWentAwayIsNoError()
    {
        // `head -c 0` exits without reading, long before the command's first write (its start-up alone takes longer):
        // the write fails with EPIPE, which, as System.Console treats it, ends the output quietly.
        WriteDockerfile();
        foreach (var command in new[] { "lint --format json Dockerfile", "parse Dockerfile", "targets Dockerfile", "outline Dockerfile" })
        {
            var result = CliProcess.RunShell($"($CF {command} 2>err; echo $? >rc) | head -c 0; cat err >&2; cat rc", _work.FullName);
            Assert.True(result.Stderr.Length == 0, command + ": " + result.Stderr);
            Assert.Equal("0", System.Text.Encoding.UTF8.GetString(result.Stdout).Trim());
        }
    }

    [Fact]
    public void ASymbolicLinkIsFollowedNotReplaced()
    {
        File.WriteAllText(PathOf("real.pb"), "old");
        File.CreateSymbolicLink(PathOf("link.pb"), "real.pb");
        var result = CliProcess.Run("", "translate", WriteDockerfile(), "-o", PathOf("link.pb"));
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("real.pb", new FileInfo(PathOf("link.pb")).LinkTarget);
        Assert.NotEqual("old", File.ReadAllText(PathOf("real.pb")));
    }

    [Theory]
    [InlineData("missing/def.pb", "does not exist")]
    [InlineData("adir", "it is a directory")]
    public void AnUnwritableOutputIsOneLineAndWritesNothingElse(string output, string reason)
    {
        Directory.CreateDirectory(PathOf("adir"));
        var result = CliProcess.Run("", "translate", WriteDockerfile(), "--image-config", PathOf("image.json"), "-o", PathOf(output));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(reason, result.Stderr);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.False(File.Exists(PathOf("image.json")), "the image config was written though -o failed");
        Assert.Equal(["Dockerfile"], _work.GetFiles().Select(f => f.Name));
    }

    [Fact]
    public void ResolveToADirectoryIsOneLine()
    {
        Directory.CreateDirectory(PathOf("adir"));
        var result = CliProcess.Run("FROM scratch\n", "resolve", "-", "-o", PathOf("adir"));
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: cannot write " + PathOf("adir") + ": it is a directory", result.Stderr.TrimEnd());
    }

    private string FileKindOf(string name) => CliProcess.RunShell($"stat -c %F {name}", _work.FullName).Stdout is var bytes
        ? System.Text.Encoding.UTF8.GetString(bytes).Trim()
        : "";
}
