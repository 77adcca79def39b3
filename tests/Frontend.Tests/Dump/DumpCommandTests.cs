using System.Text;
using CSharpFrontend.Tests.Shared;
using Pb;

namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary><c>dump</c> through its command: input from a file or standard input, errors, help.</summary>
public sealed class DumpCommandTests
{
    private static string CaseFile(string caseName, string file) => Path.Combine(TestPaths.CasesDir, caseName, "expected", file);

    [Fact]
    public void ReadsStandardInputByDefault()
    {
        var result = DumpInvocation.Run(File.ReadAllBytes(CaseFile("hand-mounts-all", "def.pb")));
        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(CaseFile("hand-mounts-all", "dump.jsonl")), result.Stdout);
    }

    [Fact]
    public void ReadsANamedFileOrDashForStandardInput()
    {
        var fromFile = DumpInvocation.Run([], CaseFile("hand-copy-flags", "def.pb"));
        var fromStdin = DumpInvocation.Run(File.ReadAllBytes(CaseFile("hand-copy-flags", "def.pb")), "-");
        Assert.Equal(0, fromFile.ExitCode);
        Assert.Equal(File.ReadAllBytes(CaseFile("hand-copy-flags", "dump.jsonl")), fromFile.Stdout);
        Assert.Equal(fromFile.Stdout, fromStdin.Stdout);
    }

    [Theory]
    [InlineData("v0.24", "hand-mounts-all")]
    [InlineData("v0.11", "hand-mounts-all")]
    [InlineData("v0.24", "bk-dockerfile-L1000")]
    [InlineData("v0.11", "bk-dockerfile-L1000")]
    public void CompatChoosesTheReleaseWhoseDumpItEquals(string compat, string caseName)
    {
        var corpus = ReferenceCorpus.Named(compat);
        var result = DumpInvocation.Run(File.ReadAllBytes(corpus.Expected(caseName, "def.pb")), "--compat", compat);
        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(corpus.Expected(caseName, "dump.jsonl")), result.Stdout);
    }

    [Fact]
    public void TheDefaultIsV024()
    {
        var bytes = File.ReadAllBytes(ReferenceCorpus.V011.Expected("hand-copy-flags", "def.pb"));
        var byDefault = DumpInvocation.Run(bytes);
        Assert.Equal(0, byDefault.ExitCode);
        Assert.Equal(DumpInvocation.Run(bytes, "--compat", "v0.24").Stdout, byDefault.Stdout);
        Assert.NotEqual(DumpInvocation.Run(bytes, "--compat", "v0.11").Stdout, byDefault.Stdout);
        Assert.StartsWith("{\"Op\":{\"Op\":{\"source\"", byDefault.StdoutText);
    }

    [Fact]
    public void AnUnknownCompatIsRejected()
    {
        var result = DumpInvocation.Run(File.ReadAllBytes(CaseFile("hand-copy-flags", "def.pb")), "--compat", "v0.12");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void AnEmptyDefinitionPrintsNothing()
    {
        var result = DumpInvocation.Run([]);
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void TruncatedInputIsAnErrorAndPrintsNothing()
    {
        var bytes = File.ReadAllBytes(CaseFile("hand-copy-flags", "def.pb"));
        var result = DumpInvocation.Run(bytes[..(bytes.Length / 2)]);
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.StartsWith("error: <stdin>: not a pb.Definition", result.Stderr);
    }

    [Fact]
    public void ADockerfileIsNotADefinition()
    {
        var result = DumpInvocation.Run(Encoding.UTF8.GetBytes("FROM alpine\nRUN echo hi\n"));
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("not a pb.Definition", result.Stderr);
    }

    [Fact]
    public void AnOpThatDoesNotDecodeIsAnError()
    {
        var definition = new Definition { Def = { Google.Protobuf.ByteString.CopyFrom(0x0a, 0x05, 0x01) } };
        var result = DumpInvocation.Run(Google.Protobuf.MessageExtensions.ToByteArray(definition));
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("failed to parse op 0 of 1", result.Stderr);
    }

    [Fact]
    public void AMissingFileIsAnError()
    {
        var result = DumpInvocation.Run([], "/nonexistent/def.pb");
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.StartsWith("error: cannot read /nonexistent/def.pb", result.Stderr);
    }

    [Fact]
    public void DotPrintsAGraph()
    {
        var result = DumpInvocation.Run([], "--dot", CaseFile("hand-copy-flags", "def.pb"));
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("digraph llb {\n", result.StdoutText);
        Assert.EndsWith("}\n", result.StdoutText);
    }

    [Fact]
    public void HelpHasExamples()
    {
        var help = DumpInvocation.Help();
        Assert.Contains("buildctl debug dump-llb", help);
        Assert.Contains("Examples:", help);
        Assert.Contains("csharp-frontend dump --dot def.pb | dot -Tsvg", help);
        Assert.Contains("--dot", help);
        Assert.Contains("--compat", help);
        Assert.Contains("BuildKit release to equal: v0.24 (default, Dockerfile 1.18) or v0.11 (Dockerfile 1.5)", help);
    }
}
