using System.Text;
using System.Text.Json;
using CSharpFrontend.Converter.Lint;

namespace CSharpFrontend.Frontend.Lint;

/// <summary>SARIF 2.1.0 of one or more lint results (one run; every rule of the rule set described once), for code-scanning tools.</summary>
internal static class LintSarif
{
    public static string Write(IReadOnlyList<LintResult> results)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "csharp-frontend");
            json.WriteString("informationUri", "https://docs.docker.com/reference/build-checks/");
            json.WriteStartArray("rules");
            foreach (var rule in LintRules.All)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Name);
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Description);
                json.WriteEndObject();
                if (rule.Url.Length > 0)
                {
                    json.WriteString("helpUri", rule.Url);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var result in results)
            {
                var level = result.WarningsAreErrors ? "error" : "warning";
                foreach (var warning in result.Sorted())
                {
                    json.WriteStartObject();
                    json.WriteString("ruleId", warning.Rule.Name);
                    json.WriteNumber("ruleIndex", LintRules.All.IndexOf(warning.Rule));
                    json.WriteString("level", level);
                    json.WriteStartObject("message");
                    json.WriteString("text", warning.Detail);
                    json.WriteEndObject();
                    Locations(json, result.Source.Filename, warning.Ranges);
                    json.WriteEndObject();
                }

                if (result.Error is { } error)
                {
                    json.WriteStartObject();
                    json.WriteString("level", "error");
                    json.WriteStartObject("message");
                    json.WriteString("text", error.Message);
                    json.WriteEndObject();
                    Locations(json, result.Source.Filename, error.Ranges);
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Locations(Utf8JsonWriter json, string file, System.Collections.Immutable.ImmutableArray<Parser.SourceRange> ranges)
    {
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", file.Replace('\\', '/'));
        json.WriteEndObject();
        if (!ranges.IsDefaultOrEmpty)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", ranges[0].StartLine);
            json.WriteNumber("endLine", Math.Max(ranges[0].StartLine, ranges[0].EndLine));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
    }
}
