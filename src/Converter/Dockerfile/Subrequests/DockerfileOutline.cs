using System.Collections.Immutable;
using System.Text;
using CSharpFrontend.Converter.Image;

namespace CSharpFrontend.Converter.Dockerfile.Subrequests;

/// <summary>A build argument of the outline.</summary>
public sealed record OutlineArgument(string Name, string Value, string Description, int Line, int EndLine);

/// <summary>A secret or SSH socket of the outline.</summary>
public sealed record OutlineSecret(string Name, bool Required, int Line, int EndLine);

/// <summary>
/// What a build of the target needs from its user (BuildKit's <c>frontend.outline</c> subrequest): the build args it
/// reads, with values and descriptions, and the secrets and SSH sockets it mounts.
/// </summary>
public sealed record DockerfileOutline(
    string Name,
    string Description,
    ImmutableArray<OutlineArgument> Args,
    ImmutableArray<OutlineSecret> Secrets,
    ImmutableArray<OutlineSecret> Ssh,
    ReadOnlyMemory<byte> Source)
{
    public const string Version = "1.0.0";

    /// <summary><c>json.MarshalIndent(outline, "", "  ")</c> of upstream's <c>outline.Outline</c>.</summary>
    public string ToJson()
    {
        var json = new GoJsonBuilder("  ").BeginObject();
        if (Name.Length > 0)
        {
            json.Name("name").String(Name);
        }

        if (Description.Length > 0)
        {
            json.Name("description").String(Description);
        }

        if (Args.Length > 0)
        {
            json.Name("args").BeginArray();
            foreach (var arg in Args)
            {
                json.BeginObject().Name("name").String(arg.Name);
                if (arg.Description.Length > 0)
                {
                    json.Name("description").String(arg.Description);
                }

                if (arg.Value.Length > 0)
                {
                    json.Name("value").String(arg.Value);
                }

                Location(json, arg.Line, arg.EndLine).EndObject();
            }

            json.EndArray();
        }

        foreach (var (name, list) in new[] { ("secrets", Secrets), ("ssh", Ssh) })
        {
            if (list.Length == 0)
            {
                continue;
            }

            json.Name(name).BeginArray();
            foreach (var item in list)
            {
                json.BeginObject().Name("name").String(item.Name);
                if (item.Required)
                {
                    json.Name("required").Bool(true);
                }

                Location(json, item.Line, item.EndLine).EndObject();
            }

            json.EndArray();
        }

        json.Name("sources").BeginArray().String(Convert.ToBase64String(Source.Span)).EndArray();
        return json.EndObject().ToString();
    }

    /// <summary>The tables upstream prints: target, build args, secrets, SSH.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        if (Name.Length > 0 || Description.Length > 0)
        {
            var rows = new List<string[]> { new[] { "TARGET:", Name.Length > 0 ? Name : "(default)" } };
            if (Description.Length > 0)
            {
                rows.Add(["DESCRIPTION:", Description]);
            }

            Table(text, rows, padding: 1);
        }

        if (Args.Length > 0)
        {
            Table(text, [["BUILD ARG", "VALUE", "DESCRIPTION"], .. Args.Select(a => new[] { a.Name, a.Value, a.Description })], padding: 3);
        }

        if (Secrets.Length > 0)
        {
            Table(text, [["SECRET", "REQUIRED"], .. Secrets.Select(s => new[] { s.Name, s.Required ? "true" : "" })], padding: 3);
        }

        if (Ssh.Length > 0)
        {
            Table(text, [["SSH", "REQUIRED"], .. Ssh.Select(s => new[] { s.Name, s.Required ? "true" : "" })], padding: 3);
        }

        return text.ToString();
    }

    private static GoJsonBuilder Location(GoJsonBuilder json, int line, int endLine) =>
        json.Name("location").BeginObject().Name("ranges").BeginArray().BeginObject()
            .Name("start").BeginObject().Name("line").Number(line).EndObject()
            .Name("end").BeginObject().Name("line").Number(endLine).EndObject()
            .EndObject().EndArray().EndObject();

    /// <summary>A table as Go's tabwriter prints it (<see cref="GoTabWriter"/>), a blank line after.</summary>
    private static void Table(StringBuilder text, List<string[]> rows, int padding)
    {
        GoTabWriter.Append(text, rows, padding);
        text.Append('\n');
    }
}
