using System.Collections.Immutable;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Lint;

/// <summary>
/// <c>result.json</c> of the lint subrequest: Go's <c>json.MarshalIndent(results, "", "  ")</c> of
/// <c>lint.LintResults</c> (protobuf structs: zero fields omitted; <c>"warnings": null</c> when there are none).
/// </summary>
public static class LintResultJson
{
    /// <summary>The JSON text; <paramref name="sorted"/> writes the warnings in <see cref="LintResult.Sorted"/> order.</summary>
    public static string Write(LintResult result, bool sorted = false)
    {
        var json = new GoJsonBuilder("  ").BeginObject().Name("warnings");
        var warnings = sorted ? result.Sorted() : result.Warnings;
        if (warnings.IsEmpty)
        {
            json.Null();
        }
        else
        {
            json.BeginArray();
            foreach (var warning in warnings)
            {
                json.BeginObject().Name("ruleName").String(warning.Rule.Name);
                if (warning.Rule.Description.Length > 0)
                {
                    json.Name("description").String(warning.Rule.Description);
                }

                if (warning.Rule.Url.Length > 0)
                {
                    json.Name("url").String(warning.Rule.Url);
                }

                if (warning.Detail.Length > 0)
                {
                    json.Name("detail").String(warning.Detail);
                }

                json.Name("location");
                Location(json, warning.Ranges);
                json.EndObject();
            }

            json.EndArray();
        }

        json.Name("sources").BeginArray().BeginObject()
            .Name("filename").String(result.Source.Filename)
            .Name("data").String(Convert.ToBase64String(result.Source.Data.AsSpan()))
            .Name("definition").BeginObject().EndObject()
            .Name("language").String(result.Source.Language)
            .EndObject().EndArray();
        if (result.Error is { } error)
        {
            json.Name("buildError").BeginObject().Name("message").String(error.Message).Name("location");
            Location(json, error.Ranges);
            json.EndObject();
        }

        return json.EndObject().ToString();
    }

    private static void Location(GoJsonBuilder json, ImmutableArray<SourceRange> ranges)
    {
        json.BeginObject();
        if (!ranges.IsDefaultOrEmpty)
        {
            json.Name("ranges").BeginArray();
            foreach (var range in ranges)
            {
                json.BeginObject().Name("start");
                Position(json, range.StartLine);
                json.Name("end");
                Position(json, range.EndLine);
                json.EndObject();
            }

            json.EndArray();
        }

        json.EndObject();
    }

    private static void Position(GoJsonBuilder json, int line)
    {
        json.BeginObject();
        if (line != 0)
        {
            json.Name("line").Number(line);
        }

        json.EndObject();
    }
}
