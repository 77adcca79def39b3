using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Frontend.Tests;

/// <summary>
/// <c>csharp-frontend lint</c>: JSON byte for byte as BuildKit v0.24.0's <c>DockerfileLint</c> result (checked against
/// its dockerfile2llb when present), the text of <c>docker build --check</c>, SARIF, exit codes.
/// </summary>
public sealed class LintCommandTests
{
    private const string TwoWarnings = "FROM scratch as build\nCOPY . .\nENV A b\n";

    private static string Stdout(CliProcess.Result result) => Encoding.UTF8.GetString(result.Stdout);

    [Fact]
    public void JsonIsUpstreamsResultJsonByteForByte()
    {
        var upstream = UpstreamTools.Dockerfile2Llb;
        Assert.True(File.Exists(upstream), $"{upstream} is missing (set BUILDKIT_V024_DIR)");
        var dir = Directory.CreateTempSubdirectory("lint-json-");
        try
        {
            var dockerfile = Path.Combine(dir.FullName, "Dockerfile");
            File.WriteAllText(dockerfile, TwoWarnings);
            var expectedPath = Path.Combine(dir.FullName, "lint.json");
            using (var process = Process.Start(new ProcessStartInfo(upstream, ["-f", dockerfile, "-lint", expectedPath, "-o", "/dev/null"]) { RedirectStandardError = true })!)
            {
                process.WaitForExit(60_000);
                Assert.Equal(0, process.ExitCode);
            }

            var result = CliProcess.Run(TwoWarnings, "lint", "--format", "json", "-");
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(File.ReadAllText(expectedPath), Stdout(result));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void TextIsWhatDockerBuildCheckPrints()
    {
        var result = CliProcess.Run(TwoWarnings, "lint", "-");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "\nWARNING: FromAsCasing - https://docs.docker.com/go/dockerfile/rule/from-as-casing/\n" +
            "'as' and 'FROM' keywords' casing do not match\n" +
            "Dockerfile:1\n--------------------\n" +
            "   1 | >>> FROM scratch as build\n   2 |     COPY . .\n   3 |     ENV A b\n--------------------\n" +
            "\nWARNING: LegacyKeyValueFormat - https://docs.docker.com/go/dockerfile/rule/legacy-key-value-format/\n" +
            "\"ENV key=value\" should be used instead of legacy \"ENV key value\" format\n" +
            "Dockerfile:3\n--------------------\n" +
            "   1 |     FROM scratch as build\n   2 |     COPY . .\n   3 | >>> ENV A b\n   4 |     \n--------------------\n",
            Stdout(result));
    }

    [Theory]
    [InlineData("FROM scratch\nCOPY . .\n", new string[0], 0)]
    [InlineData(TwoWarnings, new string[0], 0)]
    [InlineData(TwoWarnings, new[] { "--fail-on-warning" }, 1)]
    [InlineData("FROM scratch\nCOPY . .\n", new[] { "--fail-on-warning" }, 0)]
    [InlineData("# check=error=true\n" + TwoWarnings, new string[0], 1)]
    [InlineData("# check=error=true\n" + TwoWarnings, new[] { "--build-arg", "BUILDKIT_DOCKERFILE_CHECK=skip=all;error=true" }, 0)]
    [InlineData("FROM scratch\nBADCMD x\n", new string[0], 1)]
    public void ExitStatusSaysWhetherTheBuildWouldFail(string dockerfile, string[] options, int exitCode)
    {
        var result = CliProcess.Run(dockerfile, ["lint", .. options, "-"]);
        Assert.Equal(exitCode, result.ExitCode);
    }

    /// <summary>
    /// Two warnings on line 1: BuildKit v0.24.0's builtin frontend on buildkitd v0.24.0 (<c>buildctl build --opt
    /// requestid=frontend.lint</c>, tests/e2e/cases/lint-warnings) prints StageNameCasing first, in the order the checks
    /// found them, not by rule name: Go's sort.Slice leaves ties where they were.
    /// </summary>
    [Fact]
    public void WarningsOnOneLineKeepTheOrderTheyWereFoundIn()
    {
        var text = Stdout(CliProcess.Run("from scratch as Base\nCOPY a b\nCOPY c d\n", "lint", "-"));
        var rules = text.Split('\n').Where(line => line.StartsWith("WARNING: ", StringComparison.Ordinal)).Select(line => line.Split(' ')[1]);
        Assert.Equal(["StageNameCasing", "ConsistentInstructionCasing"], rules);
    }

    [Fact]
    public void RejectedDockerfileShowsTheErrorAfterTheWarnings()
    {
        var result = CliProcess.Run("FROM scratch as build\nBADCMD x\n", "lint", "-");
        Assert.Equal(1, result.ExitCode);
        var text = Stdout(result);
        Assert.Contains("WARNING: FromAsCasing", text, StringComparison.Ordinal);
        Assert.Contains("\nERROR: dockerfile parse error on line 2: unknown instruction: BADCMD\nDockerfile:2\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownFormatIsAUsageError()
    {
        var result = CliProcess.Run("FROM scratch\n", "lint", "--format", "xml", "-");
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void SeveralFilesGiveOneResultEachAndSarifHasEveryWarning()
    {
        var dir = Directory.CreateTempSubdirectory("lint-many-");
        try
        {
            var a = Path.Combine(dir.FullName, "a.Dockerfile");
            var b = Path.Combine(dir.FullName, "b.Dockerfile");
            File.WriteAllText(a, TwoWarnings);
            File.WriteAllText(b, "FROM scratch\nMAINTAINER me\n");
            var json = JsonNode.Parse(CliProcess.Run("", "lint", "--format", "json", a, b).Stdout)!.AsArray();
            Assert.Equal([a, b], json.Select(r => r!["sources"]![0]!["filename"]!.GetValue<string>()));
            Assert.Equal(2, json[0]!["warnings"]!.AsArray().Count);

            var sarif = CliProcess.Run("", "lint", "--format", "sarif", a, b);
            Assert.Equal(0, sarif.ExitCode);
            var run = JsonNode.Parse(sarif.Stdout)!["runs"]![0]!;
            Assert.Equal("2.1.0", JsonNode.Parse(sarif.Stdout)!["version"]!.GetValue<string>());
            var results = run["results"]!.AsArray();
            Assert.Equal(["FromAsCasing", "LegacyKeyValueFormat", "MaintainerDeprecated"], results.Select(r => r!["ruleId"]!.GetValue<string>()));
            var last = results[2]!;
            Assert.Equal("warning", last["level"]!.GetValue<string>());
            Assert.Equal(b, last["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>());
            Assert.Equal(2, last["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>());
            var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
            Assert.Equal("MaintainerDeprecated", rules[last["ruleIndex"]!.GetValue<int>()]!["id"]!.GetValue<string>());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
