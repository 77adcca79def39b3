using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary><c>csharp-frontend dump</c> as a process, once <c>Program.cs</c> registers <c>DumpCommand.Create()</c>.</summary>
public sealed class DumpProcessTests
{
    private const string NotRegistered = "enable when src/Frontend/Program.cs lists DumpCommand.Create() in the root command";

    [Fact(Skip = NotRegistered)]
    public void DumpsAReferenceDefinitionByteForByte()
    {
        var dir = Path.Combine(TestPaths.CasesDir, "hand-copy-flags", "expected");
        var result = CliProcess.Run("", "dump", Path.Combine(dir, "def.pb"));
        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "dump.jsonl")), result.Stdout);
    }

    [Fact(Skip = NotRegistered)]
    public void NotADefinitionExitsWithOneAndPrintsNothing()
    {
        var result = CliProcess.Run("FROM alpine\n", "dump", "-");
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("not a pb.Definition", result.Stderr);
    }
}
