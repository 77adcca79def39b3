using System.CommandLine;
using CSharpFrontend.Frontend.Cli;

namespace CSharpFrontend.Frontend.Tests;

/// <summary>
/// <c>lint</c>'s command line read without System.CommandLine (<see cref="SimpleCommandLine"/>): what it reads, it
/// reads as System.CommandLine does; everything else it leaves to System.CommandLine.
/// </summary>
public sealed class SimpleCommandLineTests
{
    public static TheoryData<string[]> SimpleForms() =>
    [
        ["lint"],
        ["lint", "Dockerfile"],
        ["lint", "-"],
        ["lint", "/abs/Dockerfile", "rel/Dockerfile.two"],
        ["lint", "--format", "json", "a"],
        ["lint", "a", "--format=sarif", "b"],
        ["lint", "--build-arg", "A=1", "--build-arg=B=2", "--build-arg", "C", "x"],
        ["lint", "--fail-on-warning", "a"],
        ["lint", "a", "--fail-on-warning"],
        ["lint", "--target", "t", "--platform", "linux/arm64", "--context", ".", "--image-metadata", "m.json", "f"],
        ["lint", "--target=a=b", "f"],
    ];

    [Theory]
    [MemberData(nameof(SimpleForms))]
    public void TheSimpleFormsReadAsSystemCommandLineReadsThem(string[] args)
    {
        var line = SimpleCommandLine.TryRead(args, 1, LintCommand.Simple.Options);
        Assert.NotNull(line);
        var command = LintCommand.Create();
        var root = new RootCommand { command };
        var parsed = root.Parse(args);
        Assert.Empty(parsed.Errors);
        foreach (var option in command.Options)
        {
            var spec = Assert.Single(LintCommand.Simple.Options, s => s.Name == option.Name);
            var given = parsed.GetResult(option) is { Implicit: false } result ? result : null;
            if (spec.TakesValue)
            {
                Assert.Equal(given?.Tokens.Select(t => t.Value) ?? [], line.Values(spec.Name));
            }
            else
            {
                Assert.Equal(given is not null, line.Flag(spec.Name));
            }
        }

        var files = Assert.Single(command.Arguments);
        Assert.Equal(parsed.GetResult(files)?.Tokens.Select(t => t.Value) ?? [], line.Arguments);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("/?")]
    [InlineData("/h")]
    [InlineData("--version")]
    [InlineData("--format", "xml")]
    [InlineData("--format", "json", "--format", "text")]
    [InlineData("--format:json")]
    [InlineData("--formats", "json")]
    [InlineData("--target", "--format", "json")]
    [InlineData("--target=")]
    [InlineData("--target", "-x")]
    [InlineData("--target", "")]
    [InlineData("--build-arg", "@args.txt")]
    [InlineData("--build-arg=@args.txt")]
    [InlineData("@response.rsp")]
    [InlineData("[diagram]")]
    [InlineData("--")]
    [InlineData("-x")]
    [InlineData("")]
    [InlineData("--fail-on-warning", "true")]
    [InlineData("--fail-on-warning", "False")]
    [InlineData("--fail-on-warning=true")]
    public void EverythingElseIsLeftToSystemCommandLine(params string[] rest)
    {
        Assert.Null(SimpleCommandLine.TryRead(["lint", .. rest, "Dockerfile"], 1, LintCommand.Simple.Options));
    }

    [Fact]
    public void AnOptionWithoutItsValueIsLeftToSystemCommandLine()
    {
        Assert.Null(SimpleCommandLine.TryRead(["lint", "Dockerfile", "--target"], 1, LintCommand.Simple.Options));
    }

    [Fact]
    public void TheSimpleFormsKnowEveryOptionOfTheCommandAsItIsDefined()
    {
        var command = LintCommand.Create();
        Assert.Equal(
            command.Options.Select(o => (o.Name, TakesValue: o.ValueType != typeof(bool), Repeatable: o.ValueType == typeof(string[]))).OrderBy(o => o.Name),
            LintCommand.Simple.Options.Select(o => (o.Name, o.TakesValue, o.Repeatable)).OrderBy(o => o.Name));
        Assert.All(command.Options, o => Assert.Empty(o.Aliases));
    }

    [Fact]
    public void AFormatOutsideTheAcceptedOnesIsSystemCommandLinesError()
    {
        var parsed = new RootCommand { LintCommand.Create() }.Parse(["lint", "--format", "xml"]);
        Assert.NotEmpty(parsed.Errors);
        var format = Assert.Single(LintCommand.Simple.Options, o => o.Name == "--format");
        Assert.Equal(["text", "json", "sarif"], format.Allowed!);
        foreach (var allowed in format.Allowed!)
        {
            Assert.Empty(new RootCommand { LintCommand.Create() }.Parse(["lint", "--format", allowed]).Errors);
        }
    }
}
