using static CSharpFrontend.Shell.Tests.Unit.Expand;

namespace CSharpFrontend.Shell.Tests.Unit;

public sealed class ModifierTests
{
    [Theory]
    [InlineData("$A", "a")]
    [InlineData("${A}", "a")]
    [InlineData("x$A.y", "xa.y")]
    [InlineData("$A_B", "")]
    [InlineData("${U}", "")]
    [InlineData("$", "$")]
    [InlineData("$.", "$.")]
    [InlineData("$1x", "x")]
    [InlineData("$0x", "x")]
    [InlineData("$@@", "@")]
    [InlineData("${#}", "")]
    [InlineData("$A한 ${A한}", " ")]
    [InlineData("$𝐀", "bold")]
    public void PlainReferences(string input, string expected) => Assert.Equal(expected, Word(input, "A=a", "E=", "𝐀=bold"));

    [Theory]
    [InlineData("${A-w}", "a")]
    [InlineData("${E-w}", "")]
    [InlineData("${U-w}", "w")]
    [InlineData("${A:-w}", "a")]
    [InlineData("${E:-w}", "w")]
    [InlineData("${U:-w}", "w")]
    [InlineData("${A+w}", "w")]
    [InlineData("${E+w}", "w")]
    [InlineData("${U+w}", "")]
    [InlineData("${A:+w}", "w")]
    [InlineData("${E:+w}", "")]
    [InlineData("${U:+w}", "")]
    [InlineData("${A?w}", "a")]
    [InlineData("${E?w}", "")]
    [InlineData("${A:?w}", "a")]
    [InlineData("${U:-${A:+<$A>}}", "<a>")]
    [InlineData("${U:-'}'}", "}")]
    [InlineData("${U:-a b  c}", "a b  c")]
    [InlineData("${U:-\\}}", "}")]
    public void DefaultAlternativeAndRequired(string input, string expected) =>
        Assert.Equal(expected, Word(input, "A=a", "E="));

    [Theory]
    [InlineData("${U?}", "U: is not allowed to be unset")]
    [InlineData("${U:?}", "U: is not allowed to be unset")]
    [InlineData("${E:?}", "E: is not allowed to be empty")]
    [InlineData("${U?need $A}", "U: need a")]
    [InlineData("${E:?need $A}", "E: need a")]
    public void RequiredFailures(string input, string reason) => Assert.Equal(reason, Reason(input, "A=a", "E="));

    [Theory]
    [InlineData("${P#*/}", "b/c.tar.gz")]
    [InlineData("${P##*/}", "c.tar.gz")]
    [InlineData("${P%.*}", "a/b/c.tar")]
    [InlineData("${P%%.*}", "a/b/c")]
    [InlineData("${P#a?b}", "/c.tar.gz")]
    [InlineData("${P#x}", "a/b/c.tar.gz")]
    [InlineData("${P#}", "a/b/c.tar.gz")]
    [InlineData("${P%}", "a/b/c.tar.gz")]
    [InlineData("${P##}", "a/b/c.tar.gz")]
    [InlineData("${P#*}", "a/b/c.tar.gz")]
    [InlineData("${P##*}", "")]
    [InlineData("${P%%*}", "")]
    [InlineData("${P%*}", "a/b/c.tar.gz")]
    [InlineData("${U#*}", "")]
    [InlineData("${P#$A}", "/b/c.tar.gz")]
    [InlineData("${P#$S}", "a/b/c.tar.gz")]
    public void PrefixAndSuffixRemoval(string input, string expected) =>
        Assert.Equal(expected, Word(input, "P=a/b/c.tar.gz", "A=a", "S=*"));

    [Theory]
    [InlineData("${F#*x*y}", "xxyy", "y")]
    [InlineData("${F##*x*y}", "xxyy", "")]
    [InlineData("${F%%\\**}", "xx**", "xx")]
    [InlineData("${F%%\\**\\*}", "a***yy*", "a")]
    [InlineData("${F#?\\?}", "???y", "?y")]
    [InlineData("${F#()[]{\\}^$.\\*\\?|\\\\}", "()[]{}^$.*?|\\x", "x")]
    [InlineData("${F#[ab]}", "[ab]c", "c")]
    [InlineData("${F##*}", "ab\ncd", "\ncd")]
    [InlineData("${F%%*}", "ab\ncd", "ab\n")]
    [InlineData("${F#a?c}", "a\ncd", "a\ncd")]
    [InlineData("${F#한?}", "한국어", "어")]
    [InlineData("${F%?}", "a😀", "a")]
    public void PatternSemantics(string input, string value, string expected) => Assert.Equal(expected, Word(input, "F=" + value));

    [Theory]
    [InlineData("${F/b/Z}", "abcb", "aZcb")]
    [InlineData("${F//b/Z}", "abcb", "aZcZ")]
    [InlineData("${F/x/Z}", "abcb", "abcb")]
    [InlineData("${F//?/-}", "ab\ncd", "--\n--")]
    [InlineData("${F//*/Z}", "abc", "Z")]
    [InlineData("${F/*/Z}", "abc", "Z")]
    [InlineData("${F//x*/-}", "axbxc", "a-")]
    [InlineData("${F//\\//\\/}", "/tmp/foo.txt", "\\/tmp\\/foo.txt")]
    [InlineData("${F///}", "xxyy", "xxyy")]
    [InlineData("${U///}", "xxyy", "")]
    [InlineData("${F/b}", "abc", "error")]
    [InlineData("${F//b}", "abc", "error")]
    [InlineData("${F//}", "abc", "error")]
    public void Replacement(string input, string value, string expected)
    {
        var ok = Backslash.TryProcessWord(input, Env("F=" + value), out var result, out _);
        Assert.Equal(expected, ok ? result!.Value : "error");
    }

    [Theory]
    [InlineData("${F/$N/.} - ${F//$N/.}", "/foo*/*/*.txt", "\\*/", "", "/foo.*/*.txt - /foo..*.txt")]
    [InlineData("${F/$N/$R} - ${F//$N/$R}", "/a/foo/b/c.txt", "/?/", "/", "/foo/b/c.txt - /foo/c.txt")]
    [InlineData("${F/$N/$R}", "http://x.de", "http://", "https://", "https://x.de")]
    [InlineData("${F/$N/ww}", "xxyy", "", "", "wwxxyy")]
    [InlineData("${F//$N/w}", "ab", "", "", "wawbw")]
    [InlineData("${F//$N/$R}", "abc", "b", "<$0>", "a<b>c")]
    [InlineData("${F/$N/$R}", "abc", "b", "<$0>", "a<$0>c")]
    [InlineData("${F//$N/$R}", "abc", "b", "<${0}|$$|$1|${x|$>", "a<b|$||${x|$>c")]
    [InlineData("${F//$N/$R}", "abc", "b", "$00$0x${0x}", "ac")]
    public void ReplacementWithVariables(string input, string value, string needle, string replacement, string expected) =>
        Assert.Equal(expected, Word(input, "F=" + value, "N=" + needle, "R=" + replacement));

    [Fact]
    public void ReleaseFileNameIdiom()
    {
        const string word = "something-${VERSION}.${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-${TARGETVARIANT}}.tar.gz";
        Assert.Equal("something-v1.linux-arm-v7.tar.gz", Word(word, "VERSION=v1", "TARGETOS=linux", "TARGETARCH=arm", "TARGETVARIANT=v7"));
        Assert.Equal("something-v1.linux-arm64.tar.gz", Word(word, "VERSION=v1", "TARGETOS=linux", "TARGETARCH=arm64", "TARGETVARIANT="));
        Assert.Equal("something-v1.linux-arm64.tar.gz", Word(word, "VERSION=v1", "TARGETOS=linux", "TARGETARCH=arm64"));
    }

    [Fact]
    public void WordOfUnusedBranchIsStillExpanded()
    {
        Assert.Equal("U: is not allowed to be unset", Reason("${A:-${U:?}}", "A=a"));
        Assert.Equal("U: is not allowed to be unset", Reason("${A:+x}${A/a/${U?}}", "A=a"));
    }
}
