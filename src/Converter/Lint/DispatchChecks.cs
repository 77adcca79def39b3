using System.Collections.Immutable;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Parser;
using CSharpFrontend.Shell;

namespace CSharpFrontend.Converter.Lint;

/// <summary>
/// The checks BuildKit runs while it dispatches a stage's instructions: UndefinedVar, LegacyKeyValueFormat,
/// SecretsUsedInArgOrEnv, JSONArgsRecommended, MultipleInstructionsDisallowed, WorkdirRelativePath,
/// ExposeProtoCasing, ExposeInvalidFormat. Called once per instruction, before it changes the stage.
/// </summary>
internal sealed class DispatchChecks(Linter lint, ShellLexer lexer, IReadOnlyDictionary<string, string> buildArgs, IgnoreMatcher? ignored)
{
    private static readonly ImmutableHashSet<string> NonEnvArgs = ["BUILDKIT_SBOM_SCAN_CONTEXT", "BUILDKIT_SBOM_SCAN_STAGE"];
    private readonly ShellLexer _rawLexer = new('\\', lexer.Options with { SkipProcessQuotes = true });

    private readonly Dictionary<StageDispatch, StageMarks> _marks = new(ReferenceEqualityComparer.Instance);

    /// <summary>What a stage has seen so far: the last CMD, ENTRYPOINT, HEALTHCHECK and whether a WORKDIR was set.</summary>
    private sealed class StageMarks
    {
        public SourceRange? Cmd { get; set; }

        public SourceRange? Entrypoint { get; set; }

        public SourceRange? Healthcheck { get; set; }

        public bool WorkdirSet { get; set; }
    }

    public void Before(StageDispatch stage, Instruction instruction)
    {
        if (!lint.Active)
        {
            return;
        }

        var marks = Marks(stage);
        var env = stage.State.Env;
        var range = SourceRange.Lines(instruction.Range.StartLine, instruction.Range.EndLine);
        UndefinedVariables(stage, instruction, env, range);
        switch (instruction)
        {
            case EnvInstruction e:
                foreach (var pair in e.Env)
                {
                    if (pair.NoDelim)
                    {
                        lint.Run(LintRules.LegacyKeyValueFormat, range, LintRules.LegacyKeyValueFormat.Format(instruction.Keyword));
                    }

                    var key = lexer.TryExpand(pair.Key, env, out var expanded, out _) ? expanded : pair.Key;
                    Secret("ENV", key, range);
                }

                break;
            case LabelInstruction l:
                foreach (var pair in l.Labels.Where(p => p.NoDelim))
                {
                    lint.Run(LintRules.LegacyKeyValueFormat, range, LintRules.LegacyKeyValueFormat.Format(instruction.Keyword));
                }

                break;
            case ArgInstruction a:
                foreach (var definition in a.Args)
                {
                    Secret("ARG", definition.Key, range);
                }

                break;
            case CmdInstruction cmd:
                marks.Cmd = UsedOnce(instruction, marks.Cmd, range);
                ShellForm(stage, cmd, range);
                break;
            case EntrypointInstruction entrypoint:
                marks.Entrypoint = UsedOnce(instruction, marks.Entrypoint, range);
                ShellForm(stage, entrypoint, range);
                break;
            case HealthcheckInstruction:
                marks.Healthcheck = UsedOnce(instruction, marks.Healthcheck, range);
                break;
            case WorkdirInstruction w:
                if (!marks.WorkdirSet && lexer.TryExpand(w.Path, env, out var path, out _) && !IsAbs(path, stage.Platform?.OS))
                {
                    lint.Run(LintRules.WorkdirRelativePath, range, LintRules.WorkdirRelativePath.Format(LintRules.Quote(path)));
                }

                marks.WorkdirSet = true;
                break;
            case ExposeInstruction x:
                Expose(x, env, range);
                break;
            case AddInstruction add:
                IgnoredSources(add, "Add", env, range);
                break;
            case CopyInstruction { From.Length: 0 } copy:
                IgnoredSources(copy, "Copy", env, range);
                break;
        }
    }

    private StageMarks Marks(StageDispatch stage)
    {
        if (!_marks.TryGetValue(stage, out var marks))
        {
            marks = new StageMarks { WorkdirSet = stage.Base is { } b && _marks.TryGetValue(b, out var inherited) && inherited.WorkdirSet };
            _marks[stage] = marks;
        }

        return marks;
    }

    private void Secret(string instruction, string key, SourceRange range)
    {
        if (SecretKeys.LooksSecret(key))
        {
            lint.Run(LintRules.SecretsUsedInArgOrEnv, range, LintRules.SecretsUsedInArgOrEnv.Format(instruction, LintRules.Quote(key)));
        }
    }

    private SourceRange UsedOnce(Instruction instruction, SourceRange? previous, SourceRange range)
    {
        if (previous is { } earlier)
        {
            lint.Run(LintRules.MultipleInstructionsDisallowed, earlier, LintRules.MultipleInstructionsDisallowed.Format(instruction.Keyword));
        }

        return range;
    }

    private void ShellForm(StageDispatch stage, ShellDependentInstruction instruction, SourceRange range)
    {
        if (instruction.PrependShell && stage.Image.Config.Shell.IsDefaultOrEmpty)
        {
            lint.Run(LintRules.JsonArgsRecommended, range, LintRules.JsonArgsRecommended.Format(instruction.Keyword));
        }
    }

    /// <summary>BuildKit's <c>system.IsAbs</c> with the stage's OS.</summary>
    private static bool IsAbs(string path, string? os) => os == "windows" ? WindowsPath.IsAbs(path) : PosixPath.IsAbs(path);

    /// <summary>CopyIgnoredFile: a local source (expanded, as written) the context's .dockerignore excludes.</summary>
    private void IgnoredSources(FileInstruction instruction, string command, IReadOnlyDictionary<string, string> env, SourceRange range)
    {
        // Upstream checks the sources while it copies, once every word of the instruction has expanded.
        if (ignored is null || !lint.Reports(LintRules.CopyIgnoredFile)
            || !Words(instruction).All(w => (w.Raw ? _rawLexer : lexer).TryProcessWord(w.Word, new EnvView(env), out _, out _)))
        {
            return;
        }

        foreach (var word in instruction.SourcesAndDest.SourcePaths)
        {
            var source = lexer.ProcessWord(word, new EnvView(env)).Value; // every word expanded above
            var remote = source.Contains("://", StringComparison.Ordinal) || source.StartsWith("git@", StringComparison.Ordinal);
            if (!remote && ignored.MatchesOrParentMatches(source))
            {
                lint.Run(LintRules.CopyIgnoredFile, range, LintRules.CopyIgnoredFile.Format(command, LintRules.Quote(source)));
            }
        }
    }

    /// <summary>ExposeProtoCasing and ExposeInvalidFormat per expanded port, up to the first port BuildKit rejects.</summary>
    private void Expose(ExposeInstruction instruction, IReadOnlyDictionary<string, string> env, SourceRange range)
    {
        foreach (var word in instruction.Ports)
        {
            if (!lexer.TryProcessWords(word, new EnvView(env), out var words, out _))
            {
                return;
            }

            foreach (var port in words.Words)
            {
                var parts = port.Split(':');
                var (ip, hostPort, container) = parts.Length switch
                {
                    1 => ("", "", parts[0]),
                    2 => ("", parts[0], parts[1]),
                    _ => (string.Join(':', parts[..^2]), parts[^2], parts[^1]),
                };
                var slash = container.IndexOf('/');
                var proto = slash < 0 ? "" : container[(slash + 1)..];
                var number = slash < 0 ? container : container[..slash];
                if (number.Length == 0 || proto.ToLowerInvariant() is not ("" or "tcp" or "udp" or "sctp"))
                {
                    return;
                }

                if (proto != proto.ToLowerInvariant())
                {
                    lint.Run(LintRules.ExposeProtoCasing, range, LintRules.ExposeProtoCasing.Format(port));
                }

                if (ip.Length > 0 || hostPort.Length > 0)
                {
                    lint.Run(LintRules.ExposeInvalidFormat, range, LintRules.ExposeInvalidFormat.Format(port));
                }
            }
        }
    }

    /// <summary>
    /// UndefinedVar: the words BuildKit expands before dispatching the instruction (ARG: defaults without a build
    /// arg), each variable unset in the stage's environment and not a declared ARG of the stage.
    /// </summary>
    private void UndefinedVariables(StageDispatch stage, Instruction instruction, IReadOnlyDictionary<string, string> env, SourceRange range)
    {
        if (!lint.Reports(LintRules.UndefinedVar))
        {
            return;
        }

        var unset = new SortedSet<string>(StringComparer.Ordinal);
        if (instruction is ArgInstruction arg)
        {
            // Each default is expanded (and its misses suggested from) the environment as it is at that definition.
            var local = new Dictionary<string, string>(env, StringComparer.Ordinal);
            foreach (var definition in arg.Args)
            {
                if (buildArgs.TryGetValue(definition.Key, out var given))
                {
                    local[definition.Key] = given;
                }
                else if (definition.Value is { } value)
                {
                    var expanded = Collect(lexer, value, local, unset);
                    ReportUndefined(stage, unset, local.Keys, range);
                    unset.Clear();
                    if (expanded is null)
                    {
                        // dispatchArg stops at the default it cannot expand.
                        break;
                    }

                    local[definition.Key] = expanded;
                }
            }

            return;
        }

        // Each word is reported on its own (a name unset in two words is reported twice), up to the first that fails.
        foreach (var (word, raw) in Words(instruction))
        {
            var expanded = Collect(raw ? _rawLexer : lexer, word, env, unset);
            ReportUndefined(stage, unset, env.Keys, range);
            unset.Clear();
            if (expanded is null)
            {
                break;
            }
        }
    }

    private void ReportUndefined(StageDispatch stage, SortedSet<string> unset, IEnumerable<string> known, SourceRange range)
    {
        unset.ExceptWith(DeclaredArgs(stage));
        unset.ExceptWith(NonEnvArgs);
        foreach (var name in unset)
        {
            var suggestion = Parser.Text.Suggest.Search(name, known, caseSensitive: true);
            lint.Run(LintRules.UndefinedVar, range, LintRules.WithSuggestion(LintRules.UndefinedVar.Format(name), suggestion, dollar: true));
        }
    }

    private static string? Collect(ShellLexer lexer, string word, IReadOnlyDictionary<string, string> env, SortedSet<string> unset)
    {
        if (!lexer.TryProcessWord(word, new EnvView(env), out var result, out var error))
        {
            // ProcessWord's misses up to the failure are reported as well.
            unset.UnionWith(error.UnsetVariables);
            return null;
        }

        unset.UnionWith(result.UnsetVariables);
        return result.Value;
    }

    private static IEnumerable<string> DeclaredArgs(StageDispatch stage)
    {
        for (var s = stage; s is not null; s = s.Base)
        {
            foreach (var arg in s.BuildArgs)
            {
                yield return arg.Key;
            }
        }
    }

    /// <summary>The words of an instruction BuildKit expands with the stage's environment (<c>Expand</c>/<c>ExpandRaw</c>), in its order.</summary>
    private static IEnumerable<(string Word, bool Raw)> Words(Instruction instruction)
    {
        switch (instruction)
        {
            case EnvInstruction e:
                return e.Env.SelectMany(p => new[] { (p.Key, false), (p.Value, false) });
            case LabelInstruction l:
                return l.Labels.SelectMany(p => new[] { (p.Key, false), (p.Value, false) });
            case AddInstruction add:
                return new[] { (add.Chown, false), (add.Chmod, false), (add.Checksum, false) }.Concat(Paths(add));
            case CopyInstruction copy:
                return new[] { (copy.Chown, false), (copy.Chmod, false) }.Concat(Paths(copy));
            case WorkdirInstruction w:
                return [(w.Path, false)];
            case UserInstruction u:
                return [(u.User, false)];
            case VolumeInstruction v:
                return v.Volumes.Select(x => (x, false));
            case StopsignalInstruction s:
                return [(s.Signal, false)];
            case RunInstruction run:
                return MountWords(run);
            default:
                return [];
        }
    }

    private static IEnumerable<(string, bool)> Paths(FileInstruction file) =>
        file.SourcesAndDest.SourcePaths.Select(p => (p, false))
            .Append((file.SourcesAndDest.DestPath, false))
            .Concat(file.SourcesAndDest.SourceContents.Where(c => c.Expand).Select(c => (c.Data, true)));

    /// <summary>The words of each <c>--mount</c> the mount parser expands.</summary>
    private static List<(string, bool)> MountWords(RunInstruction run)
    {
        var words = new List<(string, bool)>();
        foreach (var spec in run.Mounts)
        {
            RunMount.Parse(spec, (string word, out string? error) =>
            {
                error = null;
                words.Add((word, false));
                return word;
            });
        }

        return words;
    }
}
