using System.Collections.Immutable;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Lint;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests.Lint;

/// <summary>
/// <see cref="DockerfileLinter"/>'s handling of the file and of the caller's options: a UTF-8 byte order mark is
/// dropped and bytes that are not UTF-8 are read on (v0.24.0's <c>dockerfile2llb -lint</c> gives the same warning for
/// these files as without them), the caller's warning callback sees every warning and its check configuration wins,
/// and the JSON written is <c>dockerfile2llb</c>'s <c>-lint</c> output byte for byte (Go's <c>MarshalIndent</c>, two spaces).
/// </summary>
public sealed class DockerfileLinterTests
{
    private static readonly ConvertOptions Options = new() { TargetPlatform = LlbPlatform.LinuxAmd64, BuildPlatforms = [LlbPlatform.LinuxAmd64] };

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF }, "", 1)]
    [InlineData(new byte[] { (byte)'#', (byte)' ', 0xFF, (byte)'\n' }, "LABEL a=\xfe\n", 2)]
    public async Task AByteOrderMarkAndBytesThatAreNotUtf8AreNoError(byte[] before, string after, int line)
    {
        byte[] file = [.. before, .. "FROM scratch AS Bad\n"u8, .. System.Text.Encoding.Latin1.GetBytes(after)];
        var result = await DockerfileLinter.LintAsync(file, "Dockerfile", Options);
        Assert.Null(result.Error);
        Assert.Equal([$"StageNameCasing {line} Stage name 'Bad' should be lowercase"], result.Sorted().Select(w => $"{w.Rule.Name} {w.Ranges[0].StartLine} {w.Detail}"));
    }

    [Fact]
    public async Task TheCallersCallbackAndConfigurationAreKept()
    {
        var seen = new List<string>();
        var options = Options with { Lint = new LintOptions(w => seen.Add(w.Rule.Name)) };
        var result = await DockerfileLinter.LintAsync("FROM scratch AS Bad\nMAINTAINER x\n"u8.ToArray(), "Dockerfile", options);
        Assert.Equal(["MaintainerDeprecated", "StageNameCasing"], seen.Order(StringComparer.Ordinal));
        Assert.Equal(2, result.Warnings.Length);

        var skipping = Options with { Lint = new LintOptions(_ => { }) { Config = CheckConfig.Parse("skip=StageNameCasing") } };
        var skipped = await DockerfileLinter.LintAsync("FROM scratch AS Bad\nMAINTAINER x\n"u8.ToArray(), "Dockerfile", skipping);
        Assert.Equal(["MaintainerDeprecated"], skipped.Warnings.Select(w => w.Rule.Name));
    }

    [Fact]
    public async Task TheJsonIsDockerfile2llbsOutput()
    {
        var result = await DockerfileLinter.LintAsync("FROM scratch AS Bad\nMAINTAINER x\nSTOPSIGNAL bogus\n"u8.ToArray(), "Dockerfile", Options);
        Assert.Equal(Dockerfile2llbJson, LintResultJson.Write(result, sorted: true));
    }

    private const string Dockerfile2llbJson = """
        {
          "warnings": [
            {
              "ruleName": "StageNameCasing",
              "description": "Stage names should be lowercase",
              "url": "https://docs.docker.com/go/dockerfile/rule/stage-name-casing/",
              "detail": "Stage name 'Bad' should be lowercase",
              "location": {
                "ranges": [
                  {
                    "start": {
                      "line": 1
                    },
                    "end": {
                      "line": 1
                    }
                  }
                ]
              }
            },
            {
              "ruleName": "MaintainerDeprecated",
              "description": "The MAINTAINER instruction is deprecated, use a label instead to define an image author",
              "url": "https://docs.docker.com/go/dockerfile/rule/maintainer-deprecated/",
              "detail": "Maintainer instruction is deprecated in favor of using label",
              "location": {
                "ranges": [
                  {
                    "start": {
                      "line": 2
                    },
                    "end": {
                      "line": 2
                    }
                  }
                ]
              }
            }
          ],
          "sources": [
            {
              "filename": "Dockerfile",
              "data": "RlJPTSBzY3JhdGNoIEFTIEJhZApNQUlOVEFJTkVSIHgKU1RPUFNJR05BTCBib2d1cwo=",
              "definition": {},
              "language": "Dockerfile"
            }
          ],
          "buildError": {
            "message": "invalid signal: bogus",
            "location": {
              "ranges": [
                {
                  "start": {
                    "line": 3
                  },
                  "end": {
                    "line": 3
                  }
                }
              ]
            }
          }
        }
        """;
}
