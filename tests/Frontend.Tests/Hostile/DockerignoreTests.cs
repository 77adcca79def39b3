using System.Text;
using Pb;

namespace CSharpFrontend.Frontend.Tests.Hostile;

/// <summary>
/// Issue 14 item 6: a <c>.dockerignore</c> that is a symbolic link out of the context, a device or a FIFO is refused
/// with one line (no leak into def.pb, no hang, no unbounded read); a link inside the context is followed.
/// </summary>
public sealed class DockerignoreTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("hostile-ignore-");

    public void Dispose() => _work.Delete(recursive: true);

    private string Context(string name)
    {
        var dir = Path.Combine(_work.FullName, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "Dockerfile"), "FROM alpine\nCOPY . /src\n");
        return dir;
    }

    [Theory]
    [InlineData("/etc/passwd", "--context")]
    [InlineData("/dev/zero", "--context")]
    [InlineData("/etc/passwd", "--build-context")]
    public void ALinkOutOfTheContextIsRefused(string target, string option)
    {
        var context = Context("ctx");
        File.CreateSymbolicLink(Path.Combine(context, ".dockerignore"), target);
        var result = Translate(context, option);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(".dockerignore is a symbolic link out of the context", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void AFifoIsRefusedWithoutWaiting()
    {
        var context = Context("ctx");
        Assert.Equal(0, CliProcess.RunShell("mkfifo .dockerignore", context).ExitCode);
        var result = Translate(context, "--context");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(".dockerignore is not a regular file", result.Stderr);
    }

    [Fact]
    public void ALinkInsideTheContextIsFollowed()
    {
        var context = Context("ctx");
        File.WriteAllText(Path.Combine(context, "ignore.txt"), "secret.txt\n");
        File.CreateSymbolicLink(Path.Combine(context, ".dockerignore"), "ignore.txt");
        var result = Translate(context, "--context");
        Assert.True(result.ExitCode == 0, result.Stderr);
        var definition = Definition.Parser.ParseFrom(result.Stdout);
        Assert.Contains(definition.Def, op => Encoding.UTF8.GetString(op.Span).Contains("secret.txt", StringComparison.Ordinal));
    }

    private static CliProcess.Result Translate(string context, string option) => option == "--context"
        ? CliProcess.Run("", "translate", Path.Combine(context, "Dockerfile"), "--context", context)
        : CliProcess.Run("FROM alpine\nCOPY --from=lib . /x\n", "translate", "-", "--build-context", "lib=" + context);
}
