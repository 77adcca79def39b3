using System.Text;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Converter.Tests.Fuzz;

/// <summary>
/// Every input kept in <c>tests/fuzz-regressions</c> goes through parse → convert → marshal as the fuzz harness
/// runs it, within a time bound, and ends as its <c>.expected</c> file says: success or that ConvertException.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static string Dir => Path.Combine(TestPaths.RepoRoot, "tests", "fuzz-regressions");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Dir, "*.dockerfile").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(path));
        }

        return data;
    }

    [Fact]
    public void EveryInputHasAnExpectation()
    {
        var inputs = Directory.EnumerateFiles(Dir, "*.dockerfile").ToArray();
        Assert.NotEmpty(inputs);
        Assert.All(inputs, path => Assert.True(File.Exists(Path.ChangeExtension(path, ".expected")), path));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EndsAsExpectedWithinTheBound(string name)
    {
        var input = File.ReadAllBytes(Path.Combine(Dir, name + ".dockerfile"));
        var expected = File.ReadAllText(Path.Combine(Dir, name + ".expected")).TrimEnd('\n');

        var run = Task.Run(() => Outcome(input));
        var finished = await Task.WhenAny(run, Task.Delay(Bound));
        Assert.True(finished == run, $"{name}: still running after {Bound.TotalSeconds} s");
        Assert.Equal(expected, await run);
    }

    /// <summary>"ok" or "error: MESSAGE"; any other exception escapes and fails the test.</summary>
    private static string Outcome(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        _ = Parser.DockerfileParser.Parse(text);
        try
        {
            var result = DockerfileConverter.ConvertAsync(text, new ConvertOptions { LocalUniqueId = "fuzz" }).AsTask().GetAwaiter().GetResult();
            Assert.NotEmpty(result.Definition.ToBytes());
            return "ok";
        }
        catch (ConvertException e)
        {
            return "error: " + e.Message;
        }
    }
}
