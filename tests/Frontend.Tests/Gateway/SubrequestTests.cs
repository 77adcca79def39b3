using System.Text;
using Moby.Buildkit.V1.Frontend;
using static CSharpFrontend.Frontend.Tests.Gateway.GatewayHarness;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>
/// The <c>requestid</c> subrequests against the fake bridge. The expected JSON and tables are written out by hand from
/// BuildKit v0.11.6's definitions (frontend/subrequests/*.go, builder/subrequests.go), its structs' JSON tags
/// (<c>json.MarshalIndent(v, "", "  ")</c>) and its tabwriter settings, not taken from this frontend's output.
/// </summary>
public sealed class SubrequestTests
{
    private const string Stages = "# build compiles the app\nFROM alpine AS build\nRUN true\n\nFROM --platform=$BUILDPLATFORM scratch\nCOPY --from=build / /\n";

    private const string Needs =
        "# VERSION the release to build\nARG VERSION=1.0\n# build compiles the app\nFROM alpine AS build\nARG VERSION\nARG LEVEL=3\n" +
        "RUN --mount=type=secret,id=token,required=true --mount=type=ssh echo $VERSION\n";

    [Fact]
    public async Task DescribeListsTheSubrequestsAsUpstream()
    {
        var bridge = WithDockerfile(Stages);
        var run = await RunAsync(bridge, [Opt("requestid", "frontend.subrequests.describe"), Opt("frontend.caps", "moby.buildkit.frontend.subrequests")]);

        var result = Returned(run, bridge);
        Assert.Equal(["result.json", "result.txt", "version"], result.Metadata.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("1.0.0", result.Metadata["version"].ToStringUtf8());
        Assert.Equal(
            """
            [
              {
                "name": "frontend.outline",
                "version": "1.0.0",
                "type": "rpc",
                "description": "List all parameters current build target supports",
                "opts": [
                  {
                    "name": "target",
                    "description": "Target build stage"
                  }
                ],
                "inputs": null,
                "metadata": [
                  {
                    "name": "result.json",
                    "description": ""
                  },
                  {
                    "name": "result.txt",
                    "description": ""
                  }
                ],
                "refs": null
              },
              {
                "name": "frontend.targets",
                "version": "1.0.0",
                "type": "rpc",
                "description": "List all targets current build supports",
                "opts": [],
                "inputs": null,
                "metadata": [
                  {
                    "name": "result.json",
                    "description": ""
                  },
                  {
                    "name": "result.txt",
                    "description": ""
                  }
                ],
                "refs": null
              },
              {
                "name": "frontend.subrequests.describe",
                "version": "1.0.0",
                "type": "rpc",
                "description": "List available subrequest types",
                "opts": null,
                "inputs": null,
                "metadata": [
                  {
                    "name": "result.json",
                    "description": ""
                  },
                  {
                    "name": "result.txt",
                    "description": ""
                  }
                ],
                "refs": null
              }
            ]
            """,
            result.Metadata["result.json"].ToStringUtf8());
        Assert.Equal(
            "NAME                 VERSION DESCRIPTION\n" +
            "outline              1.0.0   List all parameters current build target supports\n" +
            "targets              1.0.0   List all targets current build supports\n" +
            "subrequests.describe 1.0.0   List available subrequest types\n",
            result.Metadata["result.txt"].ToStringUtf8());

        // Only the Dockerfile loads: no conversion (so no .dockerignore, read when a conversion asks for it, as v0.24.0's
        // DockerIgnorePatterns), no image lookup, no build.
        Assert.Single(bridge.Solves);
        Assert.Empty(bridge.Resolves);
    }

    [Fact]
    public async Task TargetsListsTheStagesAsUpstream()
    {
        var bridge = WithDockerfile(Stages);
        var run = await RunAsync(bridge, [Opt("requestid", "frontend.targets")]);

        var result = Returned(run, bridge);
        Assert.Equal("1.0.0", result.Metadata["version"].ToStringUtf8());
        Assert.Equal(
            $$"""
            {
              "targets": [
                {
                  "name": "build",
                  "description": "compiles the app",
                  "base": "alpine",
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
                },
                {
                  "default": true,
                  "base": "scratch",
                  "platform": "$BUILDPLATFORM",
                  "location": {
                    "ranges": [
                      {
                        "start": {
                          "line": 5
                        },
                        "end": {
                          "line": 5
                        }
                      }
                    ]
                  }
                }
              ],
              "sources": [
                "{{Convert.ToBase64String(Encoding.UTF8.GetBytes(Stages))}}"
              ]
            }
            """,
            result.Metadata["result.json"].ToStringUtf8());
        Assert.Equal("TARGET    DESCRIPTION\nbuild     compiles the app\n(default) \n", result.Metadata["result.txt"].ToStringUtf8());
        Assert.Single(bridge.Solves);
        Assert.Empty(bridge.Resolves);
    }

    [Fact]
    public async Task TargetsOfAFileWithoutStagesIsNull()
    {
        var bridge = WithDockerfile("ARG A=1\n");
        var run = await RunAsync(bridge, [Opt("requestid", "frontend.targets")]);

        var result = Returned(run, bridge);
        Assert.Equal($"{{\n  \"targets\": null,\n  \"sources\": [\n    \"{Convert.ToBase64String(Encoding.UTF8.GetBytes("ARG A=1\n"))}\"\n  ]\n}}", result.Metadata["result.json"].ToStringUtf8());
        Assert.Equal("TARGET DESCRIPTION\n", result.Metadata["result.txt"].ToStringUtf8());
    }

    [Fact]
    public async Task OutlineListsArgsSecretsAndSshAsUpstream()
    {
        var bridge = WithDockerfile(Needs);
        var run = await RunAsync(bridge, [Opt("requestid", "frontend.outline")]);

        var result = Returned(run, bridge);
        Assert.Equal("1.0.0", result.Metadata["version"].ToStringUtf8());
        Assert.Equal(
            $$"""
            {
              "name": "build",
              "description": "compiles the app",
              "args": [
                {
                  "name": "VERSION",
                  "description": "the release to build",
                  "value": "1.0",
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
                },
                {
                  "name": "LEVEL",
                  "value": "3",
                  "location": {
                    "ranges": [
                      {
                        "start": {
                          "line": 6
                        },
                        "end": {
                          "line": 6
                        }
                      }
                    ]
                  }
                }
              ],
              "secrets": [
                {
                  "name": "token",
                  "required": true,
                  "location": {
                    "ranges": [
                      {
                        "start": {
                          "line": 7
                        },
                        "end": {
                          "line": 7
                        }
                      }
                    ]
                  }
                }
              ],
              "ssh": [
                {
                  "name": "default",
                  "location": {
                    "ranges": [
                      {
                        "start": {
                          "line": 7
                        },
                        "end": {
                          "line": 7
                        }
                      }
                    ]
                  }
                }
              ],
              "sources": [
                "{{Convert.ToBase64String(Encoding.UTF8.GetBytes(Needs))}}"
              ]
            }
            """,
            result.Metadata["result.json"].ToStringUtf8());
        Assert.Equal(
            "TARGET:      build\nDESCRIPTION: compiles the app\n\n" +
            "BUILD ARG   VALUE   DESCRIPTION\nVERSION     1.0     the release to build\nLEVEL       3       \n\n" +
            "SECRET   REQUIRED\ntoken    true\n\n" +
            "SSH       REQUIRED\ndefault   \n\n",
            result.Metadata["result.txt"].ToStringUtf8());

        // The base image is looked up (as upstream's dispatch does) but nothing beyond the Dockerfile is solved.
        Assert.Equal(2, bridge.Solves.Count);
        Assert.Single(bridge.Resolves);
    }

    [Fact]
    public async Task OutlineFollowsTargetAndBuildArgs()
    {
        var bridge = WithDockerfile("ARG A=1\nFROM alpine AS one\nARG A\nFROM alpine AS two\nARG B=2\n");
        var run = await RunAsync(bridge, [Opt("requestid", "frontend.outline"), Opt("target", "one"), Opt("build-arg:A", "given")]);

        var json = Returned(run, bridge).Metadata["result.json"].ToStringUtf8();
        Assert.Contains("\"name\": \"one\"", json, StringComparison.Ordinal);
        Assert.Contains("\"value\": \"given\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"B\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutlineSendsTheParserWarnings()
    {
        var bridge = WithDockerfile("FROM alpine\nRUN echo \\\n\n  hi\n");
        var run = await RunAsync(bridge, [Opt("requestid", "frontend.outline")]);

        Returned(run, bridge);
        Assert.Single(bridge.Warnings);
    }

    [Fact]
    public async Task SubrequestErrorsCarryTheDockerfileLocation()
    {
        var bridge = WithDockerfile("FROM alpine\nBOGUS x\n");
        var run = await RunAsync(bridge, [Opt("requestid", "frontend.targets")]);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(bridge.Returns).Error;
        Assert.Contains("BOGUS", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("github.com/moby/buildkit/errdefs.Source+json", Assert.Single(error.Details).TypeUrl);
    }

    /// <summary>
    /// v0.24's dockerui reads SOURCE_DATE_EPOCH and BUILDKIT_DOCKERFILE_CHECK with the other options, before any
    /// request is answered or the Dockerfile read: buildctl printed these errors on buildkitd v0.24.0 for describe,
    /// outline and a Dockerfile that does not exist.
    /// </summary>
    [Theory]
    [InlineData("frontend.subrequests.describe", "build-arg:SOURCE_DATE_EPOCH", "soon", "invalid SOURCE_DATE_EPOCH: soon: strconv.ParseInt: parsing \"soon\": invalid syntax")]
    [InlineData("frontend.subrequests.describe", "build-arg:BUILDKIT_DOCKERFILE_CHECK", "bogus", "failed to parse build-arg:BUILDKIT_DOCKERFILE_CHECK: invalid check option \"bogus\"")]
    [InlineData("frontend.outline", "build-arg:BUILDKIT_DOCKERFILE_CHECK", "bogus", "failed to parse build-arg:BUILDKIT_DOCKERFILE_CHECK: invalid check option \"bogus\"")]
    [InlineData(null, "build-arg:SOURCE_DATE_EPOCH", "soon", "invalid SOURCE_DATE_EPOCH: soon: strconv.ParseInt: parsing \"soon\": invalid syntax")]
    public async Task TheEpochAndTheChecksAreReadBeforeAnyRequestOrTheDockerfile(string? request, string key, string value, string message)
    {
        var bridge = WithDockerfile(Stages);
        var run = await RunAsync(bridge, request is null ? [Opt("filename", "Missing"), Opt(key, value)] : [Opt("requestid", request), Opt(key, value)]);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(message, Assert.Single(bridge.Returns).Error.Message);
    }

    [Fact]
    public async Task InTheV011ProfileDescribeIsAnsweredBeforeSourceDateEpochIsReadButOutlineAfter()
    {
        // v0.11.6's build.go: checkSubRequest (describe) runs before parseSourceDateEpoch; outline and targets after it.
        var bad = Opt("build-arg:SOURCE_DATE_EPOCH", "soon");
        var compat = Opt("build-arg:CSHARP_FRONTEND_COMPAT", "v0.11");
        var describe = WithDockerfile(Stages);
        var described = await RunAsync(describe, [Opt("requestid", "frontend.subrequests.describe"), bad, compat]);
        Assert.True(described.ExitCode == 0, Assert.Single(describe.Returns).Error?.Message);

        var outline = WithDockerfile(Stages);
        var run = await RunAsync(outline, [Opt("requestid", "frontend.outline"), bad, compat]);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("invalid SOURCE_DATE_EPOCH: soon: strconv.ParseInt: parsing \"soon\": invalid syntax", Assert.Single(outline.Returns).Error.Message);
    }

    [Fact]
    public async Task DaemonsWithoutReturnGetTheMetadataAsExporterAttributes()
    {
        var bridge = WithDockerfile(Stages);
        bridge.Caps = FakeBridge.AllCaps.Where(c => c != "return").ToList();
        var run = await RunAsync(bridge, [Opt("requestid", "frontend.targets")]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        var final = bridge.Solves.ToArray()[^1];
        Assert.True(final.Final);
        Assert.Empty(final.Definition.Def);
        using var attrs = System.Text.Json.JsonDocument.Parse(final.ExporterAttr.Memory);
        Assert.Equal("1.0.0", Encoding.UTF8.GetString(attrs.RootElement.GetProperty("version").GetBytesFromBase64()));
        Assert.StartsWith("TARGET", Encoding.UTF8.GetString(attrs.RootElement.GetProperty("result.txt").GetBytesFromBase64()), StringComparison.Ordinal);
    }

    private static Result Returned(Frontend.Gateway.GatewayRunResult run, FakeBridge bridge)
    {
        Assert.True(run.ExitCode == 0, run.Error?.Message);
        var returned = Assert.Single(bridge.Returns);
        Assert.Null(returned.Error);
        Assert.Equal(Result.ResultOneofCase.Ref, returned.Result.ResultCase);
        Assert.Equal("", returned.Result.Ref.Id);
        Assert.Null(returned.Result.Ref.Def);
        return returned.Result;
    }
}
