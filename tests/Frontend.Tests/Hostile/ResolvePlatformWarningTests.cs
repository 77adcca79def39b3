using CSharpFrontend.Frontend.Tests.Resolve;

namespace CSharpFrontend.Frontend.Tests.Hostile;

/// <summary>Issue 14 item 17: resolving a single-platform image for another platform records it with BuildKit's warning.</summary>
public sealed class ResolvePlatformWarningTests : IDisposable
{
    private static readonly TestImage Arm64 = TestImage.Create("arm64", "FLAVOUR=arm", "/work/arm", variant: "v8");
    private readonly TempDir _dir = new("resolve-warn-");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("linux/amd64", true)]
    [InlineData("linux/arm64", false)]
    public async Task ASingleManifestForAnotherPlatformIsRecordedWithAWarning(string platform, bool warns)
    {
        using var registry = new FakeRegistry();
        registry.Push("single", "1", Arm64);
        var result = await ResolveRun.RunAsync(
            _dir.Write("Dockerfile", $"FROM {registry.Host}/single:1\n"), "--platform", platform, "-o", _dir.File("images.json"));
        Assert.True(result.ExitCode == 0, result.Stderr);
        var warning = $"warning: Base image {registry.Host}/single:1 was pulled with platform \"linux/arm64\", expected \"{platform}\" for current build";
        Assert.Equal(warns, result.Stderr.Contains(warning, StringComparison.Ordinal));
        Assert.True(File.Exists(_dir.File("images.json")));
    }
}
