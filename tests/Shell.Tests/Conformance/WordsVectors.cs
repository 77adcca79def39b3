using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Shell.Tests.Conformance;

/// <summary>One test line of <c>shell/wordsTest</c>, with the <c>ENV</c> entries in force at that line.</summary>
public sealed record WordsVector(int Line, string Input, string[] Expected, string[] Environment);

/// <summary>Reads <c>shell/wordsTest</c> in place, as BuildKit's lex_test.go does.</summary>
public static class WordsVectors
{
    public static string FilePath => Path.Combine(TestPaths.ConformanceDir, "shell", "wordsTest");

    public static IReadOnlyList<WordsVector> All()
    {
        var vectors = new List<WordsVector>();
        var environment = new List<string>();
        string[] lines = File.ReadAllLines(FilePath);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("ENV ", StringComparison.Ordinal))
            {
                environment.Add(line[3..].TrimStart(' '));
                continue;
            }

            string[] parts = line.Split('|');
            if (parts.Length != 2)
            {
                throw new InvalidDataException($"wordsTest line {i + 1}: expected exactly one '|': {line}");
            }

            vectors.Add(new WordsVector(
                i + 1,
                parts[0].Trim(),
                parts[1].TrimStart(' ').Split(','),
                [.. environment]));
        }

        return vectors;
    }

    /// <summary>xunit rows: line number, input, expected words joined by ',', environment entries.</summary>
    public static IEnumerable<object[]> Rows() =>
        All().Select(v => new object[] { v.Line, v.Input, string.Join(',', v.Expected), v.Environment });
}
