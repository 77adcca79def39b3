using CSharpFrontend.Converter.Tests.Dockerfile;

namespace CSharpFrontend.Converter.Tests.Lint;

/// <summary>
/// WorkdirRelativePath with the stage's OS as v0.24.0 sees it (<c>system.IsAbs(path, d.platform.OS)</c>), each row
/// from <c>dockerfile2llb -lint</c> (with <c>-resolver</c> and <see cref="WindowsBaseImage"/>'s config for the
/// Windows image): in a Windows stage a path is absolute when, without its <c>C:</c>, it starts with a slash or a
/// backslash; a bare drive, another drive, a UNC path or <c>C:app</c> is relative (the build then fails on the
/// first three). A <c>FROM --platform=windows/... scratch</c> stage is on the target platform, so Linux rules apply.
/// InvalidBaseImagePlatform names the image's own platform when the OS or only the architecture differs.
/// </summary>
public sealed class WorkdirRelativePathTests
{
    private const string Const = "FromPlatformFlagConstDisallowed 1 FROM --platform flag should not use constant value \"windows/amd64\"";

    [Theory]
    [InlineData("C:/app", false)]
    [InlineData("c:\\\\app", false)]
    [InlineData("/app", false)]
    [InlineData("\\\\app", false)]
    [InlineData("C:\\\\", false)]
    [InlineData("C:app", true)]
    [InlineData("app", true)]
    [InlineData("D:/app", true)]
    [InlineData("C:", true)]
    [InlineData("\\\\\\\\srv\\\\x", true)]
    [InlineData("//srv/x", true)]
    [InlineData("a:/b", true)]
    public async Task AWindowsImageStageUsesWindowsRules(string path, bool relative)
    {
        var warnings = await LintExpansionTests.LintAsync($"FROM --platform=windows/amd64 winbase\nWORKDIR {path}\n", WindowsBaseImage.Options);
        Assert.Equal(relative ? 1 : 0, warnings.Count(w => w.StartsWith("WorkdirRelativePath 2 ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("C:\\app", "C:app")]
    [InlineData("C:/app", "C:/app")]
    public async Task AWindowsScratchStageUsesTheTargetsRules(string path, string shown) =>
        Assert.Equal(
            [Const, $"WorkdirRelativePath 2 Relative workdir \"{shown}\" can have unexpected results if the base image changes"],
            await LintExpansionTests.LintAsync($"FROM --platform=windows/amd64 scratch\nWORKDIR {path}\n"));

    [Fact]
    public async Task AnAbsoluteWorkdirInAWindowsScratchStageIsFine() =>
        Assert.Equal([Const], await LintExpansionTests.LintAsync("FROM --platform=windows/amd64 scratch\nWORKDIR /app\n"));

    [Fact]
    public async Task AWindowsImageAskedForAnotherPlatformIsReportedWithItsOwn() =>
        Assert.Equal(
            [
                "FromPlatformFlagConstDisallowed 1 FROM --platform flag should not use constant value \"linux/amd64\"",
                "InvalidBaseImagePlatform 1 Base image winbase was pulled with platform \"windows/amd64\", expected \"linux/amd64\" for current build",
                "FromPlatformFlagConstDisallowed 2 FROM --platform flag should not use constant value \"windows/arm64\"",
                "InvalidBaseImagePlatform 2 Base image winbase was pulled with platform \"windows/amd64\", expected \"windows/arm64\" for current build",
            ],
            await LintExpansionTests.LintAsync("FROM --platform=linux/amd64 winbase\nFROM --platform=windows/arm64 winbase\n", WindowsBaseImage.Options));
}
