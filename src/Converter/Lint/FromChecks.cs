using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Parser;
using CSharpFrontend.Shell;

namespace CSharpFrontend.Converter.Lint;

/// <summary>
/// The checks of FROM lines: InvalidDefaultArgInFrom, UndefinedArgInFrom, RedundantTargetPlatform,
/// FromPlatformFlagConstDisallowed, InvalidBaseImagePlatform.
/// </summary>
internal static class FromChecks
{
    /// <summary>InvalidDefaultArgInFrom: each base name expanded with the global ARGs' defaults only (no build args) must be a valid reference.</summary>
    public static void DefaultArgs(Parser.Dockerfile ast, ShellLexer lexer, IEnumerable<ArgValue> platformArgs, Linter lint)
    {
        if (!lint.Reports(LintRules.InvalidDefaultArgInFrom))
        {
            return;
        }

        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var arg in platformArgs)
        {
            env[arg.Key] = arg.ValueOrEmpty;
        }

        foreach (var definition in ast.MetaArgs.SelectMany(a => a.Args))
        {
            if (definition.Value is not { } value)
            {
                continue;
            }

            if (!lexer.TryExpand(value, env, out var expanded, out _))
            {
                return;
            }

            env[definition.Key] = expanded;
        }

        foreach (var stage in ast.Stages)
        {
            if (!lexer.TryExpand(stage.BaseName, env, out var name, out _))
            {
                return;
            }

            if (ImageReference.TryParseNormalized(name, out _) is null)
            {
                lint.Run(LintRules.InvalidDefaultArgInFrom, stage.Range, LintRules.InvalidDefaultArgInFrom.Format(stage.BaseName));
            }
        }
    }

    /// <summary>
    /// UndefinedArgInFrom: a variable of the base name or platform that no global ARG declares (those found unset
    /// before a failure included: upstream reports them before the error).
    /// </summary>
    public static void UndeclaredArgs(Stage stage, IReadOnlySet<string> unset, IReadOnlyCollection<string> declared, Linter lint)
    {
        if (!lint.Reports(LintRules.UndefinedArgInFrom))
        {
            return;
        }

        foreach (var name in unset.Order(StringComparer.Ordinal))
        {
            if (declared.Contains(name))
            {
                continue;
            }

            var suggestion = Parser.Text.Suggest.Search(name, declared, caseSensitive: true);
            lint.Run(LintRules.UndefinedArgInFrom, stage.Range,
                LintRules.WithSuggestion(LintRules.UndefinedArgInFrom.Format(name), suggestion, dollar: false));
        }
    }

    /// <summary>RedundantTargetPlatform and FromPlatformFlagConstDisallowed for <c>FROM --platform</c>.</summary>
    public static void PlatformFlag(Stage stage, ExpansionResult? expansion, IReadOnlyDictionary<string, string> env, Linter lint)
    {
        if (expansion is null)
        {
            return;
        }

        if (expansion.UsedVariables.Count == 1 && expansion.UnsetVariables.Count == 0 && expansion.UsedVariables.Contains("TARGETPLATFORM")
            && env.TryGetValue("TARGETPLATFORM", out var target) && expansion.Value == target)
        {
            lint.Run(LintRules.RedundantTargetPlatform, stage.Range, LintRules.RedundantTargetPlatform.Format(stage.Platform));
        }

        if (expansion.UsedVariables.Count > 0 || expansion.UnsetVariables.Count > 0)
        {
            return;
        }

        LlbPlatform platform;
        try
        {
            platform = LlbPlatform.Parse(expansion.Value);
        }
        catch (FormatException)
        {
            return;
        }

        if (stage.Name.Contains(platform.OS, StringComparison.Ordinal) || stage.Name.Contains(platform.Architecture, StringComparison.Ordinal))
        {
            return;
        }

        lint.Run(LintRules.FromPlatformFlagConstDisallowed, stage.Range, LintRules.FromPlatformFlagConstDisallowed.Format(LintRules.Quote(expansion.Value)));
    }

    /// <summary>
    /// InvalidBaseImagePlatform: the image's OS/architecture differ from the platform asked for (both as given); the
    /// message shows both normalized, with an OS version (<c>FormatAll</c>).
    /// </summary>
    public static void BaseImagePlatform(string name, LlbPlatform expected, ImageConfig image, SourceRange? location, Linter lint)
    {
        if (expected.OS == image.OS && expected.Architecture == image.Architecture)
        {
            return;
        }

        var actual = new LlbPlatform(image.OS, image.Architecture, image.Variant, image.OSVersion).Normalize();
        lint.Run(LintRules.InvalidBaseImagePlatform, location, LintRules.InvalidBaseImagePlatform.Format(
            name, LintRules.Quote(expected.Normalize().FormatAll()), LintRules.Quote(actual.FormatAll())));
    }
}
