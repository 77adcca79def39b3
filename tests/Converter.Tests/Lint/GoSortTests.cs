using CSharpFrontend.Converter.Lint;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Converter.Tests.Lint;

/// <summary>
/// <see cref="GoSort"/> against Go 1.23's <c>sort.Slice</c> (the Go of BuildKit v0.24.0's buildkitd, go1.23.5):
/// GoSortVectors.txt holds, per line, random keys with many ties and the order of the original indices Go's sort left
/// (written by a Go program outside the project). Ties are where an unstable sort shows its own order. The last 31 lines
/// (round 4) add strictly and weakly decreasing runs (the reversed-range path), sorted, equal, organ-pipe, sawtooth,
/// nearly sorted, two-valued and permuted inputs, and McIlroy's antiqsort keys frozen after one Go sort.
/// </summary>
public sealed class GoSortTests
{
    public static TheoryData<int> Lines() => [.. Enumerable.Range(0, Vectors().Count)];

    [Theory]
    [MemberData(nameof(Lines))]
    public void SortSliceLeavesTiesWhereGoLeavesThem(int line)
    {
        var (keys, expected) = Vectors()[line];
        var indices = Enumerable.Range(0, keys.Length).ToArray();
        GoSort.Slice(indices, (a, b) => keys[a] < keys[b]);
        Assert.Equal(expected, indices);
    }

    [Fact]
    public void VectorsCoverEveryPath() =>
        Assert.Contains(Vectors(), v => v.Keys.Length > 500);

    private static List<(int[] Keys, int[] Order)> Vectors() =>
        [.. File.ReadLines(Path.Combine(TestPaths.RepoRoot, "tests", "Converter.Tests", "Lint", "GoSortVectors.txt"))
            .Select(line => line.Split('|'))
            .Select(parts => (Ints(parts[0]), Ints(parts[1])))];

    private static int[] Ints(string text) => text.Length == 0 ? [] : [.. text.Split(',').Select(int.Parse)];
}
