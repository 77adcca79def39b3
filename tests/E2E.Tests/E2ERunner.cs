using Xunit.Abstractions;

namespace CSharpFrontend.E2E.Tests;

/// <summary>
/// One case on one daemon: our frontend (<c># syntax=</c>) and the daemon's builtin frontend both build it with
/// --no-cache (so the comparison does not rest on shared cache entries; SharedCacheTests shows that sharing); where
/// the builtin frontend knows the features, the two images must have the same files and config. Each case's
/// expectations are checked on our image.
/// </summary>
internal sealed class E2ERunner(Daemon daemon, ITestOutputHelper output)
{
    public void Run(string name)
    {
        var @case = E2ECase.Load(name);
        if (daemon.IsOld && @case.BuildKitOnly is { } why)
        {
            output.WriteLine($"not built on {daemon.Name}: {why}");
            E2ESummary.Record(daemon, @case, null, null, "n/a: " + why);
            return;
        }

        if (@case.Fails is { } failure)
        {
            BuildFails(@case, failure);
            return;
        }

        var builtin = E2EBuild.Run(daemon, @case, FrontendKind.Builtin, noCache: true);
        var ours = E2EBuild.Run(daemon, @case, FrontendKind.Ours, noCache: true);
        if (daemon.IsOld && !@case.OldDaemonRejects.IsEmpty)
        {
            OldDaemonRejects(@case, ours, builtin);
            return;
        }

        Assert.True(ours.Succeeded, $"our frontend failed to build {name} on {daemon.Name}:\n{Tail(ours.Result.Output)}");
        var ourImage = ours.Image();
        var unmet = ImageComparison.Unmet(@case, ourImage);
        Assert.True(unmet.Count == 0, $"{name}: our image does not meet the expectations:\n" + string.Join('\n', unmet));

        if (@case.RoleOn(daemon) == BuiltinRole.Unsupported)
        {
            Assert.False(builtin.Succeeded, $"{name}: the builtin frontend of {daemon.Name} built it; make it a compared case ({@case.Why})");
            output.WriteLine($"builtin frontend failed as expected ({@case.Why}):\n{Tail(builtin.Result.Output, 5)}");
        }
        else
        {
            Assert.True(builtin.Succeeded, $"the builtin frontend of {daemon.Name} failed to build {name}:\n{Tail(builtin.Result.Output)}");
            var differences = ImageComparison.Differences(builtin.Image(), ourImage);
            Assert.True(differences.Count == 0, $"{name}: the images differ:\n" + string.Join('\n', differences.Take(50)));
            output.WriteLine($"{ourImage.Files.Count} files and the config are identical");
        }

        if (@case.CacheCheck is { } cache)
        {
            CacheMountPersists(@case, cache, ourImage);
        }

        E2ESummary.Record(daemon, @case, ours, builtin, "ok");
        output.WriteLine($"ours {ours.Elapsed.TotalSeconds:0.0}s, builtin {builtin.Elapsed.TotalSeconds:0.0}s");
    }

    /// <summary>The daemon lacks a capability the LLB needs: our frontend says which instead of building something else.</summary>
    private void OldDaemonRejects(E2ECase @case, BuildOutcome ours, BuildOutcome builtin)
    {
        if (ours.Succeeded && PendingDifferences.For(daemon).Why(@case.Name, "rejects") is { } why)
        {
            output.WriteLine($"pending ({why}): our build succeeded on {daemon.Name}, which lacks the capability");
            E2ESummary.Record(daemon, @case, ours, builtin, "built without the capability (pending)");
            return;
        }

        Assert.False(ours.Succeeded, $"{@case.Name}: our build succeeded on {daemon.Name}, which lacks the capability");
        foreach (var expected in @case.OldDaemonRejects)
        {
            Assert.Contains(expected, ours.Result.Output);
        }

        Assert.False(builtin.Succeeded, $"{@case.Name}: the builtin frontend of {daemon.Name} built it ({@case.Why})");
        output.WriteLine($"ours on {daemon.Name}:\n{Tail(ours.Result.Output, 3)}");
        E2ESummary.Record(daemon, @case, ours, builtin, "rejected: capability missing");
    }

    private void BuildFails(E2ECase @case, FailureExpectation failure)
    {
        var builtin = E2EBuild.Run(daemon, @case, FrontendKind.Builtin);
        var ours = E2EBuild.Run(daemon, @case, FrontendKind.Ours);
        foreach (var (outcome, lineShift) in new[] { (builtin, 0), (ours, 1) })
        {
            var text = outcome.Result.Output;
            Assert.False(outcome.Succeeded, $"{@case.Name}: the {outcome.Frontend} build succeeded on {daemon.Name}");
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

        E2ESummary.Record(daemon, @case, ours, builtin, "failed as expected");
    }

    private void CacheMountPersists(E2ECase @case, CacheCheck cache, ImageSnapshot first)
    {
        var before = first.Files[cache.File].Text!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var again = E2EBuild.Run(daemon, @case, FrontendKind.Ours, new Dictionary<string, string> { [cache.Arg] = "second" });
        Assert.True(again.Succeeded, Tail(again.Result.Output));
        var after = again.Image().Files[cache.File].Text!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([.. before, "second"], after);
        output.WriteLine($"cache mount: {before.Length} line(s) before, {after.Length} after the second build");
    }

    private static string Tail(string text, int lines = 40) =>
        string.Join('\n', text.Split('\n').TakeLast(lines));
}
