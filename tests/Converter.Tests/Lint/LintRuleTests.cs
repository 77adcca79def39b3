using System.Collections.Immutable;
using System.Text;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Lint;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests.Lint;

/// <summary>
/// Every rule: it fires (message and lines as BuildKit v0.24.0's <c>dockerfile2llb -lint</c> gives them for the
/// same Dockerfile, checked with the upstream binary), a fixed Dockerfile does not fire it, <c># check=skip=</c>
/// silences it, <c>error=true</c> turns it into the build error, and <c>BUILDKIT_DOCKERFILE_CHECK</c> wins over
/// the directive.
/// </summary>
public sealed class LintRuleTests
{
    /// <summary>A rule's example: the body (no directive), the directive options it needs, what fires, a clean body.</summary>
    public sealed record RuleCase(string Rule, string Body, string Check, string[] Details, int[] Lines, string Clean, string BuildArgs = "");

    private static readonly RuleCase[] All =
    [
        new("StageNameCasing", "FROM scratch AS Build\nCOPY . .\n", "", ["Stage name 'Build' should be lowercase"], [1], "FROM scratch AS build\nCOPY . .\n"),
        new("FromAsCasing", "FROM scratch as build\nCOPY . .\n", "", ["'as' and 'FROM' keywords' casing do not match"], [1], "FROM scratch AS build\nCOPY . .\n"),
        new("NoEmptyContinuation", "FROM scratch\nCOPY a \\\n\n  b /\n", "", ["Empty continuation line"], [4], "FROM scratch\nCOPY a \\\n  b /\n"),
        new("ConsistentInstructionCasing", "FROM scratch\ncopy a /\nCOPY b /\nCOPY c /\n", "", ["Command 'copy' should match the case of the command majority (uppercase)"], [2], "FROM scratch\nCOPY a /\n"),
        new("DuplicateStageName", "FROM scratch AS a\nFROM scratch AS a\nCOPY x /\n", "", ["Duplicate stage name \"a\", stage names should be unique"], [2], "FROM scratch AS a\nFROM scratch AS b\nCOPY x /\n"),
        new("ReservedStageName", "FROM scratch AS context\nCOPY x /\n", "", ["Stage name should not use the same name as reserved stage \"context\""], [1], "FROM scratch AS ctx\nCOPY x /\n"),
        new("JSONArgsRecommended", "FROM scratch\nCMD echo hi\n", "", ["JSON arguments recommended for CMD to prevent unintended behavior related to OS signals"], [2], "FROM scratch\nSHELL [\"/bin/sh\",\"-c\"]\nCMD echo hi\n"),
        new("MaintainerDeprecated", "FROM scratch\nMAINTAINER me\n", "", ["Maintainer instruction is deprecated in favor of using label"], [2], "FROM scratch\nLABEL org.opencontainers.image.authors=me\n"),
        new("UndefinedArgInFrom", "ARG TAG=1\nFROM busybox:${TAGG:-1}\n", "", ["FROM argument 'TAGG' is not declared (did you mean TAG?)"], [2], "ARG TAG=1\nFROM busybox:${TAG}\n"),
        new("WorkdirRelativePath", "FROM scratch\nWORKDIR app\n", "", ["Relative workdir \"app\" can have unexpected results if the base image changes"], [2], "FROM scratch\nWORKDIR /app\nWORKDIR sub\n"),
        new("UndefinedVar", "FROM scratch\nENV PATH=/bin\nCOPY $PAHT /x\n", "", ["Usage of undefined variable '$PAHT' (did you mean $PATH?)"], [3], "FROM scratch\nARG SRC\nCOPY $SRC /x\n"),
        new("MultipleInstructionsDisallowed", "FROM scratch\nCMD [\"a\"]\nCMD [\"b\"]\n", "", ["Multiple CMD instructions should not be used in the same stage because only the last one will be used"], [2], "FROM scratch\nCMD [\"a\"]\nFROM scratch\nCMD [\"b\"]\n"),
        new("LegacyKeyValueFormat", "FROM scratch\nENV A b\n", "", ["\"ENV key=value\" should be used instead of legacy \"ENV key value\" format"], [2], "FROM scratch\nENV A=b\n"),
        new("InvalidBaseImagePlatform", "FROM busybox\n", "", ["Base image busybox was pulled with platform \"linux\", expected \"linux/amd64\" for current build"], [1], "FROM scratch\n"),
        new("RedundantTargetPlatform", "FROM --platform=$TARGETPLATFORM scratch\nCOPY a /\n", "", ["Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior"], [1], "FROM --platform=$BUILDPLATFORM scratch\nCOPY a /\n"),
        new("SecretsUsedInArgOrEnv", "FROM scratch\nARG API_TOKEN\nENV DB_PASSWORD=x\n", "", ["Do not use ARG or ENV instructions for sensitive data (ARG \"API_TOKEN\")", "Do not use ARG or ENV instructions for sensitive data (ENV \"DB_PASSWORD\")"], [2, 3], "FROM scratch\nARG PUBLIC_KEY\nENV KEYBOARD=x\n"),
        new("InvalidDefaultArgInFrom", "ARG TAG\nFROM busybox:${TAG}\n", "", ["Default value for ARG busybox:${TAG} results in empty or invalid base image name"], [2], "ARG TAG=1\nFROM busybox:${TAG}\n", "TAG=1"),
        new("FromPlatformFlagConstDisallowed", "FROM --platform=linux/arm64 scratch AS build\nCOPY a /\n", "", ["FROM --platform flag should not use constant value \"linux/arm64\""], [1], "FROM --platform=linux/arm64 scratch AS build-arm64\nCOPY a /\n"),
        new("InvalidDefinitionDescription", "# the base\nFROM scratch AS base\n# version of it\nARG VERSION=1\n", "experimental=InvalidDefinitionDescription",
            ["Comment for FROM should follow the format: `# base <description>`", "Comment for ARG should follow the format: `# VERSION <description>`"], [2, 4],
            "# base is the base\nFROM scratch AS base\n# VERSION of it\nARG VERSION=1\n"),
        new("ExposeProtoCasing", "FROM scratch\nEXPOSE 80/TCP\n", "", ["Defined protocol '80/TCP' in EXPOSE instruction should be lowercase"], [2], "FROM scratch\nEXPOSE 80/tcp\n"),
        new("ExposeInvalidFormat", "FROM scratch\nEXPOSE 127.0.0.1:80:80\n", "", ["EXPOSE instruction should not define an IP address or host-port mapping, found '127.0.0.1:80:80'"], [2], "FROM scratch\nEXPOSE 80\n"),
    ];

    public static TheoryData<string> Rules() => [.. All.Select(c => c.Rule)];

    private static RuleCase Case(string rule) => All.Single(c => c.Rule == rule);

    private static bool Experimental(string rule) => LintRules.All.Single(r => r.Name == rule).Experimental;

    private static async Task<LintResult> LintAsync(string body, string check, string buildArgs, string? checkArg = null)
    {
        var text = check.Length > 0 ? "# check=" + check + "\n" + body : body;
        var args = buildArgs.Length == 0
            ? ImmutableDictionary<string, string>.Empty
            : buildArgs.Split(',').Select(a => a.Split('=', 2)).ToImmutableDictionary(a => a[0], a => a[1]);
        if (checkArg is not null)
        {
            args = args.SetItem("BUILDKIT_DOCKERFILE_CHECK", checkArg);
        }

        var options = new ConvertOptions
        {
            TargetPlatform = LlbPlatform.LinuxAmd64,
            BuildPlatforms = [LlbPlatform.LinuxAmd64],
            BuildArgs = args,
        };
        return await DockerfileLinter.LintAsync(Encoding.UTF8.GetBytes(text), "Dockerfile", options);
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : a + ";" + b;

    [Fact]
    public void EveryRuleOfTheRuleSetHasACase() =>
        Assert.Equal(LintRules.All.Select(r => r.Name).Where(n => n != "CopyIgnoredFile").Order(), All.Select(c => c.Rule).Order());

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Fires(string rule)
    {
        var c = Case(rule);
        var result = await LintAsync(c.Body, c.Check, c.BuildArgs);
        var offset = c.Check.Length > 0 ? 1 : 0;
        var fired = result.Sorted().Where(w => w.Rule.Name == rule).ToArray();
        Assert.Equal(c.Details, fired.Select(w => w.Detail));
        Assert.Equal(c.Lines.Select(l => l + offset), fired.Select(w => w.Ranges[0].StartLine));
        Assert.Null(result.Error);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task DoesNotFireOnTheFixedDockerfile(string rule)
    {
        var c = Case(rule);
        var result = await LintAsync(c.Clean, c.Check, c.BuildArgs);
        Assert.DoesNotContain(result.Warnings, w => w.Rule.Name == rule);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task SkippedByTheDirective(string rule)
    {
        var c = Case(rule);

        // An experimental rule runs only when enabled; skip= does not apply to it (as upstream's linter).
        var check = Experimental(rule) ? "" : Join(c.Check, "skip=" + rule);
        var result = await LintAsync(c.Body, check, c.BuildArgs);
        Assert.DoesNotContain(result.Warnings, w => w.Rule.Name == rule);
        var all = await LintAsync(c.Body, Join(c.Check, "skip=all"), c.BuildArgs);
        Assert.Equal(Experimental(rule), all.Warnings.Any(w => w.Rule.Name == rule));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task ErrorTrueFailsWithTheRule(string rule)
    {
        var c = Case(rule);
        var result = await LintAsync(c.Body, Join(c.Check, "error=true"), c.BuildArgs);
        var error = Assert.IsType<LintBuildError>(result.Error);
        Assert.StartsWith("lint violation found for rules: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(rule, error.Message["lint violation found for rules: ".Length..].Split(", "));
        Assert.Empty(error.Ranges);
        Assert.True(result.WarningsAreErrors);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task BuildArgWinsOverTheDirective(string rule)
    {
        var c = Case(rule);
        var skipped = Experimental(rule) ? "" : "skip=" + rule;

        // Directive enables (or does not skip), the build arg skips.
        var silenced = await LintAsync(c.Body, c.Check, c.BuildArgs, checkArg: skipped);
        Assert.DoesNotContain(silenced.Warnings, w => w.Rule.Name == rule);

        // Directive skips, the build arg (enabling) replaces it.
        var revived = await LintAsync(c.Body, Experimental(rule) ? "" : "skip=" + rule, c.BuildArgs, checkArg: c.Check.Length > 0 ? c.Check : "error=false");
        Assert.Contains(revived.Warnings, w => w.Rule.Name == rule);
    }

    [Fact]
    public async Task CopyIgnoredFileReportsSourcesTheDockerignoreExcludes()
    {
        // Experimental: only with the directive; the context's exclude patterns as moby/patternmatcher matches them
        // (a parent directory matching counts; a later ! exception wins; COPY --from and URLs are not checked).
        const string body = "FROM scratch AS other\nFROM scratch\nCOPY notes.md README.md secret/key ./\nCOPY --from=other notes.md /\nADD docs.md https://example.com/x.md /\n";
        var options = new ConvertOptions
        {
            TargetPlatform = LlbPlatform.LinuxAmd64,
            Excludes = ["*.md", "!README.md", "secret"],
        };
        var result = await DockerfileLinter.LintAsync(Encoding.UTF8.GetBytes("# check=experimental=CopyIgnoredFile\n" + body), "Dockerfile", options);
        var fired = result.Sorted().Where(w => w.Rule.Name == "CopyIgnoredFile").ToArray();
        Assert.Equal(
            [
                "Attempting to Copy file \"notes.md\" that is excluded by .dockerignore",
                "Attempting to Copy file \"secret/key\" that is excluded by .dockerignore",
                "Attempting to Add file \"docs.md\" that is excluded by .dockerignore",
            ],
            fired.Select(w => w.Detail));
        Assert.Equal([4, 4, 6], fired.Select(w => w.Ranges[0].StartLine));

        var off = await DockerfileLinter.LintAsync(Encoding.UTF8.GetBytes(body), "Dockerfile", options);
        Assert.DoesNotContain(off.Warnings, w => w.Rule.Name == "CopyIgnoredFile");
    }

    [Fact]
    public async Task ErrorFalseKeepsTheBuild()
    {
        var result = await LintAsync("FROM scratch as build\nCOPY . .\n", "error=false", "");
        Assert.Null(result.Error);
        Assert.Single(result.Warnings);
    }

    [Theory]
    [InlineData("skip", "failed to parse check options: invalid check option \"skip\"")]
    [InlineData("foo=bar", "failed to parse check options: invalid check option \"foo\"")]
    [InlineData("error=maybe", "failed to parse check options: failed to parse check option \"error=maybe\": strconv.ParseBool: parsing \"maybe\": invalid syntax")]
    public async Task InvalidDirectiveIsTheBuildError(string check, string message)
    {
        var result = await LintAsync("FROM scratch as build\n", check, "");
        Assert.Equal(message, result.Error?.Message);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task WarningsBeforeARejectedInstructionAreKept()
    {
        var result = await LintAsync("FROM scratch as build\nMAINTAINER me\nBADCMD x\n", "", "");
        Assert.Equal(["FromAsCasing", "MaintainerDeprecated"], result.Sorted().Select(w => w.Rule.Name));
        Assert.Equal("dockerfile parse error on line 3: unknown instruction: BADCMD", result.Error?.Message);
        Assert.Equal(3, Assert.Single(result.Error!.Ranges).StartLine);
    }

    [Fact]
    public async Task MultiLineInstructionIsOneRangePerLine()
    {
        var result = await LintAsync("FROM scratch\nENV A \\\n  b\n", "", "");
        var warning = Assert.Single(result.Warnings);
        Assert.Equal([2, 3], warning.Ranges.Select(r => r.StartLine));
        Assert.Equal([2, 3], warning.Ranges.Select(r => r.EndLine));
    }

    [Fact]
    public async Task WithoutATargetEveryStageIsChecked()
    {
        const string body = "FROM scratch AS a\nCMD echo a\nFROM scratch AS b\nCOPY x /\n";
        var all = await LintAsync(body, "", "");
        Assert.Contains(all.Warnings, w => w.Rule.Name == "JSONArgsRecommended");
        var options = new ConvertOptions { TargetPlatform = LlbPlatform.LinuxAmd64, Target = "b" };
        var targeted = await DockerfileLinter.LintAsync(Encoding.UTF8.GetBytes(body), "Dockerfile", options);
        Assert.DoesNotContain(targeted.Warnings, w => w.Rule.Name == "JSONArgsRecommended");
    }
}
