using System.Collections.Immutable;
using System.Text;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Converter.Llb.Marshal;
using CSharpFrontend.Parser;
using CSharpFrontend.Shared;
using CSharpFrontend.Shell;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>
/// Turns a Dockerfile into the LLB graph of its target stage and that stage's image config, with the semantics
/// of BuildKit's Dockerfile frontend (dockerfile2llb).
/// </summary>
public static class DockerfileConverter
{
    private const string EmptyImageName = "scratch";

    /// <summary>Converts; a rejected Dockerfile throws <see cref="ConvertException"/> with its location.</summary>
    public static async ValueTask<ConvertResult> ConvertAsync(string dockerfile, ConvertOptions options, CancellationToken cancellationToken = default)
    {
        if (dockerfile.Length == 0)
        {
            throw new ConvertException("the Dockerfile cannot be empty");
        }

        var (ast, warnings, lint) = Parse(dockerfile, options);
        var conversion = new Conversion(ast, options, Budget(dockerfile, options), lint);
        var (state, image, target) = await conversion.RunAsync(cancellationToken).ConfigureAwait(false);
        var marshalled = MarshalResult.Empty;
        if (options.MarshalDefinition)
        {
            marshalled = Marshal(state, new MarshalOptions
            {
                DefaultPlatform = conversion.Platforms.Target,
                LocalUniqueId = options.LocalUniqueId,
                Caps = options.LlbCaps,
                Profile = options.Profile,
            });
            MessageLimit.Check(marshalled, options.MaxDefinitionBytes);
        }

        return new ConvertResult(marshalled, image, warnings)
        {
            OutlineFactory = () => Subrequests.OutlineBuilder.Build(target, Encoding.UTF8.GetBytes(dockerfile)),
            ImageLayout = options.Profile.ImageConfigLayout,
        };
    }

    /// <summary>
    /// Parses and runs the checks of the parse. Only the typed tree is made: each node becomes its instruction as it
    /// is read, the node checks noting what they find on the way.
    /// </summary>
    private static (Parser.Dockerfile Ast, ImmutableArray<Diagnostic> Warnings, Lint.ConversionLint Lint) Parse(string dockerfile, ConvertOptions options)
    {
        var findings = new Lint.ParseChecks.NodeFindings();
        var parsed = DockerfileParser.Parse(dockerfile, new ParseOptions { Dialect = options.Profile.ParserDialect, KeepSyntax = false, OnNode = findings.Visit });
        var lint = Lint.ConversionLint.Start(parsed, findings, options, Budget(dockerfile, options));
        if (parsed.FirstError is { } error || parsed.Ast is null)
        {
            var diagnostic = parsed.FirstError;
            throw new ConvertException(diagnostic?.ToBuildKitMessage() ?? "failed to parse the Dockerfile", diagnostic?.Range);
        }

        if (parsed.Ast.Stages.IsEmpty)
        {
            // Only ARGs (the parser already rejects a file without instructions): v0.11.6 panics here; later
            // releases give this error.
            throw new ConvertException("dockerfile contains no stages to build");
        }

        return (parsed.Ast, [.. parsed.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning)], lint);
    }

    /// <summary>What the expansions of <paramref name="dockerfile"/> may produce: build arguments' values count as text of the file.</summary>
    private static ExpansionBudget Budget(string dockerfile, ConvertOptions options) =>
        ExpansionBudget.ForDocument(dockerfile.Length, options.BuildArgs.Values.Sum(v => (long)v.Length));

    /// <summary>Marshals; a graph the marshaller refuses (e.g. <c>RUN []</c>) is rejected as BuildKit's frontend words it.</summary>
    private static MarshalResult Marshal(LlbState state, MarshalOptions options)
    {
        try
        {
            return LlbMarshaller.Marshal(state, options);
        }
        catch (LlbMarshalException e)
        {
            throw new ConvertException("failed to marshal LLB definition: " + e.Message);
        }
    }

    /// <summary>One conversion: the stages, the global args and the build context shared by every stage.</summary>
    private sealed class Conversion(Parser.Dockerfile dockerfile, ConvertOptions options, ExpansionBudget expansionBudget, Lint.ConversionLint lint)
    {
        private readonly ShellLexer _lexer = new(dockerfile.EscapeToken, new ShellLexerOptions { Budget = expansionBudget });
        private readonly StageTable _stages = new(dockerfile.Stages.Length);
        private readonly DeferredVertex _context = new();
        private readonly List<(DeferredVertex Vertex, Contexts.LocalContextSource Source, StageDispatch Stage)> _localContexts = [];
        private readonly Subrequests.OutlineCapture _globalOutline = new();

        // The sources of the instructions that named images (registered as stages when first asked).
        private readonly Dictionary<Instruction, ImmutableArray<StageDispatch?>> _namedImages = new(ReferenceEqualityComparer.Instance);

        public PlatformOptions Platforms { get; } = PlatformOptions.From(options);

        public async ValueTask<(LlbState State, ImageConfig Image, StageDispatch Target)> RunAsync(CancellationToken cancellationToken)
        {
            var (metaArgs, metaEnvironment) = GlobalArgs();
            await RegisterStagesAsync(metaArgs, metaEnvironment, cancellationToken).ConfigureAwait(false);
            var target = options.Target.Length == 0
                ? _stages.States[^1]
                : _stages.FindByName(options.Target) ?? throw TargetNotFound();
            PrepareCommands();
            if (_stages.FindCycle() is { } cycle)
            {
                throw new ConvertException($"circular dependency detected on stage: {cycle.Root.StageName}", cycle.Path.Select(i => i.Range));
            }

            if (_stages.States.Count == 1)
            {
                _stages.States[0].StageName = "";
            }

            IReadOnlySet<StageDispatch> Reachable() => options.AllStages ? new HashSet<StageDispatch>(_stages.States, ReferenceEqualityComparer.Instance) : target.Reachable();
            var reachable = Reachable();
            DefinitionFloor.CheckInstructions(_stages.States, reachable, options.MaxDefinitionBytes, options.SourceMap);
            await ResolveBaseImagesAsync(reachable, cancellationToken).ConfigureAwait(false);
            if (options.Profile.OnBuildTriggersAsCommands)
            {
                // Triggers can read from other stages: add them as commands until no new stage becomes reachable.
                while (AddOnBuildTriggers(reachable))
                {
                    reachable = Reachable();
                    await ResolveBaseImagesAsync(reachable, cancellationToken).ConfigureAwait(false);
                }
            }
            var excludes = options.ExcludesLoader is { } loadExcludes ? await loadExcludes(cancellationToken).ConfigureAwait(false) : options.Excludes;
            if (options.Profile.ExcludePatternsChecked && excludes is { } patterns && ExcludePatternSyntax.FirstError(patterns) is { } excludeError)
            {
                throw new ConvertException(excludeError);
            }

            lint.UseExcludes(excludes);
            var contextState = LlbState.FromOutput(new LlbOutput(_context));
            var dispatcher = new Dispatcher(_lexer, options, Platforms, _stages, contextState, metaArgs, lint, SourcesOf);
            var contextPaths = new HashSet<string>(StringComparer.Ordinal);
            foreach (var stage in _stages.States.ToArray())
            {
                if (!reachable.Contains(stage) || stage.Dispatched)
                {
                    continue;
                }

                dispatcher.DispatchStage(stage);
                contextPaths.UnionWith(stage.ContextPaths);
            }

            lint.ThrowIfViolations();
            BindContext(contextPaths, excludes);
            target.Paths.Add("/");
            BindLocalContexts();
            var image = StageImage.Finish(target.Image, Platforms.Implicit ? null : Platforms.Target, options.Labels, options.Profile.ImagePlatformMergesTarget);
            return (target.State, image, target);
        }

        /// <summary>
        /// Platform args, then the ARGs before the first FROM (build args win over defaults), and the environment FROM
        /// expands with: v0.24's environment list (an ARG without a value leaves the name as it was) or v0.11's map
        /// (where it is empty).
        /// </summary>
        private (List<ArgValue> Args, IReadOnlyDictionary<string, string> Environment) GlobalArgs()
        {
            var targetStage = options.Profile.TargetStageArg ? (options.Target.Length > 0 ? options.Target : dockerfile.Stages[^1].Name) : null;
            var args = Platforms.Args(targetStage).Select(a => options.BuildArgs.TryGetValue(a.Key, out var v) ? a with { Value = v } : a).ToList();
            lint.GlobalArgs(dockerfile, _lexer, args);
            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var arg in args)
            {
                if (arg.Value is { } value)
                {
                    environment[arg.Key] = value;
                }
            }

            var envList = options.Profile.GlobalArgsAsEnvList;
            foreach (var instruction in dockerfile.MetaArgs)
            {
                foreach (var definition in instruction.Args)
                {
                    string? value;
                    IReadOnlySet<string> deps = new HashSet<string>();
                    if (options.BuildArgs.TryGetValue(definition.Key, out var given))
                    {
                        value = given;
                    }
                    else if (definition.Value is { } defaultValue)
                    {
                        if (_lexer.TryProcessWord(defaultValue, new EnvView(environment), out var result, out var error))
                        {
                            value = result.Value;
                            deps = envList ? GlobalArgDeps(definition.Key, result.UsedVariables) : result.UsedVariables;
                        }
                        else
                        {
                            value = envList ? throw new ConvertException(error.Message, instruction.Range) : "";
                        }
                    }
                    else
                    {
                        value = null;
                    }

                    if (value is not null || !envList)
                    {
                        environment[definition.Key] = value ?? "";
                    }

                    // A stage's ARG without a value takes the name's value in the global list: as an environment
                    // list that is the last value given (v0.24), or nothing after a later ARG without one (v0.11).
                    args.Add(new ArgValue(definition.Key, envList && value is null && environment.TryGetValue(definition.Key, out var earlier) ? earlier : value));
                    _globalOutline.AllArgs[definition.Key] = new Subrequests.OutlineArg(
                        definition.Key, value ?? "", definition.DocComment, instruction.Range.StartLine, instruction.Range.EndLine, deps);
                }
            }

            return (args, environment);
        }

        /// <summary>
        /// The args a global ARG's default reads (the outline lists them with it): one that reads its own name takes
        /// the earlier definition's instead of itself (v0.24's <c>buildMetaArgs</c>).
        /// </summary>
        private IReadOnlySet<string> GlobalArgDeps(string key, IReadOnlySet<string> used)
        {
            if (!used.Contains(key))
            {
                return used;
            }

            var deps = new HashSet<string>(used, StringComparer.Ordinal);
            deps.Remove(key);
            if (_globalOutline.AllArgs.TryGetValue(key, out var earlier))
            {
                deps.UnionWith(earlier.Deps);
            }

            return deps;
        }

        private async ValueTask RegisterStagesAsync(List<ArgValue> metaArgs, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
        {
            var declared = metaArgs.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < dockerfile.Stages.Length; i++)
            {
                var stage = dockerfile.Stages[i];
                if (!_lexer.TryProcessWord(stage.BaseName, new EnvView(environment), out var nameResult, out var nameError))
                {
                    lint.BaseName(stage, nameError.UnsetVariables, declared);
                    throw new ConvertException(nameError.Message, stage.Range);
                }

                var name = nameResult.Value;
                lint.BaseName(stage, nameResult.UnsetVariables, declared);
                var used = new HashSet<string>(nameResult.UsedVariables, StringComparer.Ordinal);
                if (name.Length == 0)
                {
                    throw new ConvertException($"base name ({stage.BaseName}) should not be blank", stage.Range);
                }

                var state = new StageDispatch(stage, name, stage.Name.Length > 0 ? stage.Name : $"stage-{i}");
                state.Outline = _globalOutline.Clone();

                if (stage.Platform.Length > 0)
                {
                    if (!_lexer.TryProcessWord(stage.Platform, new EnvView(environment), out var expanded, out var expandError))
                    {
                        // The message names the expansion's result, empty after a failure.
                        lint.PlatformFlag(stage, null, expandError.UnsetVariables, declared, environment);
                        throw new ConvertException($"failed to process arguments for platform : {expandError.Message}", stage.Range);
                    }

                    var platform = expanded.Value;
                    lint.PlatformFlag(stage, expanded, expanded.UnsetVariables, declared, environment);
                    used.UnionWith(expanded.UsedVariables);
                    var current = options.Profile.PlatformErrorsSuggestArgs;
                    if (current && platform.Length == 0)
                    {
                        throw new ConvertException(
                            SuggestArg($"empty platform value from expression {stage.Platform}", expanded.UnsetVariables, environment.Keys), stage.Range);
                    }

                    try
                    {
                        // As given (containerd's Parse): the base image's source op and the FROM step show it so; states normalize it.
                        state.Platform = LlbPlatform.ParseSpecifier(platform);
                    }
                    catch (FormatException ex)
                    {
                        throw new ConvertException(
                            current
                                ? $"failed to parse platform {stage.Platform}: " + SuggestArg(ex.Message, expanded.UnsetVariables, environment.Keys)
                                : $"failed to parse platform {platform}: {ex.Message}",
                            stage.Range);
                    }
                }

                if (stage.Name.Length > 0 && ContextRequest(stage.Name, state.Platform) is { } request && options.NamedContexts!.Contains(request))
                {
                    // The stage is the context, loaded once the stage is known to be reachable: none of its
                    // instructions run.
                    state.Context = request;
                    AddStage(state);
                    if (options.Profile.NamedContextsLoadWhenReachable)
                    {
                        state.Base = null;
                    }
                    else
                    {
                        await LoadStageContextAsync(state, request, cancellationToken).ConfigureAwait(false);
                    }

                    continue;
                }

                AddStage(state);
                if (used.Count > 0)
                {
                    state.Outline.UsedArgs.UnionWith(used);
                }
                var total = name != EmptyImageName && state.Base is null ? 1 : 0;
                foreach (var command in stage.Commands)
                {
                    total += command is AddInstruction or CopyInstruction or RunInstruction or WorkdirInstruction ? 1 : 0;
                }

                state.CmdTotal = total;
                if (options.IgnoreCache is { } ignore)
                {
                    state.IgnoreCache = ignore.IsEmpty || ignore.Any(n => string.Equals(n, stage.Name, StringComparison.OrdinalIgnoreCase));
                }
            }
        }

        /// <summary>The ONBUILD expressions of a stage's instructions, in order.</summary>
        private static ImmutableArray<string> OnBuildExpressions(StageDispatch stage)
        {
            var expressions = ImmutableArray.CreateBuilder<string>();
            foreach (var command in stage.Stage?.Commands ?? [])
            {
                if (command is OnbuildInstruction onbuild)
                {
                    expressions.Add(onbuild.Expression);
                }
            }

            return expressions.DrainToImmutable();
        }

        /// <summary>
        /// Current BuildKit's ONBUILD: the triggers of a stage's base (the image's config, or the base stage's ONBUILD
        /// instructions) become the stage's first commands, counted in its steps, their sources its dependencies.
        /// True when a trigger reads from another stage (reachability must be computed again).
        /// </summary>
        private bool AddOnBuildTriggers(IReadOnlySet<StageDispatch> reachable)
        {
            var newDependencies = false;
            foreach (var stage in _stages.States.ToArray())
            {
                if (!reachable.Contains(stage) || stage.OnBuildInit || stage.FromContext || stage.Unregistered)
                {
                    continue;
                }

                stage.OnBuildInit = true;
                var triggers = stage.Base is { } @base ? OnBuildExpressions(@base) : stage.Image.Config.OnBuild ?? [];
                if (triggers.IsDefaultOrEmpty)
                {
                    continue;
                }

                var commands = new List<PreparedCommand>();
                foreach (var trigger in triggers)
                {
                    var instruction = TriggerParser.Parse(trigger, options.Profile.ParserDialect, out var error)
                        ?? throw new ConvertException(error ?? "onbuild trigger should be a single expression", stage.Location);
                    var sources = SourcesOf(instruction);
                    commands.Add(new PreparedCommand(instruction, sources));
                    foreach (var source in sources.OfType<StageDispatch>())
                    {
                        stage.Deps.Set(source, instruction);
                        newDependencies = true;
                    }
                }

                stage.Triggers = [.. commands];
                stage.CmdTotal += commands.Count;
                stage.Image = stage.Image with { Config = stage.Image.Config with { OnBuild = null } };
            }

            return newDependencies;
        }

        private void AddStage(StageDispatch state)
        {
            _stages.Add(state);
            if (state.Base is { } @base)
            {
                state.Outline = @base.Outline.Clone();
            }
        }

        /// <summary>
        /// How upstream's wrapper asks for a named context: never for <c>scratch</c> or <c>context</c> (null), and
        /// with the target platform when the caller has none.
        /// </summary>
        private Contexts.NamedContextRequest? ContextRequest(string name, LlbPlatform? platform) =>
            options.NamedContexts is null
            || string.Equals(name, EmptyImageName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "context", StringComparison.OrdinalIgnoreCase)
                ? null
                : new Contexts.NamedContextRequest(name, Contexts.ResolveModes.Name(options.ImageResolveMode), platform ?? options.TargetPlatform);

        /// <summary>Loads a named context; an error without a place is placed at <paramref name="location"/>.</summary>
        private async ValueTask<Contexts.NamedContext?> LoadContextAsync(Contexts.NamedContextRequest request, SourceRange? location, CancellationToken cancellationToken)
        {
            try
            {
                return await options.NamedContexts!.ResolveAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (ConvertException ex) when (ex.Range is null && location is { } range)
            {
                throw ex.At(range);
            }
        }

        /// <summary>
        /// A stage named by a context becomes that context, with its config and platform; an error is placed at the
        /// stage when it is loaded as reachable (v0.11 loaded it unplaced, at registration).
        /// </summary>
        private async ValueTask LoadStageContextAsync(StageDispatch stage, Contexts.NamedContextRequest request, CancellationToken cancellationToken)
        {
            var location = options.Profile.NamedContextsLoadWhenReachable ? stage.Location : null;
            var named = await LoadContextAsync(request, location, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("a named context vanished between lookup and load");
            stage.Dispatched = true;
            stage.State = ContextState(named, stage);
            if (named.Image is { } image)
            {
                stage.Image = StageImage.ClampTimes(image, options.SourceDateEpoch);
                if (image.Architecture.Length > 0 && image.OS.Length > 0)
                {
                    stage.Platform = new LlbPlatform(image.OS, image.Architecture, image.Variant);
                }
            }
        }

        private string Expand(string word, IReadOnlyDictionary<string, string> environment, SourceRange range) =>
            _lexer.TryExpand(word, environment, out var result, out var error)
                ? result
                : throw new ConvertException(error!.Message, range);

        /// <summary>Finds the stages each instruction reads from, adding images named only there as stages.</summary>
        private void PrepareCommands()
        {
            foreach (var state in _stages.States.ToArray())
            {
                if (state.Stage is not { } stage)
                {
                    continue;
                }

                foreach (var instruction in stage.Commands)
                {
                    foreach (var source in SourcesOf(instruction))
                    {
                        if (source is not null)
                        {
                            state.Deps.Set(source, instruction);
                        }
                    }
                }
            }
        }

        /// <summary>Adds "did you mean" for the first unset variable that is close to a defined arg.</summary>
        private static string SuggestArg(string message, IEnumerable<string> unset, IEnumerable<string> defined)
        {
            var names = defined.ToArray();
            foreach (var name in unset.Order(StringComparer.Ordinal))
            {
                if (Parser.Text.Suggest.Search(name, names, caseSensitive: true) is { } match)
                {
                    return $"{message} (did you mean {match}?)";
                }
            }

            return message;
        }

        private ConvertException TargetNotFound() =>
            options.Profile.TargetErrorQuotesAndSuggests
                ? new ConvertException(Parser.Text.Suggest.Wrap(
                    $"target stage {GoQuoting.Quote(options.Target)} could not be found",
                    options.Target,
                    _stages.States.Select(s => s.StageName).Where(n => n.Length > 0),
                    caseSensitive: true))
                : new ConvertException($"target stage {options.Target} could not be found");

        /// <summary>
        /// The stages <paramref name="instruction"/> reads from, the same each time it is asked: an image it names is
        /// registered as a stage once (its first asking), as BuildKit adds one per instruction.
        /// </summary>
        private ImmutableArray<StageDispatch?> SourcesOf(Instruction instruction)
        {
            if (_namedImages.TryGetValue(instruction, out var known))
            {
                return known;
            }

            var registered = _stages.States.Count;
            var sources = FindSources(instruction);
            if (_stages.States.Count > registered)
            {
                _namedImages[instruction] = sources;
            }

            return sources;
        }

        private ImmutableArray<StageDispatch?> FindSources(Instruction instruction)
        {
            switch (instruction)
            {
                case CopyInstruction { From.Length: > 0 } copy when options.Profile.CopyFromRejectsExpansion
                    && (!_lexer.TryExpand(copy.From, ImmutableDictionary<string, string>.Empty, out var literal, out _) || literal != copy.From):
                    throw new ConvertException("variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround");
                case CopyInstruction { From.Length: > 0 } copy:
                    return [int.TryParse(copy.From, System.Globalization.NumberStyles.AllowLeadingSign, null, out var index)
                        ? _stages.FindByIndex(index)
                        : _stages.FindByName(copy.From) ?? Unregistered(copy.From, copy.Range)];
                case RunInstruction run:
                    return [.. run.Mounts.Select(spec =>
                    {
                        var (mount, _) = RunMount.Parse(spec, static (string word, out string? error) =>
                        {
                            error = null;
                            return word;
                        });
                        var from = mount is { From.Length: > 0 } ? mount.From : EmptyImageName;
                        return (StageDispatch?)(_stages.FindByName(from) ?? Unregistered(from, run.Range));
                    })];
                default:
                    return [];
            }
        }

        private StageDispatch Unregistered(string baseName, SourceRange namedAt)
        {
            var state = new StageDispatch(null, baseName, "") { NamedAt = namedAt };
            _stages.Add(state);
            return state;
        }

        private async ValueTask ResolveBaseImagesAsync(IReadOnlySet<StageDispatch> reachable, CancellationToken cancellationToken)
        {
            foreach (var stage in _stages.States.ToArray())
            {
                if (stage.Base is not null || stage.Dispatched || stage.Resolved)
                {
                    continue;
                }

                stage.Resolved = reachable.Contains(stage);
                if (stage.Context is { } stageContext)
                {
                    if (stage.Resolved)
                    {
                        await LoadStageContextAsync(stage, stageContext, cancellationToken).ConfigureAwait(false);
                    }

                    continue;
                }

                if (stage.BaseName == EmptyImageName)
                {
                    stage.State = LlbState.Scratch;
                    stage.Image = StageImage.Scratch(Platforms.Target, options.Profile.WindowsPathRules);
                    if (options.Profile.ScratchStageTakesTargetPlatform)
                    {
                        stage.Platform = Platforms.Target;
                    }

                    stage.Dispatched |= stage.Unregistered;
                    continue;
                }

                var reference = ImageReference.TryParseNormalized(stage.BaseName, out var error, options.Profile.ReferenceErrorsNameRepository)
                    ?? throw new ConvertException($"failed to parse stage name \"{stage.BaseName}\": {error}", stage.Location);
                var platform = stage.Platform ?? Platforms.Target;
                var origName = stage.BaseName;
                stage.BaseName = reference.WithDefaultTag().ToString();
                var loads = stage.Resolved || !options.Profile.NamedContextsLoadWhenReachable;
                var named = loads && ContextRequest(stage.BaseName, platform) is { } request
                    ? await LoadContextAsync(request, stage.Location, cancellationToken).ConfigureAwait(false)
                    : null;
                if (named is not null)
                {
                    stage.Image = named.Image ?? StageImage.Scratch(Platforms.Target, options.Profile.WindowsPathRules);
                    stage.State = ContextState(named, stage).WithPlatform(platform.Normalize());
                    stage.Platform = platform;
                    stage.Dispatched |= stage.Unregistered;
                    continue;
                }

                var isScratch = false;
                if (reachable.Contains(stage))
                {
                    var resolved = await options.ImageResolver.ResolveAsync(reference, platform, cancellationToken).ConfigureAwait(false);
                    var image = resolved.Config with { Created = null };
                    if (stage.Platform is null && Platforms.Implicit)
                    {
                        platform = StageImage.AutoDetectPlatform(image, platform, Platforms.Build);
                    }

                    if (options.Profile.PinnedBaseKeepsTag)
                    {
                        reference = reference.WithDefaultTag();
                    }

                    if (resolved.Digest is { Length: > 0 } digest)
                    {
                        reference = reference.WithDigest(digest);
                    }

                    stage.BaseName = reference.ToString();
                    isScratch = StageImage.IsScratch(image);
                    stage.Image = image;
                    if (!isScratch)
                    {
                        lint.BaseImage(origName, platform, image, stage.Location);
                    }
                }

                stage.State = isScratch
                    ? LlbState.Scratch
                    : Sources.Image(stage.BaseName, new ImageOptions
                    {
                        ResolveMode = options.ImageResolveMode,
                        Constraints = Names.Located(
                            OpConstraints.None
                                .WithDescription(Names.CommandKey, stage.SourceCode)
                                .WithCustomName(Names.Prefix(stage, "FROM " + stage.BaseName, options.PrefixPlatform, platform, null))
                                with { Platform = platform },
                            options.SourceMap,
                            stage.Location),
                    }).WithPlatform(platform.Normalize());
                stage.Platform = platform;
                stage.Dispatched |= stage.Unregistered;
            }
        }

        /// <summary>
        /// The state a named context gives <paramref name="stage"/>: a <c>local:</c> directory stands for a source
        /// made once every stage is dispatched, when the paths read from the stage are known (dockerui's
        /// <c>asyncLocalOutput</c> with the dispatch state's <c>asyncLocalOpts</c>).
        /// </summary>
        private LlbState ContextState(Contexts.NamedContext named, StageDispatch stage)
        {
            if (named.Local is not { } local || !options.Profile.LocalContextsFollowUsedPaths)
            {
                return named.State;
            }

            var deferred = new DeferredVertex();
            _localContexts.Add((deferred, local, stage));
            return named.State.WithOutput(new LlbOutput(deferred));
        }

        private void BindLocalContexts()
        {
            foreach (var (vertex, source, stage) in _localContexts)
            {
                vertex.Bind(source.Load(FollowPaths(stage.Paths)));
            }
        }

        /// <summary>
        /// The <c>local.followpaths</c> of a local source whose readers used <paramref name="paths"/> (absolute):
        /// relative and sorted, or null when nothing or the root is used (convert.go's <c>normalizeContextPaths</c>).
        /// </summary>
        private static ImmutableArray<string>? FollowPaths(IReadOnlySet<string> paths) =>
            paths.Count == 0 || paths.Contains("/")
                ? null
                : [.. paths.Select(p => PosixPath.Join(".", p)).Order(StringComparer.Ordinal)];

        private void BindContext(HashSet<string> contextPaths, ImmutableArray<string>? excludes)
        {
            var follow = FollowPaths(contextPaths);
            if (options.BuildContext is { } given)
            {
                _context.Bind(given.Output is null ? throw new ConvertException("the build context is empty") : given);
                return;
            }

            _context.Bind(Sources.Local(options.ContextLocalName, new LocalOptions
            {
                SessionId = options.SessionId,
                ExcludePatterns = excludes is { Length: > 0 } patterns ? patterns : null,
                SharedKeyHint = options.ContextLocalName,
                FollowPaths = follow,
                Constraints = OpConstraints.None.WithCustomName("[internal] load build context"),
            }));
        }
    }
}
