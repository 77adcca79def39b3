using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary><c>csharp-frontend dump</c> as a process.</summary>
public sealed class DumpProcessTests
{
    [Fact]
    public void DumpsAReferenceDefinitionByteForByteAsV024ByDefault()
    {
        var corpus = ReferenceCorpus.V024;
        var result = CliProcess.Run("", "dump", corpus.Expected("hand-copy-flags", "def.pb"));
        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(corpus.Expected("hand-copy-flags", "dump.jsonl")), result.Stdout);
    }

    [Theory]
    [InlineData("v0.24")]
    [InlineData("v0.11")]
    public void DumpsAReferenceDefinitionByteForByteInTheFormatOfCompat(string compat)
    {
        var corpus = ReferenceCorpus.Named(compat);
        var result = CliProcess.Run("", "dump", "--compat", compat, corpus.Expected("hand-copy-flags", "def.pb"));
        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(corpus.Expected("hand-copy-flags", "dump.jsonl")), result.Stdout);
    }

    [Fact]
    public void AnUnknownCompatIsAUsageErrorAndPrintsNothing()
    {
        var result = CliProcess.Run("", "dump", "--compat", "v0.19", ReferenceCorpus.V024.Expected("hand-copy-flags", "def.pb"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("v0.19", result.Stderr);
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
