using System.Text;
using CSharpFrontend.Frontend.Dump;

namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary><c>translate --format json</c>: the dump of the definition <c>translate</c> writes, in v0.24.0's format.</summary>
public sealed class TranslateJsonProcessTests
{
    private const string Dockerfile = "FROM busybox\nWORKDIR /app\nCOPY --chown=1000 <<EOF /app/h\nhi\nEOF\nRUN --mount=type=cache,target=/c cat h\n";

    [Fact]
    public void IsTheV024DumpOfTheBinaryDefinition()
    {
        var pb = CliProcess.Run(Dockerfile, "translate", "-", "--format", "pb");
        var json = CliProcess.Run(Dockerfile, "translate", "-", "--format", "json");
        Assert.Equal(0, pb.ExitCode);
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(Encoding.UTF8.GetString(JsonLinesDump.Render(pb.Stdout, DumpFormat.V0_24)), Encoding.UTF8.GetString(json.Stdout));
        var lines = Encoding.UTF8.GetString(json.Stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("\"Op\":{}}", lines[^1]);
        Assert.DoesNotContain("\"index\":0", Encoding.UTF8.GetString(json.Stdout));
    }
}
