using System.Collections.Immutable;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// The <c>->target</c> of a multi-platform step name when the step's environment has only some of the target
/// platform's args (v0.24.0's <c>platformFromEnv</c>: a <c>TARGETPLATFORM</c> that does not parse is skipped, the
/// other three fill a platform field each; <c>formatTargetPlatform</c>: a missing os or architecture is the step's,
/// then the platform is normalized and shown as <c>->arch[/variant]</c> on the same OS, whole on another).
/// </summary>
public sealed class TargetPlatformEnvTests
{
    private static string RunStep(string args, string target, ImmutableDictionary<string, string>? buildArgs = null, string from = "linux/amd64 alpine")
    {
        var dockerfile = $"FROM --platform={from}\nARG {args}\nRUN true\n";
        var options = TestConversion.Options with
        {
            TargetPlatform = LlbPlatform.Parse(target),
            PrefixPlatform = true,
            BuildArgs = buildArgs ?? ImmutableDictionary<string, string>.Empty,
        };
        return TestConversion.Convert(dockerfile, options).Definition.Definition.Metadata.Values
            .Select(m => m.Description.TryGetValue("llb.customname", out var name) ? name : "")
            .Single(n => n.EndsWith("RUN true", StringComparison.Ordinal));
    }

    [Fact]
    public void AnOsAloneTakesTheStepsArchitecture() =>
        Assert.Equal("[linux/amd64->windows/amd64 2/2] RUN true", RunStep("TARGETOS", "windows/arm64"));

    [Fact]
    public void AnOsAndVariantKeepTheVariantOnTheStepsArchitecture() =>
        Assert.Equal("[linux/amd64->windows/amd64/v7 2/2] RUN true", RunStep("TARGETOS TARGETVARIANT", "windows/arm/v7"));

    [Fact]
    public void AVariantAloneIsTheStepsOwnPlatform() =>
        Assert.Equal("[linux/amd64 2/2] RUN true", RunStep("TARGETVARIANT", "linux/arm/v7"));

    [Fact]
    public void ATargetPlatformThatDoesNotParseLeavesTheOtherArgs() =>
        Assert.Equal(
            "[linux/amd64->arm64 2/2] RUN true",
            RunStep("TARGETPLATFORM TARGETARCH", "linux/arm64", ImmutableDictionary<string, string>.Empty.Add("TARGETPLATFORM", "bogus")));

    [Fact]
    public void AnOsOnAnotherArchitectureIsShownWhole() =>
        Assert.Equal("[linux/amd64->windows/arm64 2/2] RUN true", RunStep("TARGETOS TARGETARCH", "windows/arm64"));

    [Fact]
    public void AnArchitectureAloneTakesTheStepsOsNotTheHosts() =>
        Assert.Equal("[windows/amd64->arm64 2/2] RUN true", RunStep("TARGETARCH", "windows/arm64", from: "windows/amd64 nanoserver"));
}
