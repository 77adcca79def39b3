using CSharpFrontend.Converter.Dockerfile;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// util/system's Windows path rules, function by function. Each row is what v0.24.0's own code returns for
/// <c>inputOS = "windows"</c> (<c>util/system/path.go</c> and dockerfile2llb's <c>pathRelativeToWorkingDir</c>, run
/// with Go 1.23.5), an error written <c>!text</c>; the callers add upstream's <c>removing drive letter: </c>.
/// </summary>
public sealed class WindowsPathTests
{
    /// <summary><c>CheckSystemDriveAndRemoveDriveLetter</c> without and with keepSlash, and <c>IsAbs</c>.</summary>
    [Theory]
    [InlineData("", ".", ".", false)]
    [InlineData("C:", "!No relative path specified in \"C:\"", "!No relative path specified in \"C:\"", false)]
    [InlineData("c:", "!No relative path specified in \"c:\"", "!No relative path specified in \"c:\"", false)]
    [InlineData("D:", "!No relative path specified in \"D:\"", "!No relative path specified in \"D:\"", false)]
    [InlineData("C:\\", "/", "/", true)]
    [InlineData("C:/", "/", "/", true)]
    [InlineData("c:\\app", "/app", "/app", true)]
    [InlineData("C:app", "app", "app", false)]
    [InlineData("C:app\\", "app", "app/", false)]
    [InlineData("d:\\app", "!The specified path is not on the system drive (C:)", "!The specified path is not on the system drive (C:)", false)]
    [InlineData("D:app", "!The specified path is not on the system drive (C:)", "!The specified path is not on the system drive (C:)", false)]
    [InlineData("\\\\server\\share", "!UNC paths are not supported", "!UNC paths are not supported", false)]
    [InlineData("//server", "!UNC paths are not supported", "!UNC paths are not supported", false)]
    [InlineData("\\/x", "!UNC paths are not supported", "!UNC paths are not supported", false)]
    [InlineData("/\\x", "!UNC paths are not supported", "!UNC paths are not supported", false)]
    [InlineData("\\", "/", "/", true)]
    [InlineData("/", "/", "/", true)]
    [InlineData("a", "a", "a", false)]
    [InlineData("a\\", "a", "a", false)]
    [InlineData("a/", "a", "a", false)]
    [InlineData("a\\b\\..\\c\\", "a/c", "a/c/", false)]
    [InlineData("\\a\\.\\b", "/a/b", "/a/b", true)]
    [InlineData("/a/../..", "/", "/", true)]
    [InlineData("..", "..", "..", false)]
    [InlineData("../x/", "../x", "../x/", false)]
    [InlineData(".", ".", ".", false)]
    [InlineData("./", ".", ".", false)]
    [InlineData("C:.", ".", ".", false)]
    [InlineData("C:..\\x", "../x", "../x", false)]
    [InlineData("x:y:z", "!The specified path is not on the system drive (C:)", "!The specified path is not on the system drive (C:)", false)]
    [InlineData("C:a:b", "a:b", "a:b", false)]
    [InlineData("cc:\\x", "!The specified path is not on the system drive (C:)", "!The specified path is not on the system drive (C:)", false)]
    [InlineData(":x", "!The specified path is not on the system drive (C:)", "!The specified path is not on the system drive (C:)", false)]
    [InlineData("C:\\a\\", "/a", "/a/", true)]
    [InlineData("\\a/b\\", "/a/b", "/a/b/", true)]
    public void RemoveDriveLetter(string path, string expected, string keepingSlash, bool isAbs)
    {
        Assert.Equal(expected, Result(WindowsPath.RemoveDriveLetter(path, out var error), error));
        Assert.Equal(expected, Result(WindowsPath.RemoveDriveLetter(path, keepSlash: false, out error), error));
        Assert.Equal(keepingSlash, Result(WindowsPath.RemoveDriveLetter(path, keepSlash: true, out error), error));
        Assert.Equal(isAbs, WindowsPath.IsAbs(path));
    }

    /// <summary><c>NormalizePath(current, requested, "windows", false)</c>.</summary>
    [Theory]
    [InlineData("", "", "/")]
    [InlineData("", "app", "/app")]
    [InlineData("C:\\base", "app", "/base/app")]
    [InlineData("base", "app", "/base/app")]
    [InlineData("\\base\\", "..\\x", "/x")]
    [InlineData("D:\\base", "app", "!The specified path is not on the system drive (C:)")]
    [InlineData("C:\\base", "D:\\x", "!The specified path is not on the system drive (C:)")]
    [InlineData("C:\\base", "", "/base")]
    [InlineData("C:", "app", "!No relative path specified in \"C:\"")]
    [InlineData("\\\\srv\\s", "app", "!UNC paths are not supported")]
    [InlineData("C:\\base", "\\\\srv", "!UNC paths are not supported")]
    [InlineData("C:\\base", "C:", "!No relative path specified in \"C:\"")]
    [InlineData("/b", "C:x", "/b/x")]
    [InlineData("/b", "/abs", "/abs")]
    [InlineData("b\\c", "", "/b/c")]
    [InlineData("/b", "x/", "/b/x")]
    public void Normalize(string current, string requested, string expected)
    {
        Assert.Equal(expected, Result(WindowsPath.Normalize(current, requested, out var error), error));
        if (expected.StartsWith('!'))
        {
            Assert.Equal(
                "normalizing workdir: normalizing working directory: removing drive letter: " + expected[1..],
                Assert.Throws<ConvertException>(() => WindowsPath.NormalizeWorkdir(current, requested)).Message);
        }
        else
        {
            Assert.Equal(expected, WindowsPath.NormalizeWorkdir(current, requested));
        }
    }

    /// <summary><c>pathRelativeToWorkingDir</c> for a stage whose directory is <c>dir</c>.</summary>
    [Theory]
    [InlineData("/", "", "/")]
    [InlineData("/", ".", "/")]
    [InlineData("/w", ".", "/w/")]
    [InlineData("/w", "", "/w/")]
    [InlineData("/w", "x", "/w/x")]
    [InlineData("/w", "x\\", "/w/x")]
    [InlineData("/w", "x/", "/w/x")]
    [InlineData("/w", "C:\\x\\", "/x/")]
    [InlineData("/w", "C:x", "/w/x")]
    [InlineData("/w", "C:x\\", "/w/x")]
    [InlineData("/w", "D:\\x", "!The specified path is not on the system drive (C:)")]
    [InlineData("/w", "\\\\s\\x", "!UNC paths are not supported")]
    [InlineData("/w", "C:", "!No relative path specified in \"C:\"")]
    [InlineData("/w", "/abs", "/abs")]
    [InlineData("/w", "/abs/", "/abs/")]
    [InlineData("/w", "..\\..", "/")]
    [InlineData("/w", "../../", "/")]
    [InlineData("/w", "a/./", "/w/a")]
    [InlineData("/w", "./", "/w/")]
    [InlineData("", "x", "/x")]
    [InlineData("", "x/", "/x")]
    [InlineData("/w/v", "..\\", "/w/")]
    [InlineData("/w", "\\", "/")]
    public void CopyDestination(string dir, string destination, string expected) =>
        Assert.Equal(expected, Result(WindowsPath.CopyDestination(dir, destination, out var error), error));

    private static string Result(string? value, string? error) => value ?? "!" + error;
}
