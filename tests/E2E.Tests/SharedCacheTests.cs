using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace CSharpFrontend.E2E.Tests;

/// <summary>
/// Same ops, same digests, same cache: after our frontend builds a Dockerfile with a fresh build arg, the daemon's
/// builtin frontend builds it again and finds every step in the cache.
/// </summary>
public sealed class SharedCacheTests
{
    [E2ETheory]
    [InlineData(FrontendKind.Ours, FrontendKind.Builtin)]
    [InlineData(FrontendKind.Builtin, FrontendKind.Ours)]
    internal void The_second_frontend_finds_every_step_in_the_cache(FrontendKind first, FrontendKind second)
    {
        if (E2EEnvironment.MissingReason is { } missing)
        {
            Assert.Fail("end-to-end suite required (E2E_REQUIRED=1) but not available: " + missing);
        }

        var @case = SharedCase();
        var nonce = new Dictionary<string, string> { ["NONCE"] = Guid.NewGuid().ToString("N") };
        var warm = E2EBuild.Run(Daemon.Docker, @case, first, nonce);
        Assert.True(warm.Succeeded, warm.Result.Output);
        var warmSteps = BuildProgress.Steps(warm.Result.Output);
        Assert.True(warmSteps.Count >= 5, $"{first}: expected the five steps after FROM:\n{warm.Result.Output}");
        Assert.All(warmSteps, step => Assert.False(step.Cached, $"{first} found {step.Name} in the cache before any build of it"));

        var again = E2EBuild.Run(Daemon.Docker, @case, second, nonce);
        Assert.True(again.Succeeded, again.Result.Output);
        var steps = BuildProgress.Steps(again.Result.Output);
        Assert.True(steps.Count >= 5, $"{second}: expected the five steps after FROM:\n{again.Result.Output}");
        Assert.All(steps, step => Assert.True(step.Cached, $"{second} ran {step.Name} again instead of taking it from the cache"));
    }

    private static E2ECase SharedCase()
    {
        var directory = Path.Combine(TestPaths.RepoRoot, "tests", "e2e", "shared-cache");
        return new E2ECase(
            "shared-cache", directory, BuiltinRole.Compare, BuiltinRole.Compare, null, ImmutableSortedDictionary<string, string>.Empty, null,
            ImmutableSortedDictionary<string, string>.Empty, ImmutableSortedDictionary<string, FileExpectation>.Empty,
            ImmutableSortedDictionary<string, JsonNode?>.Empty, null, null, [], null, null, null);
    }

}
