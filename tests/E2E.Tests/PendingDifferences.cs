using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace CSharpFrontend.E2E.Tests;

/// <summary>
/// tests/e2e/pending.json: per daemon, the comparison aspects (files, config, manifest, steps, order, cache, error;
/// on dockerd "rejects": our build of a case that needs a missing capability) that are known to differ from the
/// builtin frontend or the case, with the reason and the cases ("*": all). A pending aspect is
/// still compared and reported (out/e2e/summary.tsv, the test output) but does not fail the case; removing an entry
/// (or the whole daemon) makes it strict. Meant for the converter work on v0.24.0's output that is still open.
/// </summary>
internal sealed record PendingDifferences(ImmutableDictionary<string, (string Why, ImmutableHashSet<string> Cases)> Aspects)
{
    public static string FilePath => Path.Combine(TestPaths.RepoRoot, "tests", "e2e", "pending.json");

    public static PendingDifferences For(Daemon daemon)
    {
        var json = File.Exists(FilePath) ? JsonNode.Parse(File.ReadAllText(FilePath))?[daemon.Name]?.AsObject() : null;
        var aspects = (json ?? []).ToImmutableDictionary(
            entry => entry.Key,
            entry => (
                entry.Value!["why"]!.GetValue<string>(),
                entry.Value["cases"]!.AsArray().Select(item => item!.GetValue<string>()).ToImmutableHashSet(StringComparer.Ordinal)));
        return new PendingDifferences(aspects);
    }

    /// <summary>Why <paramref name="aspect"/> of <paramref name="case"/> may differ, or null when it must be identical.</summary>
    public string? Why(string @case, string aspect) =>
        Aspects.TryGetValue(aspect, out var pending) && (pending.Cases.Contains("*") || pending.Cases.Contains(@case)) ? pending.Why : null;
}
