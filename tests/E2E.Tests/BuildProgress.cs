using System.Text.RegularExpressions;

namespace CSharpFrontend.E2E.Tests;

/// <summary>What a <c>--progress=plain</c> output shows: the vertices (steps) and the error report at its end.</summary>
internal static partial class BuildProgress
{
    public sealed record Step(string Name, bool Cached);

    [GeneratedRegex(@"^#(\d+) (\[[^\]]*\] (?:RUN|COPY|ADD|WORKDIR) .*)$")]
    private static partial Regex StepName();

    [GeneratedRegex(@"^#(\d+) (.*)$")]
    private static partial Regex VertexLine();

    [GeneratedRegex(@"^#(\d+) CACHED$")]
    private static partial Regex CachedStatus();

    [GeneratedRegex(@"^\[[^\]]*\d+/\d+\] ")]
    private static partial Regex NumberedStep();

    [GeneratedRegex(@"^\S+:\d+(-\d+)?$")]
    private static partial Regex ExcerptHeader();

    /// <summary>RUN, COPY, ADD and WORKDIR steps (not FROM, not the internal loads), in the order they appear.</summary>
    public static IReadOnlyList<Step> Steps(string output) =>
        [.. Vertices(output).Where(vertex => StepName().IsMatch("#0 " + vertex.Name))];

    /// <summary>Every vertex (by the first line that names it) in the order they first appear, and whether it was cached.</summary>
    public static IReadOnlyList<Step> Vertices(string output)
    {
        var names = new Dictionary<string, string>();
        var order = new List<string>();
        var cached = new HashSet<string>();
        foreach (var line in Lines(output))
        {
            if (CachedStatus().Match(line) is { Success: true } status)
            {
                cached.Add(status.Groups[1].Value);
            }
            else if (VertexLine().Match(line) is { Success: true } vertex && !names.ContainsKey(vertex.Groups[1].Value))
            {
                names[vertex.Groups[1].Value] = vertex.Groups[2].Value;
                order.Add(vertex.Groups[1].Value);
            }
        }

        return [.. order.Select(number => new Step(names[number], cached.Contains(number)))];
    }

    /// <summary>Whether a vertex is a Dockerfile step (<c>[2/5] RUN ...</c>, <c>[build 1/3] FROM ...</c>).</summary>
    public static bool IsNumbered(Step step) => NumberedStep().IsMatch(step.Name);

    /// <summary>
    /// The error report buildctl ends a failed build with: the source excerpt (<c>Dockerfile:3</c>, the lines,
    /// <c>&gt;&gt;&gt;</c> on the failing one) when there is one, and the <c>error:</c> line.
    /// </summary>
    /// <summary>The warnings buildctl printed (<c>#N WARN: text</c>), without the vertex number, in order.</summary>
    public static List<string> Warnings(string output) =>
        [.. Lines(output).Select(line => WarningLine().Match(line)).Where(match => match.Success).Select(match => match.Groups[1].Value)];

    [GeneratedRegex(@"^#[0-9]+ WARN: (.*)$")]
    private static partial Regex WarningLine();

    /// <summary>
    /// The warnings in a <c>--progress=rawjson</c> output, in the order the daemon sent them, one line each: the step
    /// they are attached to, level, short text, URL, details, source file and ranges.
    /// </summary>
    public static List<SentWarning> RawWarnings(string output)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var warnings = new List<SentWarning>();
        foreach (var line in Lines(output))
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            using var status = System.Text.Json.JsonDocument.Parse(line);
            var root = status.RootElement;
            if (root.TryGetProperty("vertexes", out var vertexes) && vertexes.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                foreach (var vertex in vertexes.EnumerateArray())
                {
                    names[vertex.GetProperty("digest").GetString()!] = vertex.GetProperty("name").GetString()!;
                }
            }

            if (!root.TryGetProperty("warnings", out var list) || list.ValueKind != System.Text.Json.JsonValueKind.Array)
            {
                continue;
            }

            foreach (var warning in list.EnumerateArray())
            {
                string Text(string name) => warning.TryGetProperty(name, out var value) ? value.ToString() : "";
                string Decoded(System.Text.Json.JsonElement value) => System.Text.Encoding.UTF8.GetString(value.GetBytesFromBase64());
                var vertex = Text("vertex");
                var details = warning.TryGetProperty("detail", out var detail) && detail.ValueKind == System.Text.Json.JsonValueKind.Array
                    ? string.Join(" / ", detail.EnumerateArray().Select(Decoded))
                    : "";
                var file = warning.TryGetProperty("sourceInfo", out var info) && info.TryGetProperty("filename", out var name) ? name.GetString() : "";
                warnings.Add(new SentWarning(names.GetValueOrDefault(vertex, vertex), Text("level"), Decoded(warning.GetProperty("short")), Text("url"), details, file ?? "", Text("range")));
            }
        }

        return warnings;
    }

    public static string ErrorReport(string output)
    {
        var lines = Lines(output).ToList();
        var error = lines.FindLastIndex(line => line.StartsWith("error: ", StringComparison.Ordinal));
        if (error < 0)
        {
            return "(no error line)";
        }

        const string Rule = "--------------------";
        var header = Enumerable.Range(0, error).LastOrDefault(index => ExcerptHeader().IsMatch(lines[index]) && lines[index + 1] == Rule, -1);
        if (header < 0)
        {
            return lines[error];
        }

        var end = lines.FindIndex(header + 2, line => line == Rule);
        return string.Join('\n', lines.Skip(header).Take(end - header + 1).Append(lines[error]));
    }

    private static IEnumerable<string> Lines(string output) => output.Split('\n').Select(line => line.TrimEnd('\r'));
}

/// <summary>A warning as the daemon sent it: the step it is attached to, and what the display would print.</summary>
internal sealed record SentWarning(string Step, string Level, string Short, string Url, string Details, string File, string Ranges)
{
    public override string ToString() => $"[{Step}] level {Level}: {Short} | {Url} | {Details} | {File} {Ranges}";
}
