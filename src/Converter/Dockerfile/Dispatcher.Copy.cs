using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>COPY and ADD: context paths, other stages and images, URLs, git repositories and inline files.</summary>
internal sealed partial class Dispatcher
{
    /// <summary>A COPY or ADD with its words expanded.</summary>
    private sealed record CopyRequest(
        FileInstruction Instruction,
        LlbState Source,
        bool IsAdd,
        ImmutableArray<string> SourcePaths,
        ImmutableArray<SourceContent> SourceContents,
        string DestPath,
        string Chown,
        string Chmod,
        string Checksum,
        bool? KeepGitDir,
        bool? Unpack,
        bool Parents);

    private void DispatchCopy(StageDispatch stage, CopyInstruction copy, ImmutableArray<StageDispatch?> sources)
    {
        var fromStage = sources.Length > 0 ? sources[0] : null;
        if (fromStage is { Dispatched: false })
        {
            throw new ConvertException($"cannot copy from stage \"{copy.From}\", it needs to be defined before current stage \"{stage.StageName}\"");
        }

        var request = Expanded(stage, copy, fromStage?.State ?? buildContext, isAdd: false, checksum: "", keepGitDir: null, unpack: null, parents: copy.Parents);
        CopyFiles(stage, request);
        var used = fromStage is null ? stage.ContextPaths : fromStage.Paths;
        foreach (var src in request.SourcePaths)
        {
            used.Add(PosixPath.Join("/", src));
        }
    }

    private void DispatchAdd(StageDispatch stage, AddInstruction add)
    {
        var request = Expanded(stage, add, buildContext, isAdd: true, add.Checksum, add.KeepGitDir, add.Unpack, parents: false);
        CopyFiles(stage, request);
        foreach (var src in request.SourcePaths)
        {
            if (!IsHttpSource(src))
            {
                stage.ContextPaths.Add(PosixPath.Join("/", src));
            }
        }
    }

    private CopyRequest Expanded(StageDispatch stage, FileInstruction instruction, LlbState source, bool isAdd, string checksum, bool? keepGitDir, bool? unpack, bool parents)
    {
        var env = Env(stage);
        var paths = instruction.SourcesAndDest;
        return new CopyRequest(
            instruction,
            source,
            isAdd,
            [.. paths.SourcePaths.Select(p => Expand(p, env))],
            [.. paths.SourceContents.Select(c => c.Expand ? c with { Data = ExpandRaw(c.Data, env) } : c)],
            Expand(paths.DestPath, env),
            Expand(instruction.Chown, env),
            Expand(instruction.Chmod, env),
            isAdd ? Expand(checksum, env) : "",
            keepGitDir,
            unpack,
            parents);
    }

    /// <summary>Heredoc contents expand without quote processing (BuildKit's raw expansion).</summary>
    private string ExpandRaw(string data, IReadOnlyDictionary<string, string> env)
    {
        var raw = new Shell.ShellLexer('\\', new Shell.ShellLexerOptions { SkipProcessQuotes = true, Budget = _displayLexer.Options.Budget });
        return raw.TryExpand(data, env, out var result, out var error) ? result : throw new ConvertException(error!.Message);
    }

    /// <summary>A local source as <c>NormalizePath("/", src)</c>: in a Windows stage without its drive letter.</summary>
    private static string SourcePath(string src, bool windows) =>
        !windows ? PosixPath.Join("/", src)
            : WindowsPath.Normalize("/", src, out var driveError)
                ?? throw new ConvertException("removing drive letter: removing drive letter: " + driveError);

    private void CopyFiles(StageDispatch stage, CopyRequest request)
    {
        var instruction = request.Instruction;
        var destPath = request.DestPath;
        var dest = PosixPath.Join("/", PosixPath.IsAbs(destPath) ? destPath : PosixPath.Join(stage.State.Dir, destPath));
        var windows = IsWindowsStage(stage);
        if (windows)
        {
            dest = WindowsPath.CopyDestination(stage.State.Dir, destPath, out var driveError)
                ?? throw new ConvertException("removing drive letter: " + driveError);
        }
        else if (destPath is "." or "" || destPath.EndsWith('/'))
        {
            dest += "/";
        }
        else if (destPath.EndsWith("/.", StringComparison.Ordinal))
        {
            // NormalizePath with keepSlash keeps a final "/." (the copy then goes into the directory).
            dest = dest == "/" ? "/." : dest + "/.";
        }

        var owner = request.Chown.Length > 0 ? ChownSpec.Parse(request.Chown) : null;
        var (mode, modeString) = options.Profile.ChmodIgnoresNonOctal ? (OctalModeOrNone(request.Chmod), "") : FileMode(request.Chmod);
        if (request.Checksum.Length > 0)
        {
            if (request.SourcePaths.Length != 1)
            {
                throw new ConvertException("checksum can't be specified for multiple sources");
            }

            if (!IsHttpSource(request.SourcePaths[0]) && GitSource.TryParse(request.SourcePaths[0], options.Profile.GitUrlQueries) is null)
            {
                throw new ConvertException("checksum requires HTTP(S) or Git sources");
            }
        }

        var env = Env(stage);
        var platform = stage.Platform ?? platforms.Target;
        var name = Names.UppercaseCommand(Names.ExpandForDisplay(lexer, instruction.Original.Trim(), env));
        var stepName = Names.Prefix(stage, name, options.PrefixPlatform, platform, env);

        // v0.11 left a plain ADD <url> unnamed; the syntax it did not know (--checksum, --unpack) is named as later.
        var profile = options.Profile;
        var sourceName = profile.NamesUrlSources || request.Checksum.Length > 0 || request.Unpack is not null ? stepName : null;
        var message = new StringBuilder(request.IsAdd ? "ADD" : "COPY");
        if (request.Parents)
        {
            message.Append(" --parents");
        }

        if (profile.CopyHistoryShowsOwnerAndMode && request.Chown.Length > 0)
        {
            message.Append(" --chown=").Append(request.Chown);
        }

        if (modeString.Length > 0 || profile.CopyHistoryShowsOwnerAndMode && request.Chmod.Length > 0)
        {
            message.Append(" --chmod=").Append(request.Chmod);
        }

        var actions = new List<FileAction>();
        var excludes = instruction.ExcludePatterns;
        foreach (var src in request.SourcePaths)
        {
            message.Append(' ').Append(src);
            if (GitSource.TryParse(src, profile.GitUrlQueries) is { } git)
            {
                if (!request.IsAdd)
                {
                    throw new ConvertException("source can't be a git ref for COPY");
                }

                if (request.KeepGitDir is { } flagKeep && git.KeepGitDir is { } urlKeep && flagKeep != urlKeep)
                {
                    throw new ConvertException("inconsistent keep-git-dir configuration");
                }

                var checksum = request.Checksum;
                if (git.Checksum.Length > 0)
                {
                    checksum = checksum.Length == 0 || checksum == git.Checksum
                        ? git.Checksum
                        : throw new ConvertException($"checksum mismatch \"{checksum}\" != \"{git.Checksum}\"");
                }

                var commit = git.SubDir.Length > 0 ? git.Commit + ":" + git.SubDir : git.Commit;
                var repository = Sources.Git(git.Remote, commit, new GitOptions
                {
                    KeepGitDir = git.KeepGitDir ?? request.KeepGitDir ?? false,
                    SkipSubmodules = git.Submodules == false,
                    Checksum = checksum,
                    Constraints = OpConstraints.None.WithCustomName(stepName),
                });
                actions.Add(new CopyAction(repository, "/", dest) { Mode = mode, ModeString = modeString, CreateDestPath = true, Owner = owner, ExcludePatterns = excludes });
            }
            else if (IsHttpSource(src))
            {
                if (!request.IsAdd)
                {
                    throw new ConvertException("source can't be a URL for COPY");
                }

                if (request.Checksum.Length > 0 && DigestFormat.Validate(request.Checksum) is { } invalid)
                {
                    throw new ConvertException(invalid);
                }

                var filename = UrlFilename(src);
                var download = Sources.Http(src, new HttpOptions
                {
                    Filename = filename,
                    Checksum = request.Checksum,
                    Constraints = sourceName is null
                        ? OpConstraints.None.WithDescription(Names.CommandKey, "")
                        : OpConstraints.None.WithCustomName(sourceName).WithDescription(Names.CommandKey, ""),
                });
                actions.Add(new CopyAction(download, filename, dest) { Mode = mode, ModeString = modeString, CreateDestPath = true, Owner = owner, AttemptUnpack = request.Unpack ?? false });
            }
            else
            {
                var path = src;
                var include = ImmutableArray<string>.Empty;
                if (request.Parents)
                {
                    // The part after a "/./" pivot keeps its directories at the destination; without one, all of it does.
                    var pivot = src.IndexOf("/./", StringComparison.Ordinal);
                    var pattern = SourcePath(pivot < 0 ? src : src[(pivot + 3)..], windows);
                    path = pivot < 0 ? "/" : src[..pivot];
                    include = [pattern.TrimStart('/')];
                }

                path = SourcePath(path, windows);
                actions.Add(new CopyAction(request.Source, path, dest)
                {
                    Mode = mode,
                    ModeString = modeString,
                    FollowSymlinks = true,
                    CopyDirContentsOnly = true,
                    AttemptUnpack = request.Unpack ?? request.IsAdd,
                    CreateDestPath = true,
                    AllowWildcard = true,
                    AllowEmptyWildcard = true,
                    Owner = owner,
                    IncludePatterns = include,
                    ExcludePatterns = excludes,
                });
            }
        }

        foreach (var content in request.SourceContents)
        {
            message.Append(" <<").Append(content.Path);
            var inline = LlbState.Scratch.File(
                new MkfileAction(content.Path, profile.InlineFileMode, Encoding.UTF8.GetBytes(content.Data)),
                Names.Internal("preparing inline document"));
            actions.Add(new CopyAction(inline, content.Path, dest) { Mode = mode, ModeString = modeString, CreateDestPath = true, Owner = owner });
        }

        message.Append(' ').Append(destPath);
        var chain = new FileChain([.. actions]);
        if (actions.Count == 0)
        {
            throw new ConvertException($"{(request.IsAdd ? "ADD" : "COPY")} requires at least one source");
        }

        if (instruction.Link && instruction.Chmod.Length == 0 && Supports(CapId.MergeOp))
        {
            stage.CmdIndex--;
            var groupName = Names.Prefix(stage, name, options.PrefixPlatform, platform, env);
            stage.CmdIndex--;
            var mergeName = Names.Prefix(stage, "LINK " + name, options.PrefixPlatform, platform, env);
            var groupId = ProgressGroupId(stage, groupName);
            var step = profile.NamesLinkLayer ? Step(stepName, instruction, stage.IgnoreCache) : OpConstraints.None;
            var layer = LlbState.Scratch.File(chain, step with { ProgressGroup = new ProgressGroupSpec(groupId, groupName, true) });
            var merged = Sources.Merge(
                [stage.State, layer],
                step.WithCustomName(mergeName) with { ProgressGroup = new ProgressGroupSpec(groupId, groupName, false) });
            stage.State = stage.State.WithOutput(merged.Output);
        }
        else
        {
            stage.State = stage.State.File(chain, Step(stepName, instruction, stage.IgnoreCache));
        }

        Commit(stage, message.ToString(), withLayer: true, ranOperation: true);
    }

    /// <summary>A stable progress group id (upstream draws a random one; ids do not enter digests).</summary>
    private static string ProgressGroupId(StageDispatch stage, string name)
    {
        var hash = Sha256.HashData(Encoding.UTF8.GetBytes(stage.StageName + "\n" + stage.CmdIndex + "\n" + name));
        const string alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
        var id = new StringBuilder(25);
        foreach (var b in hash.AsSpan(0, 25))
        {
            id.Append(alphabet[b % alphabet.Length]);
        }

        return id.ToString();
    }

    /// <summary>v0.11's <c>--chmod</c>: <c>strconv.ParseUint(chmod, 8, 32)</c> as the mode (written as an int32), else none.</summary>
    private static int? OctalModeOrNone(string chmod) =>
        chmod.Length > 0 && chmod.All(c => c is >= '0' and <= '7') && chmod.TrimStart('0') is var digits
            && (digits.Length < 11 || digits.Length == 11 && digits[0] <= '3')
            ? unchecked((int)Convert.ToUInt32("0" + digits, 8))
            : null;

    /// <summary>An octal <c>--chmod</c> as permission bits, any other as a symbolic mode string (current upstream).</summary>
    private static (int? Mode, string ModeString) FileMode(string chmod)
    {
        if (chmod.Length == 0)
        {
            return (null, "");
        }

        var nonOctal = $"invalid chmod parameter: '{chmod}'. it should be octal string and between 0 and 07777";
        if (chmod.All(c => c is >= '0' and <= '7'))
        {
            // Leading zeros are free (strconv.ParseUint); past them, more than four digits is above 07777.
            var digits = chmod.TrimStart('0');
            return digits.Length <= 4 ? (Convert.ToInt32("0" + digits, 8), "") : throw new ConvertException(nonOctal);
        }

        // A value that starts like a number fails as one (dchapes-mode reads it with strconv); any other bad symbolic
        // mode is dchapes-mode's ErrSyntax, "invalid syntax", unwrapped.
        if (char.IsAsciiDigit(chmod[0]) || !SymbolicMode().IsMatch(chmod))
        {
            throw new ConvertException(char.IsAsciiDigit(chmod[0]) ? nonOctal : "invalid syntax");
        }

        return (null, chmod);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[ugoa]*[-+=][rwxXstugo]*([-+=][rwxXstugo]*)*(,[ugoa]*[-+=][rwxXstugo]*([-+=][rwxXstugo]*)*)*$")]
    private static partial System.Text.RegularExpressions.Regex SymbolicMode();

    private static bool IsHttpSource(string src) =>
        src.StartsWith("http://", StringComparison.Ordinal) || src.StartsWith("https://", StringComparison.Ordinal);

    /// <summary>
    /// The file name ADD gives a download: Go's <c>path.Base</c> of the URL's unescaped path as <c>url.Parse</c> reads
    /// it (no dot-segment removal: <c>/a/.</c> is <c>.</c>, <c>/a/..</c> is <c>..</c>), or <c>__unnamed__</c> for
    /// <c>.</c>, <c>/</c> or a URL that does not parse.
    /// </summary>
    private static string UrlFilename(string src)
    {
        if (!Uri.TryCreate(src, UriKind.Absolute, out _))
        {
            return "__unnamed__";
        }

        var rest = src[(src.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var start = rest.IndexOfAny(['/', '?', '#']);
        var path = start < 0 || rest[start] != '/' ? "" : rest[start..];
        var end = path.IndexOfAny(['?', '#']);
        path = Uri.UnescapeDataString(end < 0 ? path : path[..end]).TrimEnd('/');
        var name = path.Length == 0 ? "/" : path[(path.LastIndexOf('/') + 1)..];
        return name is "." or "/" ? "__unnamed__" : name;
    }
}
