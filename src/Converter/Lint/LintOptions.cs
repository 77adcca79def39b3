namespace CSharpFrontend.Converter.Lint;

/// <summary>Build checks during a conversion: where each warning goes, and the configuration when the client gives one.</summary>
/// <param name="Warn">Receives each warning as it is found (possibly from several threads).</param>
public sealed record LintOptions(Action<LintWarning> Warn)
{
    /// <summary>The client's configuration; null: the <c>BUILDKIT_DOCKERFILE_CHECK</c> build arg, else the <c># check=</c> directive.</summary>
    public CheckConfig? Config { get; init; }
}
