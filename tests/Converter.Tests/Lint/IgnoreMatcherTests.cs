using CSharpFrontend.Converter.Lint;

namespace CSharpFrontend.Converter.Tests.Lint;

/// <summary>
/// <see cref="IgnoreMatcher"/> against moby/patternmatcher v0.6.0 (vendored by BuildKit v0.24.0): each row is the
/// answer of its <c>New(patterns).MatchesOrParentMatches(file)</c>, run by a Go program outside the project on these
/// rows (patterns comma-separated). <c>*</c> and <c>?</c> stay within a name, <c>**</c> crosses directories, a
/// pattern matching a parent directory excludes the file, the last matching pattern decides (<c>!</c> re-includes),
/// patterns are cleaned (<c>./x</c>, <c>a/../b</c>, a trailing slash), blank ones dropped, and matched against the path as
/// given (an absolute path's parents start at <c>/</c>).
/// </summary>
public sealed class IgnoreMatcherTests
{
    [Theory]
    [InlineData("*.md", "a.md", true)]
    [InlineData("*.md", "docs/a.md", false)]
    [InlineData("**/*.md", "docs/a.md", true)]
    [InlineData("**/*.md", "a.md", true)]
    [InlineData("docs/**", "docs/x/y", true)]
    [InlineData("docs/**", "docs", false)]
    [InlineData("**", "anything/here", true)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/y/b", true)]
    [InlineData("a/**/b", "a/x/y/b/c", true)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "a/c", false)]
    [InlineData("a\\*c", "a*c", true)]
    [InlineData("a\\*c", "abc", false)]
    [InlineData("[a-c]x", "bx", true)]
    [InlineData("[a-c]x", "dx", false)]
    [InlineData("[!a-c]x", "dx", false)]
    [InlineData("secret", "secret/key", true)]
    [InlineData("secret/", "secret/key", true)]
    [InlineData("/secret", "secret/key", false)]
    [InlineData("./secret", "secret", true)]
    [InlineData("!x", "x", false)]
    [InlineData("*,!keep.md", "keep.md", false)]
    [InlineData("*,!keep.md", "other.md", true)]
    [InlineData("*.md,!docs", "docs/a.md", false)]
    [InlineData("*.md,!docs/a.md,docs/*", "docs/a.md", true)]
    [InlineData("docs,!docs/a.md", "docs/a.md", false)]
    [InlineData("docs,!docs/a.md", "docs/b.md", true)]
    [InlineData("../x", "x", false)]
    [InlineData("a/../b", "b", true)]
    [InlineData("**/", "x/y", true)]
    [InlineData("abc**", "abcdef/g", true)]
    [InlineData("x/**/**/y", "x/y", true)]
    [InlineData("x/**/**/y", "x/a/b/y", true)]
    [InlineData("*/b", "a/b/c", true)]
    [InlineData("*/b", "a/c/b", false)]
    [InlineData("a", "/a", false)]
    [InlineData("/a", "/a", true)]
    [InlineData("a/b", "/a/b/c", false)]
    [InlineData("a]", "a]", true)]
    [InlineData("a.b", "axb", false)]
    [InlineData("a+b", "a+b", true)]
    [InlineData("a(b", "a(b", true)]
    [InlineData("a$", "a$", true)]
    [InlineData("^a", "^a", true)]
    [InlineData(" ,a", ".", false)]
    [InlineData("a/**/b", "a/xb", false)]
    [InlineData("a/**", "a/b", true)]
    [InlineData("a/**", "a", false)]
    [InlineData("/x", "/x/y", true)]
    [InlineData("/x", "/y/x", false)]
    [InlineData("x", "/x", false)]
    [InlineData("/", "/a", true)]
    [InlineData("*", "/a", true)]
    [InlineData("/a/*", "/a/b/c", true)]
    [InlineData("!a,a", "a", true)]
    [InlineData("a,!a,a", "a", true)]
    [InlineData("a,!a", "a/b", false)]
    [InlineData("a/b,!a", "a/b", false)]
    [InlineData("a,!a/b", "a/b/c", false)]
    [InlineData("**/x", "/x", true)]
    [InlineData("**/x", "a/x", true)]
    [InlineData("x/**", "x/", true)]
    [InlineData(".", "a", false)]
    [InlineData("?", "a/b", true)]
    public void MatchesAsPatternmatcher(string patterns, string file, bool excluded) =>
        Assert.Equal(excluded, new IgnoreMatcher(patterns.Split(',')).MatchesOrParentMatches(file));
}
