using CSharpFrontend.Parser;

namespace CSharpFrontend.Frontend.Cli;

/// <summary>After "target stage X could not be found": the stages the Dockerfile does name, for <c>--target</c>.</summary>
internal static class StageHint
{
    public static string? For(string message, string dockerfile)
    {
        if (!message.StartsWith("target stage ", StringComparison.Ordinal) || !message.EndsWith(" could not be found", StringComparison.Ordinal))
        {
            return null;
        }

        var names = DockerfileParser.Parse(dockerfile).Ast?.Stages.Select(s => s.Name).Where(n => n.Length > 0).ToList() ?? [];
        return names.Count == 0
            ? "note: no stage has a name (FROM ... AS NAME); leave out --target to build the last one"
            : "note: the stages are: " + string.Join(", ", names) + " (leave out --target to build the last one)";
    }
}
