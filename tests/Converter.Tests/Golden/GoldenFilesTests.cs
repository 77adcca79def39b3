namespace CSharpFrontend.Converter.Tests.Golden;

/// <summary>The comparison rules of the golden runner, on a scratch folder.</summary>
public sealed class GoldenFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("golden-").FullName;

    private static GoldenOutput Output(string llb) =>
        new(new Dictionary<string, string> { [GoldenOutput.LlbFile] = llb, [GoldenOutput.ImageFile] = "{}\n" });

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void MissingExpectedFileFailsUnlessUpdating()
    {
        var problems = GoldenFiles.Check(_directory, Output("a\n"), updating: false);
        Assert.Equal(2, problems.Count);
        Assert.Contains("missing expected file", problems[0], StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, GoldenOutput.LlbFile)));
    }

    [Fact]
    public void UpdatingWritesMissingFilesAndDeletesStaleOnes()
    {
        File.WriteAllText(Path.Combine(_directory, GoldenOutput.ErrorFile), "error: old\n");
        Assert.Empty(GoldenFiles.Check(_directory, Output("a\n"), updating: true));
        Assert.Equal("a\n", File.ReadAllText(Path.Combine(_directory, GoldenOutput.LlbFile)));
        Assert.False(File.Exists(Path.Combine(_directory, GoldenOutput.ErrorFile)));
        Assert.Empty(GoldenFiles.Check(_directory, Output("a\n"), updating: false));
    }

    [Theory]
    [InlineData(null, false, false)]
    [InlineData("1", false, true)]
    [InlineData("0", false, false)]
    [InlineData(null, true, false)]
    [InlineData("0", true, false)]
    public void UpdateOnlyWhenAskedForOutsideCi(string? updateGolden, bool ci, bool expected) =>
        Assert.Equal(expected, GoldenFiles.UpdateRequested(updateGolden, ci));

    [Fact]
    public void UpdateAskedForUnderCiFailsLoudly()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GoldenFiles.UpdateRequested("1", ci: true));
        Assert.Contains("UPDATE_GOLDEN=1 under CI", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MismatchFailsWithUnifiedDiff()
    {
        GoldenFiles.Check(_directory, Output("one\ntwo\nthree\n"), updating: true);
        var problem = Assert.Single(GoldenFiles.Check(_directory, Output("one\n2\nthree\n"), updating: false));
        Assert.Contains("--- expected/llb.txt", problem, StringComparison.Ordinal);
        Assert.Contains("+++ actual/llb.txt", problem, StringComparison.Ordinal);
        Assert.Contains("-two", problem, StringComparison.Ordinal);
        Assert.Contains("+2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckedInLineEndingsDoNotMatter()
    {
        File.WriteAllText(Path.Combine(_directory, GoldenOutput.LlbFile), "a\r\nb\r\n");
        File.WriteAllText(Path.Combine(_directory, GoldenOutput.ImageFile), "{}\n");
        Assert.Empty(GoldenFiles.Check(_directory, Output("a\nb\n"), updating: false));
    }
}
