using System.Text.Json;

namespace CSharpFrontend.Shell.Tests.Differential;

public sealed class UpstreamVectorTests
{
    [Theory]
    [MemberData(nameof(Rows))]
    public void MatchesRecordedUpstreamOutcome(int line, string word)
    {
        var vector = UpstreamVectors.Load(line);
        var options = new ShellLexerOptions
        {
            SkipUnsetEnv = Flag(vector, "skipUnset"),
            SkipProcessQuotes = Flag(vector, "skipQuotes"),
            RawQuotes = Flag(vector, "rawQuotes"),
            RawEscapes = Flag(vector, "rawEscapes"),
        };
        var lexer = new ShellLexer(vector.GetProperty("escape").GetString()![0], options);
        var env = ShellEnvironment.FromPairs(Strings(vector.GetProperty("env")));
        var expect = vector.GetProperty("expect");
        string expectedError = expect.GetProperty("err").GetString()!;

        if (Flag(vector, "words"))
        {
            bool ok = lexer.TryProcessWords(word, env, out var result, out var error);
            if (expectedError.Length > 0)
            {
                Assert.False(ok, $"line {line}: expected failure {expectedError}");
                Assert.Equal(expectedError, error!.Message);
            }
            else
            {
                Assert.True(ok, $"line {line}: {error?.Message}");
                Assert.Equal(Strings(expect.GetProperty("words")), result!.Words);
            }

            return;
        }

        bool success = lexer.TryProcessWord(word, env, out var expanded, out var failure);
        if (expectedError.Length > 0)
        {
            Assert.False(success, $"line {line}: expected failure {expectedError}");
            Assert.Equal(expectedError, failure!.Message);
            return;
        }

        Assert.True(success, $"line {line}: {failure?.Message}");
        Assert.Equal(expect.GetProperty("value").GetString(), expanded!.Value);
        Assert.Equal(Strings(expect.GetProperty("matched")).Order(StringComparer.Ordinal), expanded.UsedVariables.Order(StringComparer.Ordinal));
        Assert.Equal(Strings(expect.GetProperty("unmatched")).Order(StringComparer.Ordinal), expanded.UnsetVariables.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void VectorFileIsPresent() => Assert.True(Rows().Count() >= 500);

    public static IEnumerable<object[]> Rows() => UpstreamVectors.Rows();

    private static bool Flag(JsonElement vector, string name) =>
        vector.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string[] Strings(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array ? [.. array.EnumerateArray().Select(e => e.GetString()!)] : [];
}
