using System.Text.Json;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Image;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// WORKDIR in a Windows stage as v0.24.0's <c>system.NormalizeWorkdir</c> reads it (each row from
/// <c>dockerfile2llb -resolver</c> with <see cref="WindowsBaseImage"/>'s config, its <c>-image-config</c> or its
/// error): backslashes are slashes, the drive letter must be <c>C:</c> and is dropped (<c>C:app</c> is relative to
/// the current directory), a bare drive or a UNC path is refused; the config keeps backslashes. A
/// <c>FROM --platform=windows/... scratch</c> stage is on the target platform (linux here), so none of this applies.
/// </summary>
public sealed class WindowsWorkdirTests
{
    [Theory]
    [InlineData("C:/app", "\\app")]
    [InlineData("c:\\\\app", "\\app")]
    [InlineData("C:app", "\\base\\app")]
    [InlineData("/app", "\\app")]
    [InlineData("\\\\app", "\\app")]
    [InlineData("app", "\\base\\app")]
    [InlineData("..\\\\up", "\\up")]
    [InlineData("C:\\\\", "\\")]
    [InlineData("C:/app/", "\\app")]
    public void ADriveLetterIsDroppedAndBackslashesAreSlashes(string path, string workingDir) =>
        Assert.Equal(workingDir, WorkingDir($"FROM --platform=windows/amd64 winbase\nWORKDIR {path}\n", WindowsBaseImage.Options));

    [Fact]
    public void TheBaseImagesDirectoryIsNormalizedTheSameWay()
    {
        // dispatchWorkdir of the config's C:\base against itself: \base in the config, /base for RUN.
        var result = TestConversion.Convert("FROM --platform=windows/amd64 winbase\nRUN x\n", WindowsBaseImage.Options);
        Assert.Equal("\\base", JsonDocument.Parse(ImageConfigWriter.ToJson(result.Image)).RootElement.GetProperty("config").GetProperty("WorkingDir").GetString());
        Assert.Equal("/base", result.Definition.Ops.Single(o => o.Op.OpCase == Pb.Op.OpOneofCase.Exec).Op.Exec.Meta.Cwd);
    }

    [Theory]
    [InlineData("D:/app", "The specified path is not on the system drive (C:)")]
    [InlineData("a:/b", "The specified path is not on the system drive (C:)")]
    [InlineData("ab:/x", "The specified path is not on the system drive (C:)")]
    [InlineData("C:", "No relative path specified in \"C:\"")]
    [InlineData("\\\\\\\\srv\\\\x", "UNC paths are not supported")]
    [InlineData("//srv/x", "UNC paths are not supported")]
    [InlineData("//", "UNC paths are not supported")]
    [InlineData(":x", "The specified path is not on the system drive (C:)")]
    public void AnUnusableDriveIsAnError(string path, string reason)
    {
        var error = Assert.Throws<ConvertException>(() =>
            TestConversion.Convert($"FROM --platform=windows/amd64 winbase\nWORKDIR {path}\n", WindowsBaseImage.Options));
        Assert.Equal("normalizing workdir: normalizing working directory: removing drive letter: " + reason, error.Message);
    }

    [Theory]
    [InlineData("WORKDIR C:/app", "/C:/app")]
    [InlineData("WORKDIR /app\nFROM win\nWORKDIR x", "/app/x")]
    public void AWindowsScratchStageIsOnTheTargetPlatform(string instructions, string workingDir) =>
        Assert.Equal(workingDir, WorkingDir($"FROM --platform=windows/amd64 scratch AS win\n{instructions}\n", TestConversion.Options));

    private static string WorkingDir(string dockerfile, ConvertOptions options)
    {
        var result = TestConversion.Convert(dockerfile, options);
        return JsonDocument.Parse(ImageConfigWriter.ToJson(result.Image)).RootElement.GetProperty("config").GetProperty("WorkingDir").GetString()!;
    }
}
