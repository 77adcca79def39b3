using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests.Image;

/// <summary>
/// Stage images sharing state as BuildKit v0.11.6 does. Expected results were checked against v0.11.6's
/// <c>dockerfile2llb</c> (offline base images) for the Dockerfiles quoted in each test.
/// </summary>
public sealed class AliasedStageImageTests
{
    [Fact]
    public void LabelsAndPortsOfASiblingStageLeakIntoTheTarget()
    {
        // FROM alpine AS base / LABEL a=1 / EXPOSE 80 / RUN echo base
        // FROM base AS s / LABEL leaked=yes / EXPOSE 9999 / RUN touch /f
        // FROM base / COPY --from=s /f /f
        var base_ = Start(OfflineImageMetadataResolver.DefaultConfig);
        base_.SetLabels([KeyValuePair.Create("a", "1")]);
        base_.Commit(HistoryEntry.ForInstruction("LABEL a=1", false));
        base_.Expose(["80/tcp"]);
        base_.Commit(HistoryEntry.ForInstruction("EXPOSE map[80/tcp:{}]", false));
        base_.Commit(HistoryEntry.ForInstruction("RUN /bin/sh -c echo base", true, true));

        var s = base_.Clone();
        s.SetLabels([KeyValuePair.Create("leaked", "yes")]);
        s.Commit(HistoryEntry.ForInstruction("LABEL leaked=yes", false));
        s.Expose(["9999/tcp"]);
        s.Commit(HistoryEntry.ForInstruction("EXPOSE map[9999/tcp:{}]", false));
        s.Commit(HistoryEntry.ForInstruction("RUN /bin/sh -c touch /f", true, true));

        var target = base_.Clone();
        target.Commit(HistoryEntry.ForInstruction("COPY /f /f", true, true));

        var image = target.Current;
        Assert.Equal("a=1 leaked=yes", string.Join(" ", image.Config.Labels.Select(p => p.Key + "=" + p.Value)));
        Assert.Equal(["80/tcp", "9999/tcp"], image.Config.ExposedPorts);
        Assert.Equal(
            ["LABEL a=1", "EXPOSE map[80/tcp:{}]", "RUN /bin/sh -c echo base # buildkit", "COPY /f /f # buildkit"],
            image.History.Select(h => h.CreatedBy));
        Assert.Equal(["a", "leaked"], base_.Current.Config.Labels.Keys);
    }

    [Fact]
    public void ALaterSiblingOverwritesHistoryInTheSharedBackingArray()
    {
        // FROM alpine AS base / RUN echo 1 / RUN echo 2 / RUN echo 3
        // FROM base AS t / COPY --from=s /f /f
        // FROM base AS s / RUN touch /f
        // FROM t
        var base_ = Start(OfflineImageMetadataResolver.DefaultConfig);
        foreach (var n in new[] { "1", "2", "3" })
        {
            base_.Commit(HistoryEntry.ForInstruction("RUN /bin/sh -c echo " + n, true, true));
        }

        var t = base_.Clone();
        t.Commit(HistoryEntry.ForInstruction("COPY /f /f", true, true));
        var s = base_.Clone();
        s.Commit(HistoryEntry.ForInstruction("RUN /bin/sh -c touch /f", true, true));
        var final = t.Clone();

        Assert.Equal(
            ["RUN /bin/sh -c echo 1 # buildkit", "RUN /bin/sh -c echo 2 # buildkit", "RUN /bin/sh -c echo 3 # buildkit", "RUN /bin/sh -c touch /f # buildkit"],
            final.Current.History.Select(h => h.CreatedBy));
    }

    [Fact]
    public void MapsCreatedSeparatelyAndFullBackingArraysAreNotShared()
    {
        // FROM alpine AS base / RUN echo base
        // FROM base AS s / LABEL s=1 / VOLUME /s / RUN touch /f
        // FROM base AS t / LABEL t=1 / COPY --from=s /f /f
        // FROM t / VOLUME /final
        var base_ = Start(OfflineImageMetadataResolver.DefaultConfig);
        base_.Commit(HistoryEntry.ForInstruction("RUN /bin/sh -c echo base", true, true));

        var s = base_.Clone();
        s.SetLabels([KeyValuePair.Create("s", "1")]);
        s.Commit(HistoryEntry.ForInstruction("LABEL s=1", false));
        s.AddVolumes(["/s"]);
        s.Commit(HistoryEntry.ForInstruction("VOLUME [/s]", false));
        s.Commit(HistoryEntry.ForInstruction("RUN /bin/sh -c touch /f", true, true));

        var t = base_.Clone();
        t.SetLabels([KeyValuePair.Create("t", "1")]);
        t.Commit(HistoryEntry.ForInstruction("LABEL t=1", false));
        t.Commit(HistoryEntry.ForInstruction("COPY /f /f", true, true));

        var final = t.Clone();
        final.AddVolumes(["/final"]);
        final.Commit(HistoryEntry.ForInstruction("VOLUME [/final]", false));

        var image = final.Current;
        Assert.Equal(["t"], image.Config.Labels.Keys);
        Assert.Equal(["/final"], image.Config.Volumes);
        Assert.Equal(
            ["RUN /bin/sh -c echo base # buildkit", "LABEL t=1", "COPY /f /f # buildkit", "VOLUME [/final]"],
            image.History.Select(h => h.CreatedBy));
        Assert.Equal(["/s"], s.Current.Config.Volumes);
    }

    [Fact]
    public void BaseImageMapsAreSharedFromTheStart()
    {
        var base_ = AliasedStageImage.Create(ImageConfigReader.Parse("""{"config":{"Labels":{"from":"image"}}}"""));
        var a = base_.Clone();
        var b = base_.Clone();

        a.SetLabels([KeyValuePair.Create("a", "1")]);

        Assert.Equal(["a", "from"], b.Current.Config.Labels.Keys);
    }

    [Fact]
    public void UpdateChangesOnlyTheUnsharedFields()
    {
        var image = AliasedStageImage.Create(StageImage.Scratch(LlbPlatform.LinuxAmd64));
        var child = image.Clone();

        child.Update(i => i.WithConfig(c => c.WithEnv("A", "1") with { User = "u" }));

        Assert.Equal("u", child.Current.Config.User);
        Assert.Equal("", image.Current.Config.User);
        Assert.Single(image.Current.Config.Env);
        Assert.Throws<InvalidOperationException>(() => child.Update(i => i.WithHistory("x", false)));
        Assert.Throws<InvalidOperationException>(() => child.Update(i => i.WithConfig(c => c.WithLabels([KeyValuePair.Create("k", "v")]))));
    }

    [Fact]
    public void CurrentOfAFreshImageIsTheImage()
    {
        var config = ImageConfigReader.Parse(
            """{"os":"linux","config":{"Labels":{"a":"1"},"ExposedPorts":{"80/tcp":{}},"Volumes":{"/v":{}}},"history":[{"created_by":"x"},{"created_by":"y"}]}""");

        Assert.Equal(config, AliasedStageImage.Create(config).Current);
    }

    private static AliasedStageImage Start(ImageConfig baseConfig) =>
        AliasedStageImage.Create(StageImage.Start(StageImage.FromBase(baseConfig), "linux").Image);
}
