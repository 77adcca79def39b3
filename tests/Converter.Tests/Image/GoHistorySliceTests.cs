using CSharpFrontend.Converter.Image;

namespace CSharpFrontend.Converter.Tests.Image;

public sealed class GoHistorySliceTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 8)]
    [InlineData(17, 32)]
    [InlineData(256, 256)]
    [InlineData(257, 512)]
    [InlineData(513, 896)]
    public void GrowsLikeGoAppend(int appends, int capacity)
    {
        var slice = GoHistorySlice.Nil;
        for (var i = 0; i < appends; i++)
        {
            slice = slice.Append(new HistoryEntry { CreatedBy = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        Assert.Equal(appends, slice.Length);
        Assert.Equal(capacity, slice.Backing.Length);
        Assert.Equal((appends - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), slice.ToArray()[^1].CreatedBy);
    }

    [Fact]
    public void AppendsPastACommonPrefixShareSlotsWhileThereIsRoom()
    {
        var prefix = GoHistorySlice.Of([new HistoryEntry { CreatedBy = "a" }, new HistoryEntry { CreatedBy = "b" }, new HistoryEntry { CreatedBy = "c" }]);

        var first = prefix.Append(new HistoryEntry { CreatedBy = "first" });
        var second = prefix.Append(new HistoryEntry { CreatedBy = "second" });

        Assert.Equal("second", first.ToArray()[3].CreatedBy);
        Assert.Equal(3, prefix.ToArray().Length);

        var grown = first.Append(new HistoryEntry { CreatedBy = "fifth" });
        _ = second.Append(new HistoryEntry { CreatedBy = "other" });
        Assert.Equal("fifth", grown.ToArray()[4].CreatedBy);
    }
}
