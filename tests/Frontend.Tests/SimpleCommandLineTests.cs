using System.CommandLine;
using CSharpFrontend.Frontend.Cli;

namespace CSharpFrontend.Frontend.Tests;

/// <summary>
/// <c>lint</c>'s and <c>translate</c>'s command lines read without System.CommandLine (<see cref="SimpleCommandLine"/>):
/// what it reads, it reads as System.CommandLine does; everything else it leaves to System.CommandLine.
/// </summary>
public sealed class SimpleCommandLineTests
{
    private static (Command Command, SimpleCommand Simple) Of(string name) => name switch
    {
        "lint" => (LintCommand.Create(), LintCommand.Simple),
        _ => (TranslateCommand.Create(), TranslateCommand.Simple),
    };

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
        ["translate"],
        ["translate", "Dockerfile"],
        ["translate", "-o", "def.pb", "Dockerfile"],
        ["translate", "Dockerfile", "--output", "def.pb", "--format", "json"],
        ["translate", "--platform", "linux/arm64", "--build-arg", "VERSION=2", "--label", "a=b", "--build-context", "x=docker-image://busybox", "-"],
        ["translate", "--context", ".", "--image-metadata", "m.json", "--image-config", "c.json", "--local-unique-id", "u", "f"],
        ["translate", "--compat", "v0.11", "f"],
        ["translate", "--compat=0.11.6", "--target", "build", "f"],
    ];

    [Theory]
    [MemberData(nameof(SimpleForms))]
    public void TheSimpleFormsReadAsSystemCommandLineReadsThem(string[] args)
    {
        var (command, simple) = Of(args[0]);
        var line = SimpleCommandLine.TryRead(args, 1, simple);
        Assert.NotNull(line);
        var parsed = new RootCommand { command }.Parse(args);
        Assert.Empty(parsed.Errors);
        foreach (var option in command.Options)
        {
            var spec = Assert.Single(simple.Options, s => s.Name == option.Name);
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

        var argument = Assert.Single(command.Arguments);
        Assert.Equal(parsed.GetResult(argument)?.Tokens.Select(t => t.Value) ?? [], line.Arguments);
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
        Assert.Null(SimpleCommandLine.TryRead(["lint", .. rest, "Dockerfile"], 1, LintCommand.Simple));
    }

    [Theory]
    [InlineData("Dockerfile", "Dockerfile.two")]
    [InlineData("-oFILE", "Dockerfile")]
    [InlineData("-o=FILE", "Dockerfile")]
    [InlineData("-o", "a", "-o", "b", "Dockerfile")]
    [InlineData("--compat", "v0.5", "Dockerfile")]
    [InlineData("--format", "text", "Dockerfile")]
    [InlineData("--fail-on-warning", "Dockerfile")]
    public void TranslatesOtherFormsAreLeftToSystemCommandLine(params string[] rest)
    {
        Assert.Null(SimpleCommandLine.TryRead(["translate", .. rest], 1, TranslateCommand.Simple));
    }

    [Fact]
    public void AnOptionWithoutItsValueIsLeftToSystemCommandLine()
    {
        Assert.Null(SimpleCommandLine.TryRead(["lint", "Dockerfile", "--target"], 1, LintCommand.Simple));
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("translate")]
    public void TheSimpleFormsKnowEveryOptionOfTheCommandAsItIsDefined(string name)
    {
        var (command, simple) = Of(name);
        Assert.Equal(
            command.Options.Select(o => (o.Name, TakesValue: o.ValueType != typeof(bool), Repeatable: o.ValueType == typeof(string[]), Alias: o.Aliases.SingleOrDefault())).OrderBy(o => o.Name),
            simple.Options.Select(o => (o.Name, o.TakesValue, o.Repeatable, o.Alias)).OrderBy(o => o.Name));
        Assert.Equal(command.Arguments.Single().Arity.MaximumNumberOfValues, Math.Min(simple.MaxArguments, 100_000));
    }

    [Theory]
    [InlineData("lint", "text", "json", "sarif")]
    [InlineData("translate", "pb", "json", "dot")]
    public void TheFormatsAcceptedAreSystemCommandLinesOwn(string name, params string[] formats)
    {
        var format = Assert.Single(Of(name).Simple.Options, o => o.Name == "--format");
        Assert.Equal(formats, format.Allowed!);
        Assert.NotEmpty(new RootCommand { Of(name).Command }.Parse([name, "--format", "xml"]).Errors);
        foreach (var allowed in formats)
        {
            Assert.Empty(new RootCommand { Of(name).Command }.Parse([name, "--format", allowed]).Errors);
        }
    }

    [Theory]
    [InlineData("v0.24", true)]
    [InlineData("0.11.6", true)]
    [InlineData("V0.11", true)]
    [InlineData("v0.5", false)]
    [InlineData("", false)]
    public void TheCompatValuesAcceptedAreSystemCommandLinesOwn(string value, bool accepted)
    {
        var compat = Assert.Single(TranslateCommand.Simple.Options, o => o.Name == "--compat");
        Assert.Equal(accepted, compat.Accepts!(value));
        Assert.Equal(accepted, new RootCommand { TranslateCommand.Create() }.Parse(["translate", "--compat", value]).Errors.Count == 0);
    }
}
