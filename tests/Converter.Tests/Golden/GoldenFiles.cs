using DiffPlex.Renderer;

namespace CSharpFrontend.Converter.Tests.Golden;

/// <summary>
/// Compares produced files with the checked-in ones. <c>UPDATE_GOLDEN=1</c> rewrites them (and deletes ones the case
/// no longer produces); otherwise a difference fails with a unified diff, and a missing file fails too.
/// </summary>
public static class GoldenFiles
{
    /// <summary>
    /// True when <c>UPDATE_GOLDEN=1</c>. Under CI (<c>CI=true</c>, which <c>.ci/run</c> sets) asking for an update is an
    /// error: CI compares, it never rewrites what it compares against.
    /// </summary>
    public static bool Updating => UpdateRequested(Environment.GetEnvironmentVariable("UPDATE_GOLDEN"), IsCi);

    /// <summary>Whether an update was asked for; throws when it was asked for under CI.</summary>
    public static bool UpdateRequested(string? updateGolden, bool ci) => (updateGolden == "1", ci) switch
    {
        (true, true) => throw new InvalidOperationException("UPDATE_GOLDEN=1 under CI: golden files are only compared in CI, never rewritten"),
        (var requested, _) => requested,
    };

    /// <summary>True when <c>CI=true</c>.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The problems found (empty when every file matches); writes the files instead when <see cref="Updating"/>.</summary>
    public static IReadOnlyList<string> Check(string directory, GoldenOutput output) => Check(directory, output, Updating);

    /// <summary>The problems found (empty when every file matches); writes the files instead when <paramref name="updating"/>.</summary>
    public static IReadOnlyList<string> Check(string directory, GoldenOutput output, bool updating)
    {
        var problems = new List<string>();
        foreach (var name in GoldenOutput.AllFiles)
        {
            var path = Path.Combine(directory, name);
            var exists = File.Exists(path);
            var expected = exists ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
            output.Files.TryGetValue(name, out var actual);
            if (expected == actual)
            {
                continue;
            }

            if (updating)
            {
                if (actual is null)
                {
                    File.Delete(path);
                }
                else
                {
                    File.WriteAllText(path, actual);
                }

                continue;
            }

            problems.Add((expected, actual) switch
            {
                (null, _) => $"{name}: missing expected file (run with UPDATE_GOLDEN=1 to write it, then check it by hand); actual:\n{actual}",
                (_, null) => $"{name}: expected file exists but the case produced none (expected:\n{expected})",
                _ => $"{name} differs:\n" + UnidiffRenderer.GenerateUnidiff(expected, actual, "expected/" + name, "actual/" + name, false, false, 3),
            });
        }

        return problems;
    }
}
