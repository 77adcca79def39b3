using CSharpFrontend.Parser.Flags;

namespace CSharpFrontend.Parser.Tests.Flags;

/// <summary>
/// Instruction flags as BuildKit v0.24.0's <c>BFlags</c> (frontend/dockerfile/instructions/bflag.go) parses them:
/// <c>--</c> ends the flags, a word must start with <c>--</c>, the value is what follows the first <c>=</c>, a
/// boolean is <c>true</c>/<c>false</c> in any case or bare, only a repeatable flag may be given twice; the texts are
/// bflag.go's (the flag as written, <c>--name</c>; v0.11.6 names it bare).
/// </summary>
public sealed class BuildFlagsTests
{
    private sealed class Sink : IFlagErrorSink
    {
        public Exception FlagError(string message) => new InvalidOperationException(message);
    }

    private static BuildFlags Flags(bool legacy, params string[] args) =>
        new BuildFlags(args, new Sink(), legacy).AddBool("link").AddBool("always", def: true).AddString("from").AddString("network", "default").AddStrings("mount");

    private static BuildFlags Parsed(params string[] args)
    {
        var flags = Flags(false, args);
        flags.Parse();
        return flags;
    }

    private static string Error(bool legacy, params string[] args) =>
        Assert.Throws<InvalidOperationException>(Flags(legacy, args).Parse).Message;

    [Fact]
    public void WithoutArgumentsTheDefaultsStand()
    {
        var flags = Parsed();
        Assert.False(flags.Bool("link"));
        Assert.True(flags.Bool("always"));
        Assert.Equal("", flags.String("from"));
        Assert.Equal("default", flags.String("network"));
        Assert.Empty(flags.Strings("mount"));
        Assert.Empty(flags.Used);
        Assert.False(flags.IsUsed("link"));
    }

    [Fact]
    public void UndefinedNamesReadAsEmpty()
    {
        var flags = Parsed("--link");
        Assert.False(flags.Bool("nope"));
        Assert.Equal("", flags.String("nope"));
        Assert.Empty(flags.Strings("nope"));
        Assert.False(flags.IsUsed("nope"));
    }

    [Theory]
    [InlineData("--link", true)]
    [InlineData("--link=true", true)]
    [InlineData("--link=TRUE", true)]
    [InlineData("--link=True", true)]
    [InlineData("--link=false", false)]
    [InlineData("--link=FALSE", false)]
    [InlineData("--link=fAlSe", false)]
    public void BooleansAreTrueFalseInAnyCaseOrBare(string arg, bool value)
    {
        var flags = Parsed(arg);
        Assert.Equal(value, flags.Bool("link"));
        Assert.True(flags.IsUsed("link"));
        Assert.Equal(["link"], flags.Used);
    }

    [Fact]
    public void ABooleanDefaultingToTrueCanBeTurnedOff()
    {
        Assert.False(Parsed("--always=false").Bool("always"));
        Assert.True(Parsed("--always").Bool("always"));
    }

    [Fact]
    public void AValueIsEverythingAfterTheFirstEqualsSign()
    {
        Assert.Equal("a=b", Parsed("--from=a=b").String("from"));
        Assert.Equal("", Parsed("--from=").String("from"));
        Assert.Equal("host", Parsed("--network=host").String("network"));
    }

    [Fact]
    public void ARepeatableFlagKeepsEveryValueInOrder()
    {
        var flags = Parsed("--mount=a", "--link", "--mount=", "--mount=b=c");
        Assert.Equal(["a", "", "b=c"], flags.Strings("mount"));
        Assert.Equal(["mount", "link"], flags.Used.Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public void DoubleDashEndsTheFlags()
    {
        var flags = Parsed("--link", "--", "--from=x", "bogus");
        Assert.True(flags.Bool("link"));
        Assert.Equal("", flags.String("from"));
        Assert.Empty(Parsed("--", "--link").Used);
    }

    [Theory]
    [InlineData(new[] { "-link" }, "arg should start with -- : -link", "arg should start with -- : -link")]
    [InlineData(new[] { "--link", "x" }, "arg should start with -- : x", "arg should start with -- : x")]
    [InlineData(new[] { "--bogus" }, "unknown flag: --bogus", "unknown flag: bogus")]
    [InlineData(new[] { "--=x" }, "unknown flag: --", "unknown flag: ")]
    [InlineData(new[] { "--frm=a" }, "unknown flag: --frm (did you mean from?)", "unknown flag: frm (did you mean from?)")]
    [InlineData(new[] { "--Link" }, "unknown flag: --Link (did you mean link?)", "unknown flag: Link (did you mean link?)")]
    [InlineData(new[] { "--from=a", "--from=b" }, "duplicate flag specified: --from", "duplicate flag specified: from")]
    [InlineData(new[] { "--link", "--link=false" }, "duplicate flag specified: --link", "duplicate flag specified: link")]
    [InlineData(new[] { "--link=" }, "missing a value on flag: --link", "missing a value on flag: link")]
    [InlineData(new[] { "--link=yes" }, "expecting boolean value for flag --link, not: yes", "expecting boolean value for flag link, not: yes")]
    [InlineData(new[] { "--link=1" }, "expecting boolean value for flag --link, not: 1", "expecting boolean value for flag link, not: 1")]
    [InlineData(new[] { "--from" }, "missing a value on flag: --from", "missing a value on flag: from")]
    [InlineData(new[] { "--mount" }, "missing a value on flag: --mount", "missing a value on flag: mount")]
    [InlineData(new[] { "--mount=a", "--mount" }, "missing a value on flag: --mount", "missing a value on flag: mount")]
    public void ErrorsAsBflagsWordsThem(string[] args, string current, string legacy)
    {
        Assert.Equal(current, Error(false, args));
        Assert.Equal(legacy, Error(true, args));
    }
}
