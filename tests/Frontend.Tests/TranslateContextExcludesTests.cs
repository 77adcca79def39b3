using Pb;

namespace CSharpFrontend.Frontend.Tests;

/// <summary>
/// <c>translate --context DIR</c>: the context's .dockerignore (or the Dockerfile's own <c>Dockerfile.dockerignore</c>,
/// which upstream prefers) becomes the <c>local.excludepatterns</c> attribute of the context source, as in a build.
/// </summary>
public sealed class TranslateContextExcludesTests
{
    [Fact]
    public void The_context_dockerignore_gives_the_exclude_patterns()
    {
        using var work = new WorkDirectory();
        work.Write("Dockerfile", "FROM scratch\nCOPY . /app\n");
        work.Write(".dockerignore", "# comment\n*.env\n\n!keep.env\nlogs/\n");

        var excludes = ContextExcludes(CliProcess.Run("", "translate", "--context", work.Path, work.File("Dockerfile")));

        // Comments and blank lines dropped; a trailing slash is cleaned away as filepath.Clean does upstream.
        Assert.Equal("[\"*.env\",\"!keep.env\",\"logs\"]", excludes);
    }

    [Fact]
    public void The_dockerfile_specific_ignore_file_wins()
    {
        using var work = new WorkDirectory();
        work.Write("Dockerfile", "FROM scratch\nCOPY . /app\n");
        work.Write(".dockerignore", "*.env\n");
        work.Write("Dockerfile.dockerignore", "*.md\n");

        Assert.Equal("[\"*.md\"]", ContextExcludes(CliProcess.Run("", "translate", "--context", work.Path, work.File("Dockerfile"))));
    }

    [Fact]
    public void Without_a_context_there_are_no_excludes_and_a_missing_directory_is_an_error()
    {
        using var work = new WorkDirectory();
        work.Write("Dockerfile", "FROM scratch\nCOPY . /app\n");
        work.Write(".dockerignore", "*.env\n");

        Assert.Null(ContextExcludes(CliProcess.Run("", "translate", work.File("Dockerfile"))));

        var missing = CliProcess.Run("", "translate", "--context", work.File("nope"), work.File("Dockerfile"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Empty(missing.Stdout);
        Assert.Contains("does not exist", missing.Stderr);
    }

    private static string? ContextExcludes(CliProcess.Result result)
    {
        Assert.True(result.ExitCode == 0, result.Stderr);
        var definition = Definition.Parser.ParseFrom(result.Stdout);
        var source = definition.Def.Select(bytes => Op.Parser.ParseFrom(bytes))
            .Single(op => op.Source?.Identifier == "local://context").Source;
        return source.Attrs.TryGetValue("local.excludepatterns", out var value) ? value : null;
    }

    private sealed class WorkDirectory : IDisposable
    {
        private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("translate-context-");

        public string Path => _directory.FullName;

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Write(string name, string text) => System.IO.File.WriteAllText(File(name), text);

        public void Dispose() => _directory.Delete(recursive: true);
    }
}
