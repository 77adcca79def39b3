using CSharpFrontend.Tests.Shared;
using Xunit.Abstractions;

namespace CSharpFrontend.Converter.Tests.Conformance;

/// <summary>The converter over the whole shared corpus: the score, printed and held to a floor.</summary>
public sealed class ConformanceScoreTests(ITestOutputHelper output)
{
    [Fact]
    public void Score()
    {
        var outcomes = TestPaths.CaseNames().Select(name => ConformanceRunner.Run(ConformanceCase.Load(name))).ToList();
        var accepted = outcomes.Where(o => o.Accepted).ToList();
        var rejected = outcomes.Where(o => !o.Accepted).ToList();
        var report = new System.Text.StringBuilder();
        report.AppendLine($"graph+metadata: {accepted.Count(o => o.Graph && o.Metadata)}/{accepted.Count}");
        report.AppendLine($"graph: {accepted.Count(o => o.Graph)}/{accepted.Count}");
        report.AppendLine($"image config: {accepted.Count(o => o.Image)}/{accepted.Count}");
        report.AppendLine($"rejected: {rejected.Count(o => o.Rejected)}/{rejected.Count}, same message: {rejected.Count(o => o.SameMessage)}/{rejected.Count}");
        foreach (var failure in outcomes.Where(o => !o.Passed))
        {
            report.AppendLine($"FAIL {failure.Name}: {failure.Detail}");
        }

        output.WriteLine(report.ToString());
        if (Environment.GetEnvironmentVariable("CONFORMANCE_REPORT") is { Length: > 0 } path)
        {
            File.WriteAllText(path, report.ToString());
        }

        Assert.True(outcomes.Count >= 200);
        Assert.True(accepted.Count(o => o.Graph && o.Metadata) * 100 >= accepted.Count * 95, report.ToString());
        Assert.True(accepted.Count(o => o.Image) * 100 >= accepted.Count * 95, report.ToString());
        Assert.Equal(rejected.Count, rejected.Count(o => o.Rejected));
    }
}
