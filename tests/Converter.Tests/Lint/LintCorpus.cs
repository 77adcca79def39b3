using System.Text.Json.Nodes;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Lint;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Converter.Tests.Lint;

/// <summary>
/// The v0.24 corpus (<see cref="TestPaths.ConformanceDir"/>: <c>CONFORMANCE_DIR</c>, default
/// <c>../shared/conformance-v0.24</c>): each case's Dockerfile and options, and upstream's <c>expected/lint.json</c>.
/// </summary>
internal static class LintCorpus
{
    public static string Dir => TestPaths.ConformanceDir;

    public static bool Present => Directory.Exists(Path.Combine(Dir, "cases"));

    public static IEnumerable<string> CaseNames() => Present
        ? Directory.EnumerateDirectories(Path.Combine(Dir, "cases")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
        : [];

    /// <summary>The options of a case as the corpus README gives them (target, platform, build args, image metadata).</summary>
    public static ConvertOptions Options(string name) => CaseOptions.Apply(
        new ConvertOptions
        {
            TargetPlatform = LlbPlatform.LinuxAmd64,
            BuildPlatforms = [LlbPlatform.LinuxAmd64],
            LocalUniqueId = "conformance",
            LlbCaps = LlbCaps.All,
        },
        Path.Combine(Dir, "cases", name, "options.json"),
        Dir);

    public static async Task<LintResult> LintAsync(string name)
    {
        var data = await File.ReadAllBytesAsync(Path.Combine(Dir, "cases", name, "Dockerfile"));
        return await DockerfileLinter.LintAsync(data, "Dockerfile", Options(name));
    }

    /// <summary>A result as compared: sorted warnings (README order), sources without <c>definition</c>.</summary>
    public static JsonNode Comparable(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        foreach (var source in node["sources"]!.AsArray())
        {
            source!.AsObject().Remove("definition");
        }

        if (node["warnings"] is JsonArray warnings)
        {
            var sorted = warnings.Select(w => w!.DeepClone()).OrderBy(w => w, WarningOrder.Instance).ToArray();
            node["warnings"] = new JsonArray(sorted);
        }

        return node;
    }

    /// <summary>The corpus README's order: no location first, then start line, start character, rule, detail, end line, end character.</summary>
    private sealed class WarningOrder : IComparer<JsonNode?>
    {
        public static WarningOrder Instance { get; } = new();

        public int Compare(JsonNode? x, JsonNode? y)
        {
            var (a, b) = (Key(x!), Key(y!));
            for (var i = 0; i < a.Length; i++)
            {
                var c = a[i] is int ai ? ai.CompareTo((int)b[i]) : string.CompareOrdinal((string)a[i], (string)b[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        }

        private static object[] Key(JsonNode w)
        {
            var range = w["location"]?["ranges"]?.AsArray().FirstOrDefault();
            int Pos(string end, string field) => range?[end]?[field]?.GetValue<int>() ?? 0;
            return
            [
                range is null ? 0 : 1, Pos("start", "line"), Pos("start", "character"),
                w["ruleName"]?.GetValue<string>() ?? "", w["detail"]?.GetValue<string>() ?? "",
                Pos("end", "line"), Pos("end", "character"),
            ];
        }
    }
}
