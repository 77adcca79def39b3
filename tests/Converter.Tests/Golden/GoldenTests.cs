namespace CSharpFrontend.Converter.Tests.Golden;

/// <summary>One theory case per folder of <c>tests/golden</c>: the converter's output against the checked-in files.</summary>
public sealed class GoldenTests
{
    /// <summary>The case folder names.</summary>
    public static TheoryData<string> Cases() => new(GoldenCase.Names());

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case(string name)
    {
        var goldenCase = GoldenCase.Load(name);
        var output = await GoldenOutput.ProduceAsync(goldenCase);
        var problems = GoldenFiles.Check(goldenCase.Directory, output);
        Assert.True(problems.Count == 0, $"golden case {name}:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void ThereAreCases() => Assert.NotEmpty(GoldenCase.Names());

    [Fact]
    public void EveryCaseFolderHasADockerfile()
    {
        var missing = GoldenCase.Names().Where(n => !File.Exists(Path.Combine(GoldenCase.Root, n, "Dockerfile"))).ToList();
        Assert.True(missing.Count == 0, "golden case folders without a Dockerfile: " + string.Join(", ", missing));
    }
}
