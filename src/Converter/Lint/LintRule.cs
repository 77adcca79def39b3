namespace CSharpFrontend.Converter.Lint;

/// <summary>
/// One build check of BuildKit's Dockerfile linter (<c>linter.LinterRule</c>): its name, description, documentation
/// URL, whether it is experimental (off unless enabled by <c># check=experimental=</c>), and how its message reads.
/// </summary>
/// <param name="Name">The rule name, e.g. <c>StageNameCasing</c>.</param>
/// <param name="Description">The one-line description.</param>
/// <param name="Url">The documentation page; empty when the rule has none.</param>
/// <param name="Experimental">Off unless enabled by name or with <c>experimental=all</c>.</param>
/// <param name="Template">The message; <c>{0}</c>, <c>{1}</c> are the arguments as given.</param>
public sealed record LintRule(string Name, string Description, string Url, bool Experimental, string Template)
{
    /// <summary>Deprecated rules never fire (none is in v0.24.0).</summary>
    public bool Deprecated { get; init; }

    /// <summary>The message with its arguments.</summary>
    public string Format(params string[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Template, args);
}
