using System.Collections.Immutable;
using System.Text;
using CSharpFrontend.Converter.Image;

namespace CSharpFrontend.Converter.Dockerfile.Subrequests;

/// <summary>A named option, input, metadata key or ref of a subrequest (upstream's <c>subrequests.Named</c>).</summary>
public sealed record SubrequestNamed(string Name, string Description = "");

/// <summary>
/// One subrequest as <c>frontend.subrequests.describe</c> lists it (upstream's <c>subrequests.Request</c>); a null
/// list is written <c>null</c>, an empty one <c>[]</c>, as Go marshals nil and empty slices.
/// </summary>
public sealed record SubrequestDefinition(
    string Name,
    string Version,
    string Type,
    string Description,
    ImmutableArray<SubrequestNamed>? Opts,
    ImmutableArray<SubrequestNamed>? Inputs,
    ImmutableArray<SubrequestNamed>? Metadata,
    ImmutableArray<SubrequestNamed>? Refs);

/// <summary>
/// The subrequests the Dockerfile frontend answers (<c>requestid</c>), in the order and with the definitions of
/// BuildKit v0.11.6 (builder/subrequests.go <c>describe</c>), and the describe result.
/// </summary>
public static class SubrequestCatalog
{
    /// <summary><c>frontend.outline</c>.</summary>
    public const string Outline = "frontend.outline";

    /// <summary><c>frontend.targets</c>.</summary>
    public const string Targets = "frontend.targets";

    /// <summary><c>frontend.subrequests.describe</c>.</summary>
    public const string Describe = "frontend.subrequests.describe";

    /// <summary>The version every one of them has, written as <c>version</c> metadata.</summary>
    public const string Version = "1.0.0";

    private static readonly ImmutableArray<SubrequestNamed> ResultMetadata = [new("result.json"), new("result.txt")];

    /// <summary>Outline, targets, describe: what describe lists.</summary>
    public static ImmutableArray<SubrequestDefinition> All { get; } =
    [
        new(Outline, Version, "rpc", "List all parameters current build target supports", [new("target", "Target build stage")], null, ResultMetadata, null),
        new(Targets, Version, "rpc", "List all targets current build supports", [], null, ResultMetadata, null),
        new(Describe, Version, "rpc", "List available subrequest types", null, null, ResultMetadata, null),
    ];

    /// <summary><c>json.MarshalIndent(all, "", "  ")</c> of <see cref="All"/>.</summary>
    public static string DescribeJson()
    {
        var json = new GoJsonBuilder("  ").BeginArray();
        foreach (var request in All)
        {
            json.BeginObject()
                .Name("name").String(request.Name)
                .Name("version").String(request.Version)
                .Name("type").String(request.Type)
                .Name("description").String(request.Description);
            NamedList(json, "opts", request.Opts);
            NamedList(json, "inputs", request.Inputs);
            NamedList(json, "metadata", request.Metadata);
            NamedList(json, "refs", request.Refs);
            json.EndObject();
        }

        return json.EndArray().ToString();
    }

    /// <summary>
    /// upstream's <c>PrintDescribe</c>: a table of <c>NAME</c> (without the <c>frontend.</c> prefix), <c>VERSION</c>
    /// and <c>DESCRIPTION</c>, columns one space apart.
    /// </summary>
    public static string DescribeText()
    {
        string[][] rows =
        [
            ["NAME", "VERSION", "DESCRIPTION"],
            .. All.Select(r => new[] { r.Name.StartsWith("frontend.", StringComparison.Ordinal) ? r.Name["frontend.".Length..] : r.Name, r.Version, r.Description }),
        ];
        var text = new StringBuilder();
        GoTabWriter.Append(text, rows, padding: 1);
        return text.ToString();
    }

    private static void NamedList(GoJsonBuilder json, string name, ImmutableArray<SubrequestNamed>? list)
    {
        json.Name(name);
        if (list is not { } items)
        {
            json.Null();
            return;
        }

        json.BeginArray();
        foreach (var item in items)
        {
            json.BeginObject().Name("name").String(item.Name).Name("description").String(item.Description).EndObject();
        }

        json.EndArray();
    }
}
