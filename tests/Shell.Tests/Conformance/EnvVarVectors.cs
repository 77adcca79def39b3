using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Shell.Tests.Conformance;

/// <summary>One line of <c>shell/envVarTest</c>.</summary>
public sealed record EnvVarVector(int Line, string Platform, string Input, string Expected);

/// <summary>Reads <c>shell/envVarTest</c> in place, as BuildKit's lex_test.go does.</summary>
public static class EnvVarVectors
{
    public static string FilePath => Path.Combine(TestPaths.ConformanceDir, "shell", "envVarTest");

    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["PWD"] = "/home",
        ["SHELL"] = "bash",
        ["KOREAN"] = "한국어",
        ["NULL"] = "",
    };

    /// <summary>All vectors of every platform.</summary>
    public static IReadOnlyList<EnvVarVector> All()
    {
        var vectors = new List<EnvVarVector>();
        string[] lines = File.ReadAllLines(FilePath);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.StartsWith('#'))
            {
                continue;
            }

            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            string[] fields = line.Split('|');
            if (fields.Length != 3)
            {
                throw new InvalidDataException($"envVarTest line {i + 1}: expected 3 fields: {line}");
            }

            string platform = fields[0].Trim();
            if (platform is not ("A" or "U" or "W"))
            {
                throw new InvalidDataException($"envVarTest line {i + 1}: bad platform tag {platform}");
            }

            vectors.Add(new EnvVarVector(i + 1, platform, fields[1].Trim(), fields[2].Trim()));
        }

        return vectors;
    }

    /// <summary>The vectors that apply on unix (A and U).</summary>
    public static IEnumerable<EnvVarVector> Unix() => All().Where(v => v.Platform is "A" or "U");

    /// <summary>xunit rows: line number, platform, input, expected.</summary>
    public static IEnumerable<object[]> Rows() =>
        Unix().Select(v => new object[] { v.Line, v.Platform, v.Input, v.Expected });
}
