using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Profiles;

namespace CSharpFrontend.Converter.Tests.Llb;

/// <summary>
/// SOURCE_DATE_EPOCH in the file actions, as BuildKit's source has it. v0.24.0's <c>dispatchWorkdir</c> gives its
/// mkdir <c>llb.WithCreatedTime(*d.epoch)</c> when the epoch is set, and client/llb fileop.go writes a created time
/// as <c>Timestamp = t.UnixNano()</c>, no time as <c>-1</c> (<c>marshalTime</c>). v0.11.6's <c>dispatchWorkdir</c> sets
/// no created time; neither release sets one on COPY, ADD or a heredoc's file.
/// </summary>
public sealed class WorkdirEpochTests
{
    private static IReadOnlyList<Pb.FileAction> FileActions(string dockerfile, long? epochSeconds, BuildKitProfile? profile = null)
    {
        var options = TestConversion.Options with
        {
            SourceDateEpoch = epochSeconds is { } s ? ImageTime.FromUnixSeconds(s) : null,
            Profile = profile ?? BuildKitProfile.V0_24,
        };
        return TestConversion.Convert(dockerfile, options).Definition.Ops
            .Where(o => o.Op.OpCase == Pb.Op.OpOneofCase.File)
            .SelectMany(o => o.Op.File.Actions)
            .ToArray();
    }

    [Theory]
    [InlineData(1700000000L, 1700000000000000000L)]
    [InlineData(0L, 0L)]
    [InlineData(-1L, -1000000000L)]
    public void V024WorkdirIsCreatedAtTheEpochInNanoseconds(long epoch, long timestamp)
    {
        var action = Assert.Single(FileActions("FROM scratch\nWORKDIR /app\n", epoch));
        Assert.Equal("/app", action.Mkdir.Path);
        Assert.Equal(timestamp, action.Mkdir.Timestamp);
    }

    [Fact]
    public void WithoutAnEpochTheWorkdirHasNoTime() =>
        Assert.Equal(-1L, Assert.Single(FileActions("FROM scratch\nWORKDIR /app\n", null)).Mkdir.Timestamp);

    [Fact]
    public void V011WorkdirHasNoTimeEvenWithAnEpoch() =>
        Assert.Equal(-1L, Assert.Single(FileActions("FROM scratch\nWORKDIR /app\n", 1700000000L, BuildKitProfile.V0_11)).Mkdir.Timestamp);

    [Fact]
    public void CopiesAndHeredocFilesHaveNoTimeEvenWithAnEpoch()
    {
        var actions = FileActions("FROM scratch\nCOPY a /a\nCOPY <<EOF /h\nhi\nEOF\n", 1700000000L);
        Assert.Equal(
            [(Pb.FileAction.ActionOneofCase.Copy, -1L), (Pb.FileAction.ActionOneofCase.Mkfile, -1L), (Pb.FileAction.ActionOneofCase.Copy, -1L)],
            actions.Select(a => (a.ActionCase, a.ActionCase == Pb.FileAction.ActionOneofCase.Copy ? a.Copy.Timestamp : a.Mkfile.Timestamp)));
    }
}
