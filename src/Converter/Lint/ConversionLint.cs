using System.Collections.Immutable;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Parser;
using CSharpFrontend.Shell;

namespace CSharpFrontend.Converter.Lint;

/// <summary>The converter's side of the build checks: one call per point where BuildKit's converter runs its linter.</summary>
internal sealed class ConversionLint
{
    /// <summary>The build arg that configures the checks (it wins over the directive).</summary>
    public const string CheckArg = CheckConfig.BuildArg;

    private readonly Parser.Dockerfile? _ast;
    private HashSet<SourceRange>? _runRanges;
    private readonly ShellLexer _lexer;
    private readonly IReadOnlyDictionary<string, string> _buildArgs;
    private DispatchChecks _dispatch;

    private ConversionLint(Linter linter, ShellLexer lexer, ConvertOptions options, Parser.Dockerfile? ast)
    {
        Linter = linter;
        _ast = ast;
        (_lexer, _buildArgs) = (lexer, options.BuildArgs);

        // The exclude patterns come with UseExcludes, once the conversion has them (before the first instruction).
        _dispatch = Checks(null);
    }

    /// <summary>The context's exclude patterns as read for the dispatch (CopyIgnoredFile matches sources against them).</summary>
    public void UseExcludes(ImmutableArray<string>? excludes) => _dispatch = Checks(excludes);

    private DispatchChecks Checks(ImmutableArray<string>? excludes) =>
        new(Linter, _lexer, _buildArgs, excludes is { Length: > 0 } patterns ? new IgnoreMatcher(patterns) : null);

    public Linter Linter { get; }

    /// <summary>
    /// Reads the configuration (client's, build arg, or <c># check=</c> directive) and runs the checks of the parse;
    /// an invalid configuration is rejected as upstream words it.
    /// </summary>
    /// <remarks>The checks expand words with a budget of their own as large as the conversion's (<paramref name="budget"/>).</remarks>
    public static ConversionLint Start(ParseResult parsed, ParseChecks.NodeFindings findings, ConvertOptions options, ExpansionBudget budget)
    {
        CheckConfig config;
        if (options.Lint?.Config is { } given)
        {
            config = given;
        }
        else if (options.BuildArgs.TryGetValue(CheckArg, out var arg))
        {
            config = Parse(() => CheckConfig.ParseBuildArg(arg));
        }
        else
        {
            // ParseDirective keeps the value up to its first space.
            var directive = (parsed.Syntax?.Directives.FirstOrDefault(d => d.Name == "check")?.Value ?? "").Split(' ', 2)[0];
            config = Parse(() => CheckConfig.Parse(directive), "failed to parse check options: ");
        }

        var linter = new Linter(config, options.Lint?.Warn);
        var lexer = new ShellLexer(parsed.Syntax?.EscapeToken ?? '\\', new ShellLexerOptions { Budget = budget });
        var lint = new ConversionLint(linter, lexer, options, parsed.Ast);
        if (linter.Active)
        {
            ParseChecks.Run(parsed, findings, linter);
        }

        return lint;
    }

    /// <summary>The configuration <paramref name="parse"/> reads; its <see cref="FormatException"/> as the conversion's error.</summary>
    private static CheckConfig Parse(Func<CheckConfig> parse, string context = "")
    {
        try
        {
            return parse();
        }
        catch (FormatException ex)
        {
            throw new ConvertException(context + ex.Message);
        }
    }

    /// <summary>Before the global ARGs are evaluated with the build args: InvalidDefaultArgInFrom.</summary>
    public void GlobalArgs(Parser.Dockerfile ast, ShellLexer lexer, IEnumerable<ArgValue> platformArgs)
    {
        if (Linter.Active)
        {
            FromChecks.DefaultArgs(ast, lexer, platformArgs, Linter);
        }
    }

    /// <summary>A stage's base name was expanded, or failed to expand after looking up <paramref name="unset"/>.</summary>
    public void BaseName(Stage stage, IReadOnlySet<string> unset, IReadOnlyCollection<string> declaredArgs) =>
        FromChecks.UndeclaredArgs(stage, unset, declaredArgs, Linter);

    /// <summary>
    /// A stage's <c>--platform</c> was expanded (<paramref name="expansion"/> null: it failed after looking up
    /// <paramref name="unset"/>, and only UndefinedArgInFrom can fire).
    /// </summary>
    public void PlatformFlag(Stage stage, ExpansionResult? expansion, IReadOnlySet<string> unset, IReadOnlyCollection<string> declaredArgs, IReadOnlyDictionary<string, string> env)
    {
        FromChecks.UndeclaredArgs(stage, unset, declaredArgs, Linter);
        if (Linter.Active)
        {
            FromChecks.PlatformFlag(stage, expansion, env, Linter);
        }
    }

    /// <summary>
    /// A base image's config was resolved for <paramref name="platform"/>; <paramref name="location"/> is its FROM
    /// or the instruction naming it (none for <c>RUN --mount from=</c>, whose implicit stage upstream leaves unlocated).
    /// </summary>
    public void BaseImage(string name, LlbPlatform platform, ImageConfig image, SourceRange? location)
    {
        if (Linter.Reports(LintRules.InvalidBaseImagePlatform))
        {
            FromChecks.BaseImagePlatform(name, platform, image, location is { } l && !RunRanges().Contains(l) ? l : null, Linter);
        }
    }

    /// <summary>Where the RUNs are (made when first needed: most conversions never ask).</summary>
    private HashSet<SourceRange> RunRanges() =>
        _runRanges ??= _ast is null ? [] : [.. _ast.Stages.SelectMany(s => s.Commands).OfType<RunInstruction>().Select(r => r.Range)];

    /// <summary>Before an instruction of a stage is dispatched.</summary>
    public void Instruction(StageDispatch stage, Instruction instruction) => _dispatch.Before(stage, instruction);

    /// <summary>After every stage was dispatched: with <c>error=true</c> and warnings, the build fails.</summary>
    public void ThrowIfViolations()
    {
        if (Linter.Error() is { } message)
        {
            throw new ConvertException(message);
        }
    }
}
