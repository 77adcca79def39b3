using System.Collections.Immutable;
using CSharpFrontend.Shared;

namespace CSharpFrontend.Converter.Lint;

/// <summary>
/// Which checks run and whether a warning fails the build: the <c># check=</c> directive or the
/// <c>BUILDKIT_DOCKERFILE_CHECK</c> build arg (<c>skip=A,B|all;experimental=C|all;error=true</c>), as BuildKit's
/// <c>linter.ParseLintOptions</c> reads it.
/// </summary>
public sealed record CheckConfig
{
    public static CheckConfig Default { get; } = new();

    public bool SkipAll { get; init; }

    public ImmutableHashSet<string> SkipRules { get; init; } = ImmutableHashSet<string>.Empty;

    public bool ExperimentalAll { get; init; }

    public ImmutableHashSet<string> ExperimentalRules { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary><c>error=true</c>: the conversion fails after it completes when any check fired.</summary>
    public bool Error { get; init; }

    /// <summary>Whether <paramref name="rule"/> reports under this configuration.</summary>
    public bool Enables(LintRule rule) => !rule.Deprecated && (rule.Experimental
        ? ExperimentalAll || ExperimentalRules.Contains(rule.Name)
        : !SkipAll && !SkipRules.Contains(rule.Name));

    /// <summary>The build arg that configures the checks (it wins over the directive).</summary>
    public const string BuildArg = "BUILDKIT_DOCKERFILE_CHECK";

    /// <summary>
    /// Parses the build arg's value; <see cref="FormatException"/> worded as dockerui's <c>init</c> words it
    /// (<c>failed to parse build-arg:BUILDKIT_DOCKERFILE_CHECK: ...</c>).
    /// </summary>
    public static CheckConfig ParseBuildArg(string text)
    {
        try
        {
            return Parse(text);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"failed to parse build-arg:{BuildArg}: {ex.Message}", ex);
        }
    }

    /// <summary>Parses the option text; <see cref="FormatException"/> with upstream's message when it is invalid.</summary>
    public static CheckConfig Parse(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return Default;
        }

        var config = Default;
        foreach (var part in text.Split(';', 3))
        {
            var eq = part.IndexOf('=');
            if (eq < 0)
            {
                throw new FormatException($"invalid check option {GoQuoting.Quote(part)}");
            }

            var key = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim();
            switch (key)
            {
                // A later list replaces an earlier one but never undoes an "all" (ParseLintOptions only sets it).
                case "skip":
                    config = value == "all" ? config with { SkipAll = true } : config with { SkipRules = Names(value) };
                    break;
                case "experimental":
                    config = value == "all" ? config with { ExperimentalAll = true } : config with { ExperimentalRules = Names(value) };
                    break;
                case "error":
                    config = config with
                    {
                        Error = ParseBool(value) ?? throw new FormatException(
                            $"failed to parse check option {GoQuoting.Quote(part)}: strconv.ParseBool: parsing {GoQuoting.Quote(value)}: invalid syntax"),
                    };
                    break;
                default:
                    throw new FormatException($"invalid check option {GoQuoting.Quote(key)}");
            }
        }

        return config;
    }

    /// <summary>Go's <c>strconv.ParseBool</c>.</summary>
    private static bool? ParseBool(string value) => value switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };

    private static ImmutableHashSet<string> Names(string list) =>
        list.Split(',').Select(n => n.Trim()).ToImmutableHashSet(StringComparer.Ordinal);
}
