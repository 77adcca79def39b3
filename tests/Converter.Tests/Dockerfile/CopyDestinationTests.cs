using CSharpFrontend.Converter.Dockerfile;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// COPY and ADD destinations as v0.24.0's <c>pathRelativeToWorkingDir</c> writes them (each row the copy action's
/// <c>dest</c> in <c>dockerfile2llb</c>'s definition, read with <c>buildctl debug dump-llb</c>; the Windows rows with
/// <c>-resolver</c> and <see cref="WindowsBaseImage"/>'s config): a final <c>/.</c> is kept; in a Windows stage the
/// drive letter is checked and dropped first (cleaning away a final <c>/.</c>, keeping a final separator only after
/// more than one character), backslashes are slashes, and an unusable drive is an error; a local source loses its
/// drive the same way (<c>NormalizePath("/", src)</c>, its error wrapped twice).
/// </summary>
public sealed class CopyDestinationTests
{
    [Theory]
    [InlineData("COPY a /dst/.", "/dst/.")]
    [InlineData("COPY a /.", "/.")]
    [InlineData("WORKDIR /w\nCOPY a x/.", "/w/x/.")]
    [InlineData("WORKDIR /w\nCOPY a ./.", "/w/.")]
    [InlineData("COPY a /dst/./", "/dst/")]
    public void AFinalDotIsKept(string instructions, string dest) =>
        Assert.Equal(dest, Dest("FROM busybox\n" + instructions + "\n", TestConversion.Options));

    [Theory]
    [InlineData("COPY a C:/x", "/x")]
    [InlineData("COPY a C:\\\\x\\\\", "/x/")]
    [InlineData("COPY a \\\\x", "/x")]
    [InlineData("WORKDIR /w\nCOPY a y\\\\", "/w/y")]
    [InlineData("COPY a C:y", "/base/y")]
    [InlineData("COPY a /dst/.", "/dst")]
    [InlineData("COPY a .", "/base/")]
    [InlineData("COPY a C:/app/", "/app/")]
    [InlineData("WORKDIR C:\\\\w\nCOPY a y/.", "/w/y")]
    public void AWindowsDestinationLosesItsDrive(string instructions, string dest) =>
        Assert.Equal(dest, Dest("FROM --platform=windows/amd64 winbase\n" + instructions + "\n", WindowsBaseImage.Options));

    [Theory]
    [InlineData("D:/x", "The specified path is not on the system drive (C:)")]
    [InlineData("C:", "No relative path specified in \"C:\"")]
    [InlineData("//srv/x", "UNC paths are not supported")]
    [InlineData("//", "UNC paths are not supported")]
    [InlineData(":x", "The specified path is not on the system drive (C:)")]
    public void AnUnusableWindowsDriveIsAnError(string dest, string reason)
    {
        var error = Assert.Throws<ConvertException>(() =>
            TestConversion.Convert($"FROM --platform=windows/amd64 winbase\nCOPY a {dest}\n", WindowsBaseImage.Options));
        Assert.Equal("removing drive letter: " + reason, error.Message);
    }

    [Theory]
    [InlineData("COPY --from=winbase C:/a b", "/a")]
    [InlineData("COPY C:\\\\a\\\\b c", "/a/b")]
    [InlineData("COPY a\\\\ c", "/a")]
    public void AWindowsSourceLosesItsDrive(string instruction, string src) =>
        Assert.Equal(src, Copy("FROM --platform=windows/amd64 winbase\n" + instruction + "\n", WindowsBaseImage.Options).Src);

    [Theory]
    [InlineData("D:/a", "The specified path is not on the system drive (C:)")]
    [InlineData("C:", "No relative path specified in \"C:\"")]
    public void AnUnusableWindowsSourceDriveIsAnError(string src, string reason)
    {
        var error = Assert.Throws<ConvertException>(() =>
            TestConversion.Convert($"FROM --platform=windows/amd64 winbase\nCOPY --from=winbase {src} b\n", WindowsBaseImage.Options));
        Assert.Equal("removing drive letter: removing drive letter: " + reason, error.Message);
    }

    private static string Dest(string dockerfile, ConvertOptions options) => Copy(dockerfile, options).Dest;

    private static Pb.FileActionCopy Copy(string dockerfile, ConvertOptions options) =>
        TestConversion.Convert(dockerfile, options).Definition.Ops
            .Where(o => o.Op.OpCase == Pb.Op.OpOneofCase.File)
            .SelectMany(o => o.Op.File.Actions)
            .Single(a => a.ActionCase == Pb.FileAction.ActionOneofCase.Copy).Copy;
}
