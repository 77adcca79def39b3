using Xunit.Abstractions;
using Xunit.Sdk;

namespace CSharpFrontend.E2E.Tests;

/// <summary>
/// The e2e corpus on a standalone buildkitd: v0.24.0 (the current BuildKit, whose Dockerfile frontend we match) from
/// ../shared/buildkit, or the one E2E_BUILDCTL and E2E_BUILDKIT_ADDR name (v0.11.6 for the compatibility mode).
/// scripts/e2e-buildkit.sh starts it; required in CI (E2E_REQUIRED=1).
/// </summary>
[Collection(BuildKitCollection.Name)]
public sealed class BuildKitE2ETests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => new(E2ECase.Names());

    [BuildKitTheory]
    [MemberData(nameof(Cases))]
    public void Case(string name)
    {
        if (Daemon.BuildKitMissingReason is { } missing)
        {
            Assert.Fail("BuildKit end-to-end suite required (E2E_REQUIRED=1) but not available: " + missing);
        }

        new BuildKitRunner(Daemon.BuildKit, output).Run(name);
    }
}

/// <summary>Needs the buildkitd of scripts/e2e-buildkit.sh: skipped without it, failed without it when E2E_REQUIRED=1.</summary>
[XunitTestCaseDiscoverer(PerCaseSkipDiscoverer.TypeName, PerCaseSkipDiscoverer.AssemblyName)]
public sealed class BuildKitTheoryAttribute : TheoryAttribute
{
    public BuildKitTheoryAttribute()
    {
        if (!E2EEnvironment.Required && Daemon.BuildKitMissingReason is { } reason)
        {
            Skip = "BuildKit end-to-end suite not available: " + reason;
        }
    }
}

/// <summary>The tests that build on buildkitd run one at a time: each case empties the daemon's cache first.</summary>
[CollectionDefinition(Name)]
public sealed class BuildKitCollection
{
    public const string Name = "buildkitd";
}
