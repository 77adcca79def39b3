using Xunit.Abstractions;

namespace CSharpFrontend.E2E.Tests;

/// <summary>The e2e corpus on Debian's dockerd 20.10, whose builtin BuildKit is old (about v0.8). Required in CI.</summary>
public sealed class E2ETests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => new(E2ECase.Names());

    [Fact]
    public void The_corpus_has_at_least_thirty_cases_and_each_asserts_something()
    {
        var cases = E2ECase.Names().Select(E2ECase.Load).ToList();
        Assert.True(cases.Count >= 30, $"only {cases.Count} e2e cases");
        Assert.All(cases, c => Assert.True(
            (c.Builtin == BuiltinRole.Compare && c.NewBuiltin == BuiltinRole.Compare) || c.ExpectFiles.Count + c.ExpectConfig.Count > 0,
            $"{c.Name}: a case a builtin frontend cannot build needs expectations"));
        Assert.All(cases.Where(c => c.Builtin == BuiltinRole.Unsupported || c.NewBuiltin == BuiltinRole.Unsupported),
            c => Assert.False(string.IsNullOrWhiteSpace(c.Why), c.Name));
    }

    [E2ETheory]
    [MemberData(nameof(Cases))]
    public void Case(string name)
    {
        if (E2EEnvironment.MissingReason is { } missing)
        {
            Assert.Fail("end-to-end suite required (E2E_REQUIRED=1) but not available: " + missing);
        }

        new E2ERunner(Daemon.Docker, output).Run(name);
    }
}
