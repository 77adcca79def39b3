using System.Text;

namespace CSharpFrontend.Frontend.Tests.Hostile;

/// <summary>Issue 14 items 11 and 14: the CLI as a newcomer meets it.</summary>
public sealed class CliNewcomerTests
{
    [Fact]
    public void OutlineOfAFileWhoseDefinitionWouldExceedTheMessageLimitWorks()
    {
        var dockerfile = new StringBuilder("FROM alpine\nARG NEEDED=1\n");
        for (var i = 0; i < 300; i++)
        {
            dockerfile.Append("RUN echo ").Append(i).Append(' ').Append('x', 60_000).Append(" $NEEDED\n");
        }

        var translate = CliProcess.Run(dockerfile.ToString(), "translate", "-", "--format", "json");
        Assert.Equal(1, translate.ExitCode);
        Assert.Contains("16 MiB", translate.Stderr);

        var outline = CliProcess.Run(dockerfile.ToString(), "outline", "-");
        Assert.True(outline.ExitCode == 0, outline.Stderr);
        Assert.Contains("NEEDED", Encoding.UTF8.GetString(outline.Stdout));
    }

    [Fact]
    public void ADirectoryIsNotADockerfile()
    {
        var dir = Directory.CreateTempSubdirectory("newcomer-");
        try
        {
            var result = CliProcess.Run("", "translate", dir.FullName);
            Assert.Equal(1, result.ExitCode);
            Assert.Equal($"error: cannot read {dir.FullName}: it is a directory; name the Dockerfile in it (e.g. {Path.Combine(dir.FullName, "Dockerfile")})", result.Stderr.Trim());
        }
        finally
        {
            dir.Delete();
        }
    }

    [Fact]
    public void AMisspeltOptionIsNamedWithTheClosestOne()
    {
        var result = CliProcess.Run("FROM alpine\n", "translate", "--plaform", "x", "-");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: unknown option '--plaform' for 'translate' (did you mean --platform?)\n", result.Stderr);
        Assert.DoesNotContain("'x'", result.Stderr);
    }

    [Fact]
    public void AMisspeltCommandIsNamedWithTheClosestOne()
    {
        var result = CliProcess.Run("", "translat", "Dockerfile");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: unknown command 'translat' (did you mean translate?)\nRun 'csharp-frontend --help' for usage.", result.Stderr.Trim());
    }

    [Fact]
    public void AnUnknownTargetListsTheStages()
    {
        var result = CliProcess.Run("FROM alpine AS build\nRUN true\nFROM build AS test\nFROM scratch\n", "translate", "--target", "nosuch", "--format", "json", "-");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("target stage \"nosuch\" could not be found", result.Stderr);
        Assert.Contains("note: the stages are: build, test (leave out --target to build the last one)", result.Stderr);
    }

    [Fact]
    public void AUtf16FileIsEscapedAndNamed()
    {
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("FROM alpine\nRUN true\n")).ToArray();
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, utf16);
            var result = CliProcess.Run("", "translate", "--format", "json", file);
            Assert.Equal(1, result.ExitCode);
            Assert.DoesNotContain('\0', result.Stderr);
            Assert.Contains("\\x00", result.Stderr);
            Assert.Contains("note: the file looks like UTF-16", result.Stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void TheReadmesErrorExampleIsTheRealOutput()
    {
        var readme = File.ReadAllLines(Path.Combine(CSharpFrontend.Tests.Shared.TestPaths.RepoRoot, "README.md"));
        var start = Array.FindIndex(readme, l => l == "$ printf 'FROM alpine\\nRUNN echo\\n' | csharp-frontend translate -");
        Assert.True(start >= 0, "the README's example is gone");
        var expected = readme.Skip(start + 1).TakeWhile(l => l != "```");
        var result = CliProcess.Run("FROM alpine\nRUNN echo\n", "translate", "-");
        Assert.Equal(expected, result.Stderr.TrimEnd('\n').Split('\n'));
    }
}
