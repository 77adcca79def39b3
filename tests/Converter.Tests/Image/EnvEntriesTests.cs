using CSharpFrontend.Converter.Image;

namespace CSharpFrontend.Converter.Tests.Image;

/// <summary>The image config's Env: BuildKit's addEnv (replace the first entry with the key, else append).</summary>
public sealed class EnvEntriesTests
{
    [Fact]
    public void SetReplacesTheFirstEntryWithTheKeyInPlace()
    {
        EnvEntries env = ["A=1", "B", "A=3", "C=x=y"];

        Assert.Equal(["A=9", "B", "A=3", "C=x=y"], env.Set("A", "9").ToArray());
        Assert.Equal(["A=1", "B=2", "A=3", "C=x=y"], env.Set("B", "2").ToArray());
        Assert.Equal(["A=1", "B", "A=3", "C=z"], env.Set("C", "z").ToArray());
        Assert.Equal(["A=1", "B", "A=3", "C=x=y"], env.ToArray());
    }

    [Fact]
    public void SetAppendsANewKeyAndThenReplacesIt()
    {
        var env = EnvEntries.Empty.Set("a", "1").Set("A", "2").Set("a", "3");

        Assert.Equal(["a=3", "A=2"], env.ToArray());
        Assert.True(env.ContainsKey("A"));
        Assert.False(env.ContainsKey("b"));
    }

    [Fact]
    public void AKeyWithAnEqualsSignMatchesNothingAndIsAppended()
    {
        EnvEntries env = ["A=1", "A=b=2"];

        var set = env.Set("A=b", "3");

        Assert.Equal(["A=1", "A=b=2", "A=b=3"], set.ToArray());
        Assert.False(set.ContainsKey("A=b"));
        Assert.Equal(["A=4", "A=b=2", "A=b=3"], set.Set("A", "4").ToArray());
        Assert.Equal(["X=2"], EnvEntries.Empty.Set("X=b", "1").Set("X", "2").ToArray());
    }

    [Fact]
    public void EqualityIsBySequence()
    {
        EnvEntries a = ["A=1", "B=2"];
        EnvEntries reordered = ["B=2", "A=1"];
        EnvEntries none = [];
        var built = EnvEntries.Empty.Set("A", "1").Set("B", "2");

        Assert.True(a.Equals(built));
        Assert.Equal(a.GetHashCode(), built.GetHashCode());
        Assert.False(a.Equals(reordered));
        Assert.True(EnvEntries.Empty.Equals(none));
        Assert.Equal(new ContainerConfig { Env = a }, new ContainerConfig { Env = built });
    }
}
