using Xunit.Abstractions;

namespace CSharpFrontend.E2E.Tests;

/// <summary>
/// The e2e corpus on a standalone buildkitd v0.11.6 (the version whose LLB we reproduce), where E2E_BUILDCTL and
/// E2E_BUILDKIT_ADDR name one (scripts/e2e-buildkit.sh). Its builtin frontend knows heredocs, COPY --link and
/// RUN --network, so those cases are compared there.
/// </summary>
public sealed class BuildKitE2ETests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => new(E2ECase.Names());

    [BuildKitTheory]
    [MemberData(nameof(Cases))]
    public void Case(string name)
    {
        if (E2EEnvironment.MissingReason is { } missing)
        {
            Assert.Fail("the images are built into dockerd for inspection, which is not available: " + missing);
        }

        new E2ERunner(Daemon.BuildKit, output).Run(name);
    }
}

/// <summary>Skipped unless a buildctl and a buildkitd address are given.</summary>
public sealed class BuildKitTheoryAttribute : TheoryAttribute
{
    public BuildKitTheoryAttribute()
    {
        if (Daemon.Buildctl is null || Daemon.BuildKitAddress is null)
        {
            Skip = "set E2E_BUILDCTL and E2E_BUILDKIT_ADDR (scripts/e2e-buildkit.sh) to run the corpus on buildkitd v0.11.6";
        }
    }
}
