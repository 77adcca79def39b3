using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary><c>csharp-frontend dump</c> as a process.</summary>
public sealed class DumpProcessTests
{
    [Fact]
    public void DumpsAReferenceDefinitionByteForByte()
    {
        var dir = Path.Combine(TestPaths.CasesDir, "hand-copy-flags", "expected");
        var result = CliProcess.Run("", "dump", Path.Combine(dir, "def.pb"));
        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "dump.jsonl")), result.Stdout);
    }

    [Fact]
    public void NotADefinitionExitsWithOneAndPrintsNothing()
    {
        var result = CliProcess.Run("FROM alpine\n", "dump", "-");
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("not a pb.Definition", result.Stderr);
    }
}
