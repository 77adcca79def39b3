using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// Step names when several platforms are built (v0.24.0's <c>prefixCommand</c> with <c>MultiPlatformRequested</c>):
/// <c>[platform stage i/n]</c>, the platform as containerd's <c>FormatAll</c> writes it (with an OS version). FROM,
/// WORKDIR and COPY show the stage's platform as <c>FROM --platform</c> gave it; RUN shows its state's, which is
/// normalized. A step whose environment has <c>TARGETPLATFORM</c> (or <c>TARGETOS</c>/<c>TARGETARCH</c>/
/// <c>TARGETVARIANT</c>) for another platform adds <c>->arch[/variant]</c> (same OS) or <c>->os/arch</c> (another
/// OS), normalized (<c>formatTargetPlatform</c>): <c>ARG TARGETARCH</c> alone for linux/arm/v7 is <c>->arm/v7</c>.
/// The step names without their platform are the corpus's (checked against <c>dockerfile2llb</c>).
/// </summary>
public sealed class PlatformPrefixTests
{
    private static ConvertOptions MultiPlatform(string target) =>
        TestConversion.Options with { TargetPlatform = LlbPlatform.Parse(target), PrefixPlatform = true };

    private static string[] StepNames(string dockerfile, ConvertOptions options) =>
        [.. TestConversion.Convert(dockerfile, options).Definition.Definition.Metadata.Values
            .Select(m => m.Description.TryGetValue("llb.customname", out var name) ? name : null)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void ACrossBuildShowsTheTargetAfterTheBuildPlatform()
    {
        const string dockerfile =
            "FROM --platform=$BUILDPLATFORM alpine AS build\nARG TARGETARCH\nRUN echo $TARGETARCH\nWORKDIR /src\n" +
            "FROM --platform=linux/arm alpine\nCOPY --from=build /src /src\nRUN true\n";
        Assert.Equal(
            [
                "[linux/amd64 build 1/3] FROM docker.io/library/alpine:latest",
                "[linux/amd64->arm/v7 build 2/3] RUN echo arm",
                "[linux/amd64->arm/v7 build 3/3] WORKDIR /src",
                "[linux/arm stage-1 1/3] FROM docker.io/library/alpine:latest",
                "[linux/arm stage-1 2/3] COPY --from=build /src /src",
                "[linux/arm/v7 stage-1 3/3] RUN true",
            ],
            StepNames(dockerfile, MultiPlatform("linux/arm/v7")));
    }

    [Fact]
    public void AnotherOsIsShownWhole()
    {
        const string dockerfile = "FROM --platform=linux/amd64 alpine\nARG TARGETPLATFORM\nRUN true\n";
        Assert.Equal(
            ["[linux/amd64 1/2] FROM docker.io/library/alpine:latest", "[linux/amd64->windows/amd64 2/2] RUN true"],
            StepNames(dockerfile, MultiPlatform("windows/amd64")));
    }

    [Fact]
    public void TheTargetItselfAddsNothing()
    {
        const string dockerfile = "FROM alpine\nARG TARGETPLATFORM\nARG TARGETOS TARGETARCH\nRUN true\nCOPY a /a\n";
        Assert.Equal(
            [
                "[internal] load build context",
                "[linux/arm64 1/3] FROM docker.io/library/alpine:latest",
                "[linux/arm64 2/3] RUN true",
                "[linux/arm64 3/3] COPY a /a",
            ],
            StepNames(dockerfile, MultiPlatform("linux/arm64")));
    }

    [Fact]
    public void AnOsVersionIsPartOfThePlatform()
    {
        const string dockerfile = "FROM --platform=windows(10.0.17763)/amd64 nanoserver\nRUN dir\n";
        Assert.Equal(
            ["[windows(10.0.17763)/amd64 1/2] FROM docker.io/library/nanoserver:latest", "[windows(10.0.17763)/amd64 2/2] RUN dir"],
            StepNames(dockerfile, MultiPlatform("linux/amd64")));
    }

    [Fact]
    public void OneTargetPlatformHasNoPrefix()
    {
        const string dockerfile = "FROM --platform=linux/arm alpine\nARG TARGETARCH\nRUN true\n";
        Assert.Equal(
            ["[1/2] FROM docker.io/library/alpine:latest", "[2/2] RUN true"],
            StepNames(dockerfile, TestConversion.Options with { TargetPlatform = LlbPlatform.Parse("linux/arm64") }));
    }
}
