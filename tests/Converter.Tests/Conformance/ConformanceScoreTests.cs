using CSharpFrontend.Tests.Shared;
using Xunit.Abstractions;

namespace CSharpFrontend.Converter.Tests.Conformance;

/// <summary>
/// The scores over each whole corpus, printed (and written to <c>CONFORMANCE_REPORT</c> when set, one file per corpus
/// with the corpus name appended). Every dimension must be 100%: graph and metadata, image config, rejection and the
/// rejection's message.
/// </summary>
public sealed class ConformanceScoreTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("v0.24")]
    [InlineData("v0.11")]
    public void Score(string corpusName)
    {
        var corpus = ReferenceCorpus.Named(corpusName);
        var outcomes = corpus.CaseNames().Select(name => ConformanceRunner.Run(ConformanceCase.Load(corpus, name))).ToList();
        var accepted = outcomes.Where(o => o.Accepted).ToList();
        var rejected = outcomes.Where(o => !o.Accepted).ToList();
        var report = new System.Text.StringBuilder();
        report.AppendLine($"corpus {corpus.Name}: {outcomes.Count} cases");
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
            File.WriteAllText(path + "." + corpus.Name, report.ToString());
        }

        Assert.True(outcomes.Count >= 200);
        Assert.True(outcomes.All(o => o.Passed), report.ToString());
    }
}
