using System.Collections.Immutable;
using System.Text;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Dockerfile.Subrequests;

/// <summary>A build stage as the <c>frontend.targets</c> subrequest lists it.</summary>
public sealed record Target(string Name, bool Default, string Description, string Base, string Platform, SourceRange Range);

/// <summary>
/// The stages of a Dockerfile (BuildKit's <c>frontend.targets</c> subrequest): name, description (the comment
/// above FROM), base and platform as written, location; the last stage is the default.
/// </summary>
public sealed record TargetList(ImmutableArray<Target> Targets, ReadOnlyMemory<byte> Source)
{
    public const string Version = "1.0.0";

    /// <summary>Lists the stages; a Dockerfile the parser rejects throws <see cref="ConvertException"/>.</summary>
    public static TargetList From(string dockerfile, ReadOnlyMemory<byte> source, BuildKitDialect dialect = BuildKitDialect.Current)
    {
        var parsed = DockerfileParser.Parse(dockerfile, new ParseOptions { Dialect = dialect });
        if (parsed.FirstError is { } error || parsed.Ast is null)
        {
            throw new ConvertException(parsed.FirstError?.ToBuildKitMessage() ?? "failed to parse the Dockerfile", parsed.FirstError?.Range);
        }

        var stages = parsed.Ast.Stages;
        return new TargetList(
            [.. stages.Select((s, i) => new Target(s.Name, i == stages.Length - 1, s.DocComment, s.BaseName, s.Platform, s.Range))],
            source);
    }

    /// <summary><c>json.MarshalIndent(list, "", "  ")</c> of upstream's <c>targets.List</c>.</summary>
    public string ToJson()
    {
        var json = new GoJsonBuilder("  ").BeginObject().Name("targets");
        if (Targets.IsEmpty)
        {
            // A Dockerfile of global ARGs only: upstream's nil slice.
            return json.Null().Name("sources").BeginArray().String(Convert.ToBase64String(Source.Span)).EndArray().EndObject().ToString();
        }

        json.BeginArray();
        foreach (var target in Targets)
        {
            json.BeginObject();
            if (target.Name.Length > 0)
            {
                json.Name("name").String(target.Name);
            }

            if (target.Default)
            {
                json.Name("default").Bool(true);
            }

            if (target.Description.Length > 0)
            {
                json.Name("description").String(target.Description);
            }

            if (target.Base.Length > 0)
            {
                json.Name("base").String(target.Base);
            }

            if (target.Platform.Length > 0)
            {
                json.Name("platform").String(target.Platform);
            }

            json.Name("location").BeginObject().Name("ranges").BeginArray().BeginObject()
                .Name("start").BeginObject().Name("line").Number(target.Range.Start.Line).EndObject()
                .Name("end").BeginObject().Name("line").Number(target.Range.End.Line).EndObject()
                .EndObject().EndArray().EndObject();
            json.EndObject();
        }

        json.EndArray().Name("sources").BeginArray().String(Convert.ToBase64String(Source.Span)).EndArray().EndObject();
        return json.ToString();
    }

    /// <summary>The table upstream prints: <c>TARGET</c> and <c>DESCRIPTION</c> columns, the default marked.</summary>
    public string ToText()
    {
        var rows = new List<string[]> { new[] { "TARGET", "DESCRIPTION" } };
        foreach (var target in Targets)
        {
            var name = target.Name.Length == 0 && target.Default ? "(default)" : target.Default ? target.Name + " (default)" : target.Name;
            rows.Add([name, target.Description]);
        }

        var text = new StringBuilder();
        GoTabWriter.Append(text, rows, padding: 1);
        return text.ToString();
    }
}
