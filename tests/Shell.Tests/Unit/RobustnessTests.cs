using System.Diagnostics;
using System.Text;
using static CSharpFrontend.Shell.Tests.Unit.Expand;

namespace CSharpFrontend.Shell.Tests.Unit;

public sealed class RobustnessTests
{
    private const int OneMegabyte = 1 << 20;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    private static string Nested(string open, int depth, string inner, string close) =>
        new StringBuilder(open.Length * depth + inner.Length + close.Length * depth)
            .Insert(0, open, depth).Append(inner).Insert(open.Length * depth + inner.Length, close, depth).ToString();

    [Fact]
    public void NestingUpToTheLimitSucceeds()
    {
        string word = Nested("${a:-", ShellLexerOptions.DefaultMaxNestingDepth, "x", "}");
        Assert.Equal("x", Word(word));
    }

    [Fact]
    public void NestingBeyondTheLimitFails()
    {
        string word = Nested("${a:-", ShellLexerOptions.DefaultMaxNestingDepth + 1, "x", "}");
        var ex = Assert.Throws<ShellExpansionException>(() => Word(word));
        Assert.Equal("syntax error: substitutions nested more than 1000 levels deep", ex.Reason);
    }

    [Theory]
    [InlineData("${a:-", "}")]
    [InlineData("${a/", "/x}")]
    [InlineData("${a#", "}")]
    [InlineData("\"${a+", "}\"")]
    public void PathologicalNestingIsAnErrorNotACrash(string open, string close)
    {
        string closed = Nested(open, 200_000, "x", close);
        Assert.Contains("nested more than", Assert.Throws<ShellExpansionException>(() => Word(closed)).Reason);
        string unclosed = Nested(open, 200_000, "x", "");
        Assert.Contains("nested more than", Assert.Throws<ShellExpansionException>(() => Word(unclosed)).Reason);
    }

    [Fact]
    public void ConfigurableLimit()
    {
        var lexer = new ShellLexer('\\', new ShellLexerOptions { MaxNestingDepth = 2 });
        Assert.Equal("x", lexer.ProcessWord("${a:-${b:-x}}", ShellEnvironment.Empty).Value);
        Assert.Throws<ShellExpansionException>(() => lexer.ProcessWord("${a:-${b:-${c:-x}}}", ShellEnvironment.Empty));
    }

    [Fact]
    public void SmallStacksFailGracefully()
    {
        Exception? failure = null;
        string? value = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    value = Word(Nested("${a:-", 1000, "x", "}"));
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            },
            maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.True(value == "x" || failure is ShellExpansionException, failure?.ToString());
    }

    public static IEnumerable<object[]> LargeInputs()
    {
        yield return ["plain", Repeat("abc def ", OneMegabyte)];
        yield return ["references", Repeat("$A${B}x ", OneMegabyte)];
        yield return ["modifiers", Repeat("${U:-$A}${A:+y}${A#a} ", OneMegabyte)];
        yield return ["quotes", Repeat("'a b'\"c $A\"\\ ", OneMegabyte)];
        yield return ["escapes", Repeat("\\\\\\$\\ ", OneMegabyte)];
        yield return ["single-quoted", "'" + Repeat("x ", OneMegabyte) + "'"];
        yield return ["long name", "$" + Repeat("N", OneMegabyte)];
        yield return ["long default", "${U:-" + Repeat("w ", OneMegabyte) + "}"];
        yield return ["heredocs", Repeat("<< <", OneMegabyte)];
    }

    [Theory]
    [MemberData(nameof(LargeInputs))]
    public void OneMegabyteInputsRunInLinearTime(string name, string input)
    {
        var env = Env("A=a", "B=b");
        var clock = Stopwatch.StartNew();
        var word = Backslash.ProcessWord(input, env);
        var words = Backslash.ProcessWords(input, env);
        clock.Stop();
        Assert.True(clock.Elapsed < Budget, $"{name}: {clock.Elapsed}");
        Assert.NotNull(word.Value);
        Assert.NotNull(words.Words);
    }

    [Theory]
    [InlineData("${V##*/}", "/")]
    [InlineData("${V#*/}", "/")]
    [InlineData("${V%%/*}", "/")]
    [InlineData("${V%/*}", "/")]
    [InlineData("${V//a/b}", "a")]
    [InlineData("${V//?/b}", "a")]
    [InlineData("${V//a*/b}", "a")]
    [InlineData("${V/x/b}", "a")]
    [InlineData("${V//$E/-}", "a")]
    [InlineData("${V##*x}", "a")]
    public void OneMegabyteValuesInPatternOperations(string input, string unit)
    {
        string value = Repeat("a" + unit + "bc", OneMegabyte);
        var clock = Stopwatch.StartNew();
        string result = Word(input, "V=" + value, "E=");
        clock.Stop();
        Assert.True(clock.Elapsed < Budget, $"{input}: {clock.Elapsed}");
        Assert.NotNull(result);
    }

    [Fact]
    public void EveryPrefixOfATrickyWordEitherExpandsOrFailsCleanly()
    {
        const string word = "a'b'\"c$A\\\"${A:-${B#*\\}}}\"${A/a/\\/}${A//?/$R}${A%%x}\\\\${A:?m}${U-${U+x}}<< e";
        var env = Env("A=a", "B=b}", "R=$0$");
        for (int length = 0; length <= word.Length; length++)
        {
            string prefix = word[..length];
            if (!Backslash.TryProcessWord(prefix, env, out _, out var error))
            {
                Assert.False(string.IsNullOrEmpty(error.Reason));
            }

            Backslash.TryProcessWords(prefix, env, out _, out _);
        }
    }

    [Fact]
    public void RandomInputsNeverThrowUnexpectedExceptions()
    {
        var random = new Random(1234);
        const string alphabet = "ab $${}{}:-+?#%/*\\'\"`<\n\t한😀\uFEFF\uD800";
        var env = Env("a=x y", "b=", "ab=*");
        var backtick = new ShellLexer('`');
        for (int i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder();
            int length = random.Next(0, 24);
            for (int j = 0; j < length; j++)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }

            string input = text.ToString();
            foreach (var lexer in new[] { Backslash, backtick })
            {
                lexer.TryProcessWord(input, env, out _, out _);
                lexer.TryProcessWords(input, env, out _, out _);
            }
        }
    }

    private static string Repeat(string unit, int totalLength)
    {
        var builder = new StringBuilder(totalLength + unit.Length);
        while (builder.Length < totalLength)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }
}
