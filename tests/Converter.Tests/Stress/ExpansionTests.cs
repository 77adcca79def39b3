using System.Text;
using Xunit.Abstractions;

namespace CSharpFrontend.Converter.Tests.Stress;

/// <summary>Variable expansion on inputs built to make a careless expander slow or exponential.</summary>
[Collection(StressCollection.Name)]
public sealed class ExpansionTests(ITestOutputHelper output)
{
    /// <summary><c>${V0:-${V1:-...${Vn:-deep}...}}</c>, every variable unset, inside the nesting limit.</summary>
    internal static string NestedDefaults(int depth)
    {
        var word = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            word.Append($"${{V{i}:-");
        }

        word.Append("deep").Append('}', depth);
        return $"FROM alpine\nENV X={word}\nRUN echo $X\n";
    }

    /// <summary>
    /// Values that hold <c>$</c> text: L1 is the literal <c>$L0$L0$L0$L0</c>, L2 the literal <c>$L1$L1$L1$L1</c>, and
    /// so on, then ALL uses the last four times. Expanded once (as BuildKit does) ALL is sixteen references; a
    /// careless expander that expanded values again would produce 4^levels copies.
    /// </summary>
    internal static string LiteralDollarValues(int levels)
    {
        var text = new StringBuilder("FROM alpine\nENV L0=x\n");
        for (var i = 1; i <= levels; i++)
        {
            text.Append($"ENV L{i}='{string.Concat(Enumerable.Repeat($"$L{i - 1}", 4))}'\n");
        }

        text.Append($"ENV ALL=\"$L{levels}$L{levels}$L{levels}$L{levels}\"\nWORKDIR /w/$L{levels}\nRUN echo \"$ALL\"\n");
        return text.ToString();
    }

    /// <summary>A word of <paramref name="length"/> characters, used eight times by one ENV, and a RUN of that length.</summary>
    internal static string LongWord(int length) =>
        $"FROM alpine\nARG W={new string('w', length)}\nENV X={string.Concat(Enumerable.Repeat("$W", 8))}\nRUN echo {new string('x', length)}\n";

    [Fact]
    public void DeeplyNestedDefaultsExpandToTheInnermost()
    {
        var run = Translation.Best(NestedDefaults(900));
        output.WriteLine($"nesting 900: {run.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(2), $"took {run.Elapsed.TotalMilliseconds:F0} ms");
        var exec = run.Result.Definition.Ops.Single(o => o.Op.OpCase == Pb.Op.OpOneofCase.Exec).Op.Exec;
        Assert.Contains("X=deep", exec.Meta.Env);
    }

    [Fact]
    public void NestingScalesLinearly() => Scaling.AssertLinear(NestedDefaults, 450, output);

    [Fact]
    public void ValuesAreNotExpandedTwice()
    {
        var run = Translation.Best(LiteralDollarValues(40));
        output.WriteLine($"40 levels: {run.Elapsed.TotalMilliseconds:F0} ms, definition {run.Definition.Length} bytes");
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(2), $"took {run.Elapsed.TotalMilliseconds:F0} ms");
        var exec = run.Result.Definition.Ops.Single(o => o.Op.OpCase == Pb.Op.OpOneofCase.Exec).Op.Exec;
        Assert.Contains("ALL=" + string.Concat(Enumerable.Repeat("$L39", 16)), exec.Meta.Env);
        Assert.Equal("/w/$L39$L39$L39$L39", exec.Meta.Cwd);
    }

    [Fact]
    public void ALongWordTranslatesLinearly()
    {
        // Lines stay under the parser's 64 KiB limit (BuildKit's).
        var (_, large) = Scaling.AssertLinear(LongWord, 30_000, output);
        Assert.True(large.Elapsed < TimeSpan.FromSeconds(2), $"took {large.Elapsed.TotalMilliseconds:F0} ms");
        var exec = large.Result.Definition.Ops.Single(o => o.Op.OpCase == Pb.Op.OpOneofCase.Exec).Op.Exec;
        Assert.Contains(exec.Meta.Env, e => e.Length == "X=".Length + 8 * 60_000);
        Assert.Equal("echo ".Length + 60_000, exec.Meta.Args[^1].Length);
    }
}
