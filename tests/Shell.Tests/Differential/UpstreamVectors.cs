using System.Text.Json;

namespace CSharpFrontend.Shell.Tests.Differential;

/// <summary>
/// Randomly generated words whose expected outcome was recorded by running BuildKit's own lexer
/// (frontend/dockerfile/shell at master) on them: value, used and unset variables, split words, or the full
/// error message. One JSON object per line: word, env, escape, words (split mode) and the option flags
/// skipUnset, skipQuotes, rawQuotes, rawEscapes; expect holds value, words, err, matched, unmatched.
/// </summary>
public static class UpstreamVectors
{
    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "Differential", "upstream-vectors.jsonl");

    public static IEnumerable<object[]> Rows()
    {
        string[] lines = File.ReadAllLines(FilePath);
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length > 0)
            {
                using var document = JsonDocument.Parse(lines[i]);
                yield return [i + 1, document.RootElement.GetProperty("word").GetString()!];
            }
        }
    }

    public static JsonElement Load(int line)
    {
        using var document = JsonDocument.Parse(File.ReadLines(FilePath).ElementAt(line - 1));
        return document.RootElement.Clone();
    }
}
