using Xunit.Abstractions;

namespace CSharpFrontend.E2E.Tests;

/// <summary>
/// Each case of tests/e2e/cases is built by a real daemon with our frontend (<c># syntax=</c>), then, where the
/// daemon's builtin frontend knows the features, with that one too: the two images must have the same files and
/// config. Every case's expectations are checked on our image as well.
/// </summary>
public sealed class E2ETests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => new(E2ECase.Names());

    [Fact]
    public void The_corpus_has_at_least_thirty_cases_and_each_asserts_something()
    {
        var cases = E2ECase.Names().Select(E2ECase.Load).ToList();
        Assert.True(cases.Count >= 30, $"only {cases.Count} e2e cases");
        Assert.All(cases, c => Assert.True(
            c.Builtin == BuiltinRole.Compare || c.ExpectFiles.Count + c.ExpectConfig.Count > 0,
            $"{c.Name}: a case the builtin frontend cannot build needs expectations"));
        Assert.All(cases.Where(c => c.Builtin == BuiltinRole.Unsupported), c => Assert.False(string.IsNullOrWhiteSpace(c.Why), c.Name));
    }

    [E2ETheory]
    [MemberData(nameof(Cases))]
    public void Case(string name)
    {
        if (E2EEnvironment.MissingReason is { } missing)
        {
            Assert.Fail("end-to-end suite required (E2E_REQUIRED=1) but not available: " + missing);
        }

        var @case = E2ECase.Load(name);
        if (@case.Fails is { } failure)
        {
            BuildFails(@case, failure);
            return;
        }

        // Both builds run every step themselves (--no-cache), so the comparison does not rest on shared cache
        // entries; SharedCacheTests shows that sharing separately.
        var builtin = E2EBuild.Run(@case, FrontendKind.Builtin, noCache: true);
        var ours = E2EBuild.Run(@case, FrontendKind.Ours, noCache: true);
        Assert.True(ours.Succeeded, $"our frontend failed to build {name}:\n{Tail(ours.Result.Output)}");
        var ourImage = ImageSnapshot.Take(ours.Tag);
        var unmet = ImageComparison.Unmet(@case, ourImage);
        Assert.True(unmet.Count == 0, $"{name}: our image does not meet the expectations:\n" + string.Join('\n', unmet));

        if (@case.Builtin == BuiltinRole.Unsupported)
        {
            Assert.False(builtin.Succeeded, $"{name}: the builtin frontend built it; make it a compared case ({@case.Why})");
            output.WriteLine($"builtin frontend failed as expected ({@case.Why}):\n{Tail(builtin.Result.Output, 5)}");
        }
        else
        {
            Assert.True(builtin.Succeeded, $"the builtin frontend failed to build {name}:\n{Tail(builtin.Result.Output)}");
            var differences = ImageComparison.Differences(ImageSnapshot.Take(builtin.Tag), ourImage);
            Assert.True(differences.Count == 0, $"{name}: the images differ:\n" + string.Join('\n', differences.Take(50)));
            output.WriteLine($"{ourImage.Files.Count} files and the config are identical");
        }

        if (@case.CacheCheck is { } cache)
        {
            CacheMountPersists(@case, cache, ourImage);
        }

        E2ESummary.Record(@case, ours, builtin, "ok");
        output.WriteLine($"ours {ours.Elapsed.TotalSeconds:0.0}s, builtin {builtin.Elapsed.TotalSeconds:0.0}s");
    }

    private void BuildFails(E2ECase @case, FailureExpectation failure)
    {
        var builtin = E2EBuild.Run(@case, FrontendKind.Builtin);
        var ours = E2EBuild.Run(@case, FrontendKind.Ours);
        foreach (var (outcome, lineShift) in new[] { (builtin, 0), (ours, 1) })
        {
            var text = outcome.Result.Output;
            Assert.False(outcome.Succeeded, $"{@case.Name}: the {outcome.Frontend} build succeeded");
            foreach (var expected in failure.Output)
            {
                Assert.Contains(expected, text);
            }

            if (failure.Line is { } line)
            {
                // Our Dockerfile has the syntax line in front: the offending line is one further down.
                var number = line + lineShift;
                Assert.True(
                    text.Contains($"line {number}:", StringComparison.Ordinal) || text.Contains($"Dockerfile:{number}", StringComparison.Ordinal),
                    $"{@case.Name}: the {outcome.Frontend} output does not name line {number}:\n{Tail(text)}");
            }

            output.WriteLine($"{outcome.Frontend}:\n{Tail(text, 6)}");
        }

        E2ESummary.Record(@case, ours, builtin, "failed as expected");
    }

    private void CacheMountPersists(E2ECase @case, CacheCheck cache, ImageSnapshot first)
    {
        var before = first.Files[cache.File].Text!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var again = E2EBuild.Run(@case, FrontendKind.Ours, new Dictionary<string, string> { [cache.Arg] = "second" });
        Assert.True(again.Succeeded, Tail(again.Result.Output));
        var after = ImageSnapshot.Take(again.Tag).Files[cache.File].Text!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([.. before, "second"], after);
        output.WriteLine($"cache mount: {before.Length} line(s) before, {after.Length} after the second build");
    }

    private static string Tail(string text, int lines = 40) =>
        string.Join('\n', text.Split('\n').TakeLast(lines));
}
