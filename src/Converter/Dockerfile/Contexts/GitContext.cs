using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Dockerfile.Contexts;

/// <summary>
/// A git build context (builder/build.go's <c>detectGitContext</c>): <c>remote[#commit[:subdir]]</c> as
/// gitutil's <c>ParseGitRef</c> accepts it, <c>github.com/…</c> included, as a git source named
/// <c>[internal] load git source &lt;ref&gt;</c>.
/// </summary>
public static class GitContext
{
    /// <summary>The git source for <paramref name="reference"/>, or null when it is no git reference.</summary>
    /// <param name="reference">The context as given.</param>
    /// <param name="keepGitDir">Whether the checkout keeps <c>.git</c> whatever the reference says.</param>
    /// <param name="withQuery">
    /// Whether the reference may have a query (v0.24's dfgitutil: <c>?ref=</c>, <c>keep-git-dir</c>, <c>checksum=</c>,
    /// <c>submodules=</c>, ...); a malformed one throws <see cref="ConvertException"/> with upstream's text.
    /// </param>
    public static LlbState? TryParse(string reference, bool keepGitDir = false, bool withQuery = false)
    {
        GitSource? git;
        if (reference.StartsWith("github.com/", StringComparison.Ordinal))
        {
            var hash = reference.IndexOf('#');
            var fragment = hash < 0 ? "" : reference[(hash + 1)..];
            var colon = fragment.IndexOf(':');
            git = new GitSource(hash < 0 ? reference : reference[..hash], colon < 0 ? fragment : fragment[..colon], colon < 0 ? "" : fragment[(colon + 1)..]);
        }
        else
        {
            git = GitSource.TryParse(reference, withQuery);
        }

        if (git is null)
        {
            return null;
        }

        var commit = git.SubDir.Length > 0 ? git.Commit + ":" + git.SubDir : git.Commit;
        return Sources.Git(git.Remote, commit, new GitOptions
        {
            KeepGitDir = keepGitDir || git.KeepGitDir == true,
            Checksum = git.Checksum,
            SkipSubmodules = git.Submodules == false,
            Constraints = OpConstraints.None.WithCustomName("[internal] load git source " + reference),
        });
    }
}
