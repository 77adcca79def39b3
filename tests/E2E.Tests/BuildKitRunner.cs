using System.Text;
using Xunit.Abstractions;

namespace CSharpFrontend.E2E.Tests;

/// <summary>
/// One case on a standalone buildkitd, ours (<c>gateway.v0</c>) against the builtin frontend (<c>dockerfile.v0</c>)
/// on the same daemon and the same Dockerfile bytes, with the daemon's cache: the builtin frontend builds first
/// and ours second (the other way round where the case says <c>oursFirst</c>). Compared, each an aspect that
/// tests/e2e/pending.json can mark as known to differ: <c>files</c> and <c>config</c> (the whole image config with
/// its history, per platform), <c>manifest</c> (index and manifests), <c>steps</c> (the vertex names of
/// <c>--progress=plain</c>), <c>order</c> (the order of the frontend's own vertices before the solve: definition,
/// metadata, .dockerignore), <c>cache</c> (every Dockerfile step of the second build CACHED) and, for a failing
/// build, <c>error</c> (the <c>Dockerfile:N</c> excerpt and the error line).
/// </summary>
internal sealed class BuildKitRunner(Daemon daemon, ITestOutputHelper output)
{
    private readonly PendingDifferences _pending = PendingDifferences.For(daemon);
    private readonly List<string> _failures = [];
    private readonly List<string> _results = [];

    public void Run(string name)
    {
        var @case = E2ECase.Load(name);
        // An empty build cache: a step of the second build is CACHED only through the first build of this case.
        var pruned = Daemon.RunBuildctl(["prune", "--all"], TimeSpan.FromMinutes(2));
        Assert.True(pruned.ExitCode == 0, "buildctl prune failed: " + pruned.Output);
        if (@case.Fails is { } failure)
        {
            BuildFails(@case, failure);
        }
        else
        {
            Builds(@case);
        }

        if (@case.Check && @case.RoleOn(daemon) == BuiltinRole.Compare)
        {
            CompareCheck(@case);
        }

        E2ESummary.Record(daemon, @case, null, null, string.Join(' ', _results));
        output.WriteLine(string.Join('\n', _results));
        Assert.True(_failures.Count == 0, $"{name} on {daemon.Name}:\n" + string.Join('\n', _failures));
    }

    private void Builds(E2ECase @case)
    {
        var compared = @case.RoleOn(daemon) == BuiltinRole.Compare;
        var oursFirst = @case.OursFirst && compared;
        var first = E2EBuild.Run(daemon, @case, oursFirst ? FrontendKind.Ours : FrontendKind.Builtin);
        var second = E2EBuild.Run(daemon, @case, oursFirst ? FrontendKind.Builtin : FrontendKind.Ours);
        var (builtin, ours) = oursFirst ? (second, first) : (first, second);
        _results.Add($"ours={ours.Elapsed.TotalSeconds:0.0}s builtin={builtin.Elapsed.TotalSeconds:0.0}s");

        Assert.True(ours.Succeeded, $"our frontend failed to build {@case.Name} on {daemon.Name}:\n{Tail(ours.Result.Output)}");
        var ourImage = ours.Layout!.Images[0];
        var unmet = ImageComparison.Unmet(ours.Layout.Images.Length > 1 ? @case with { ExpectArchitecture = null } : @case, ourImage);
        Assert.True(unmet.Count == 0, $"{@case.Name}: our image does not meet the expectations:\n" + string.Join('\n', unmet));

        if (!compared)
        {
            Assert.False(builtin.Succeeded, $"{@case.Name}: the builtin frontend of {daemon.Name} built it; make it a compared case ({@case.Why})");
            _results.Add("builtin=unsupported");
        }
        else
        {
            Assert.True(builtin.Succeeded, $"the builtin frontend of {daemon.Name} failed to build {@case.Name}:\n{Tail(builtin.Result.Output)}");
            Compare(@case, builtin, ours, second);
        }

        if (@case.CacheCheck is { } cache)
        {
            var before = ourImage.Files[cache.File].Text!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var again = E2EBuild.Run(daemon, @case, FrontendKind.Ours, new Dictionary<string, string> { [cache.Arg] = "second" });
            Assert.True(again.Succeeded, Tail(again.Result.Output));
            var after = again.Layout!.Images[0].Files[cache.File].Text!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal([.. before, "second"], after);
        }
    }

    private void Compare(E2ECase @case, BuildOutcome builtin, BuildOutcome ours, BuildOutcome second)
    {
        var builtinLayout = builtin.Layout!;
        var oursLayout = ours.Layout!;
        // A step is one name: ADD <url> shows the http source under its step's name too, and BuildKit checks such a
        // source again on every build (the builtin frontend's second build shows it run as well); the step's own
        // vertex is the one that must be CACHED. FROM is resolved, not run.
        var secondSteps = BuildProgress.Vertices(second.Result.Output).Where(BuildProgress.IsNumbered)
            .Where(step => !step.Name.Contains("] FROM ", StringComparison.Ordinal))
            .GroupBy(step => step.Name, StringComparer.Ordinal)
            .Select(group => new BuildProgress.Step(group.Key, group.Any(step => step.Cached))).ToList();
        var cachedCount = secondSteps.Count(step => step.Cached);
        var allCached = cachedCount == secondSteps.Count;

        var files = new List<string>();
        var config = new List<string>();
        foreach (var (left, right) in builtinLayout.Images.Zip(oursLayout.Images))
        {
            files.AddRange(ImageComparison.Differences(left, right).Where(line => !line.StartsWith("config ", StringComparison.Ordinal))
                .Select(line => $"{left.Platform} {line}"));
            config.AddRange(OciComparison.Config(left, right, sameLayers: allCached));
        }

        Aspect(@case, "files", files, $"{builtinLayout.Images.Length} platform(s)");
        Aspect(@case, "config", config);
        Aspect(@case, "cache", [.. secondSteps.Where(step => !step.Cached).Select(step => $"{second.Frontend} ran again: {step.Name}")],
            $"{cachedCount}/{secondSteps.Count}");
        Aspect(@case, "manifest", OciComparison.Manifests(builtinLayout, oursLayout, sameLayers: allCached));

        var builtinVertices = Shown(builtin.Result.Output);
        var ourVertices = Shown(ours.Result.Output);
        var steps = new List<string>();
        foreach (var missing in Multiset(builtinVertices).Except(Multiset(ourVertices)))
        {
            steps.Add("only builtin: " + missing);
        }

        foreach (var extra in Multiset(ourVertices).Except(Multiset(builtinVertices)))
        {
            steps.Add("only ours:    " + extra);
        }

        Aspect(@case, "steps", steps, $"{builtinVertices.Count} vertices");
        CompareWarnings(@case, builtin, ours);
        var severalPlatforms = builtinLayout.Images.Length > 1;
        var builtinPrelude = Prelude(builtinVertices, severalPlatforms);
        var ourPrelude = Prelude(ourVertices, severalPlatforms);
        Aspect(@case, "order", builtinPrelude.SequenceEqual(ourPrelude)
            ? []
            : [$"builtin: {string.Join(" ; ", builtinPrelude)}", $"ours:    {string.Join(" ; ", ourPrelude)}"]);
    }

    private void BuildFails(E2ECase @case, FailureExpectation failure)
    {
        var builtin = E2EBuild.Run(daemon, @case, FrontendKind.Builtin);
        var ours = E2EBuild.Run(daemon, @case, FrontendKind.Ours);
        foreach (var outcome in new[] { builtin, ours })
        {
            var text = outcome.Result.Output;
            Assert.False(outcome.Succeeded, $"{@case.Name}: the {outcome.Frontend} build succeeded on {daemon.Name}");
            foreach (var expected in failure.Output)
            {
                Assert.Contains(expected, text);
            }
        }

        var builtinReport = BuildProgress.ErrorReport(builtin.Result.Output);
        if (failure.Line is { } line)
        {
            Assert.Contains($"Dockerfile:{line}", builtinReport);
        }

        var ourReport = BuildProgress.ErrorReport(ours.Result.Output);
        Aspect(@case, "error", builtinReport == ourReport ? [] : [$"builtin:\n{builtinReport}", $"ours:\n{ourReport}"]);
        CompareWarnings(@case, builtin, ours);
    }

    /// <summary>
    /// The build checks' warnings. Compared as the daemon sends them (<c>--progress=rawjson</c>, one more build of
    /// each from the cache): the same warnings, in the same order, on the same step, with the same level, URL,
    /// details, file and ranges. The plain display (<c>#N WARN:</c> lines) prints a warning only if it reaches buildctl
    /// before the step's last update is printed (v0.24.0 progressui: a warning does not mark its step as updated),
    /// a race that either frontend loses now and then, more often on a loaded machine; of those lines this checks that
    /// ours prints nothing the builtin frontend would not.
    /// </summary>
    private void CompareWarnings(E2ECase @case, BuildOutcome builtin, BuildOutcome ours)
    {
        var builtinPrinted = new SortedSet<string>(BuildProgress.Warnings(builtin.Result.Output), StringComparer.Ordinal);
        var oursPrinted = new SortedSet<string>(BuildProgress.Warnings(ours.Result.Output), StringComparer.Ordinal);
        if (builtinPrinted.Count == 0 && oursPrinted.Count == 0 && !@case.Check)
        {
            // No check fired that either display showed: the two raw builds are left out (they cost seconds a case).
            Aspect(@case, "warnings", [], "none printed");
            return;
        }

        var builtinSent = BuildProgress.RawWarnings(E2EBuild.RawProgress(daemon, @case, FrontendKind.Builtin).Output);
        var oursSent = BuildProgress.RawWarnings(E2EBuild.RawProgress(daemon, @case, FrontendKind.Ours).Output);
        var differences = builtinSent.SequenceEqual(oursSent)
            ? new List<string>()
            : [.. builtinSent.Select(w => "builtin: " + w), .. oursSent.Select(w => "ours:    " + w)];
        var sentShorts = builtinSent.Select(w => w.Short).ToHashSet(StringComparer.Ordinal);
        differences.AddRange(oursPrinted.Where(w => !sentShorts.Contains(w)).Select(w => "printed by ours only: " + w));
        Aspect(@case, "warnings", differences, $"{builtinSent.Count} sent; printed {oursPrinted.Count} ours, {builtinPrinted.Count} builtin");
    }

    /// <summary>The lint subrequest's report (<c>docker build --check</c>): the same text and exit status from both frontends.</summary>
    private void CompareCheck(E2ECase @case)
    {
        var builtin = E2EBuild.Check(daemon, @case, FrontendKind.Builtin);
        var ours = E2EBuild.Check(daemon, @case, FrontendKind.Ours);
        Assert.True(builtin.Stdout.Length > 0, $"{@case.Name}: the builtin frontend printed no check report:\n{Tail(builtin.Output)}");
        var differences = new List<string>();
        if (builtin.Stdout != ours.Stdout)
        {
            differences.AddRange([$"builtin:\n{builtin.Stdout}", $"ours:\n{ours.Stdout}"]);
        }

        if (builtin.ExitCode != ours.ExitCode)
        {
            differences.Add($"exit code: builtin {builtin.ExitCode}, ours {ours.ExitCode}");
        }

        Aspect(@case, "check", differences, $"{builtin.Stdout.Split('\n').Length} lines");
    }

    /// <summary>Records an aspect's result; its differences fail the case unless pending.json lists it.</summary>
    private void Aspect(E2ECase @case, string aspect, IReadOnlyList<string> differences, string? detail = null)
    {
        var why = _pending.Why(@case.Name, aspect);
        var suffix = detail is null ? "" : $"({detail})";
        if (differences.Count == 0)
        {
            _results.Add(why is null ? $"{aspect}=same{suffix}" : $"{aspect}=same{suffix}(pending: remove from pending.json)");
            return;
        }

        var report = new StringBuilder($"{aspect} differs ({differences.Count}):");
        foreach (var line in differences.Take(40))
        {
            report.Append("\n  ").Append(line);
        }

        if (why is null)
        {
            _results.Add($"{aspect}=DIFF{suffix}");
            _failures.Add(report.ToString());
        }
        else
        {
            _results.Add($"{aspect}=diff{suffix}(pending)");
            output.WriteLine($"pending ({why}): {report}");
        }
    }

    /// <summary>The vertices the user sees, less those of loading our frontend image (the builtin one is in the daemon).</summary>
    private static List<string> Shown(string progress)
    {
        var frontend = FrontendReference();
        return [.. BuildProgress.Vertices(progress).Select(step => step.Name).Where(name => !name.Contains(frontend, StringComparison.Ordinal))];
    }

    /// <summary>
    /// The frontend's own requests before its final solve (up to the first Dockerfile step, the build context or the
    /// export), each name once. Base-image lookups and named-context loads run concurrently (upstream resolves the
    /// reachable stages in parallel goroutines, as we do): a run of them is sorted. Vertices of the solve itself that
    /// the daemon may start early (<c>[internal] preparing inline document</c>, a heredoc's file) are not requests.
    /// </summary>
    /// <remarks>
    /// With several platforms each platform's conversion runs concurrently and the first to ask loads the context's
    /// <c>.dockerignore</c> (upstream and ours): that load then belongs to the concurrent run too.
    /// </remarks>
    private static List<string> Prelude(List<string> vertices, bool severalPlatforms)
    {
        var prelude = new List<string>();
        var concurrent = new List<string>();
        var window = vertices.TakeWhile(name => !BuildProgress.IsNumbered(new BuildProgress.Step(name, false))
            && name != "[internal] load build context" && !name.StartsWith("exporting ", StringComparison.Ordinal));
        foreach (var name in window.Where(name => name != "[internal] preparing inline document").Distinct(StringComparer.Ordinal))
        {
            if (name.Contains(" load metadata for ", StringComparison.Ordinal) || name.StartsWith("[context ", StringComparison.Ordinal)
                || (severalPlatforms && name == "[internal] load .dockerignore"))
            {
                concurrent.Add(name);
                continue;
            }

            prelude.AddRange(concurrent.Order(StringComparer.Ordinal));
            concurrent.Clear();
            prelude.Add(name);
        }

        prelude.AddRange(concurrent.Order(StringComparer.Ordinal));
        return prelude;
    }

    private static IEnumerable<string> Multiset(List<string> names) =>
        names.GroupBy(name => name, StringComparer.Ordinal).SelectMany(group => group.Select((name, index) => index == 0 ? name : $"{name} (#{index + 1})"));

    private static string FrontendReference()
    {
        var image = E2EEnvironment.FrontendImage;
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        var hasDomain = slash > 0 && (image[..slash].Contains('.') || image[..slash].Contains(':') || image[..slash] == "localhost");
        return hasDomain ? image : slash > 0 ? "docker.io/" + image : "docker.io/library/" + image;
    }

    private static string Tail(string text, int lines = 40) => string.Join('\n', text.Split('\n').TakeLast(lines));
}
