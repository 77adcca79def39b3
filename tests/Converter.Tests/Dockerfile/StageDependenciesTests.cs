using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// A stage's dependencies: in the order first referenced, each with the last instruction that reads it (what the
/// circular-dependency error points at), whether there is one, a few, or more than the small array holds unindexed.
/// </summary>
public sealed class StageDependenciesTests
{
    private static readonly Instruction[] Copies = [.. DockerfileParser.Parse(
        "FROM scratch\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"COPY --from=s{i} /a /a\n"))).Ast!.Stages[0].Commands];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(20)]
    public void FirstReferenceOrderAndLastInstruction(int stages)
    {
        var targets = Enumerable.Range(0, stages).Select(i => new StageDispatch(null, $"s{i}", "")).ToArray();
        var dependencies = new StageDependencies();
        for (var i = 0; i < stages; i++)
        {
            dependencies.Set(targets[i], Copies[i]);
        }

        // Read each again, in reverse: the order stays the first one, the instruction becomes the last one.
        for (var i = stages - 1; i >= 0; i--)
        {
            dependencies.Set(targets[i], Copies[20 + i]);
        }

        Assert.Equal(stages, dependencies.Count);
        Assert.Equal(targets, dependencies.Stages);
        Assert.Equal(Enumerable.Range(0, stages).Select(i => Copies[20 + i]), Enumerable.Range(0, stages).Select(i => dependencies[i].Instruction));
        Assert.Throws<ArgumentOutOfRangeException>(() => dependencies[stages]);
    }
}
