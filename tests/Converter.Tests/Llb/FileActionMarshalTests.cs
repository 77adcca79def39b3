using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Converter.Llb.Marshal;
using CSharpFrontend.Converter.Profiles;

namespace CSharpFrontend.Converter.Tests.Llb;

/// <summary>
/// File actions the Dockerfile frontend never writes, or writes without these fields, as BuildKit's client/llb
/// fileop.go marshals them: <c>normalizePath(parent, p, keepSlash)</c> (cleaned, joined to the working directory; a
/// copy's destination keeps a trailing <c>/</c> or <c>/.</c>, rm, mkdir and mkfile paths do not), a symlink's paths written as given,
/// a created time as <c>UnixNano</c> (<c>marshalTime</c>), and v0.11.6's file op taking its platform from the state it
/// runs on when it has none of its own (v0.24.0 writes none).
/// </summary>
public sealed class FileActionMarshalTests
{
    private static readonly LlbState Work = Sources.Image("alpine").WithDir("/work");

    private static Pb.FileAction Action(LlbState state, FileAction action, MarshalOptions? options = null) =>
        LlbMarshaller.Marshal(state.File(action), options).Ops[^2].Op.File.Actions.Single();

    [Theory]
    [InlineData("sub/x", "/work/sub/x")]
    [InlineData("x/", "/work/x")]
    [InlineData("x/.", "/work/x")]
    [InlineData("/abs/../y/", "/y")]
    public void AnRmPathIsCleanedAgainstTheWorkingDirectory(string path, string written)
    {
        var rm = Action(Work, new RmAction(path) { AllowNotFound = true, AllowWildcard = true }).Rm;
        Assert.Equal((written, true, true), (rm.Path, rm.AllowNotFound, rm.AllowWildcard));
    }

    [Theory]
    [InlineData("f/", "/work/f")]
    [InlineData("sub/f/.", "/work/sub/f")]
    public void MkfileAndMkdirPathsDropATrailingSlash(string path, string written)
    {
        Assert.Equal(written, Action(Work, new MkfileAction(path, 0x1A4, "x"u8.ToArray())).Mkfile.Path);
        Assert.Equal(written, Action(Work, new MkdirAction(path, 0x1ED)).Mkdir.Path);
    }

    [Theory]
    [InlineData("x/", "/work/x/")]
    [InlineData("sub/.", "/work/sub/.")]
    [InlineData("/.", "/.")]
    [InlineData("/", "/")]
    [InlineData("a/../b", "/work/b")]
    public void ACopyDestinationKeepsItsTrailingSlashOrDot(string dest, string written) =>
        Assert.Equal(written, Action(Work, new CopyAction(Sources.Image("busybox"), "/f", dest)).Copy.Dest);

    [Fact]
    public void ASymlinkIsWrittenAsGivenWithItsOwnerAndTime()
    {
        var symlink = Action(Work, new SymlinkAction("../target", "rel/link/")
        {
            Owner = new ChownSpec(UserSpec.ById(1000), UserSpec.ByName("staff")),
            CreatedTime = 1_700_000_000_000_000_000,
        }).Symlink;
        Assert.Equal(("../target", "rel/link/"), (symlink.Oldpath, symlink.Newpath));
        Assert.Equal(1000u, symlink.Owner.User.ByID);
        Assert.Equal("staff", symlink.Owner.Group.ByName.Name);
        Assert.Equal(1_700_000_000_000_000_000, symlink.Timestamp);
        Assert.Equal(-1L, Action(Work, new SymlinkAction("a", "/b")).Symlink.Timestamp);
    }

    [Fact]
    public void CreatedTimesAreNanosecondsSinceTheEpoch()
    {
        Assert.Equal(5L, Action(Work, new MkfileAction("f", 0x1A4, "x"u8.ToArray()) { CreatedTime = 5 }).Mkfile.Timestamp);
        Assert.Equal(-5L, Action(Work, new CopyAction(Sources.Image("busybox"), "/f", "/g") { CreatedTime = -5 }).Copy.Timestamp);
        Assert.Equal(7L, Action(Work, new MkdirAction("d", 0x1ED) { CreatedTime = 7 }).Mkdir.Timestamp);
    }

    [Fact]
    public void AV011FileOpRunsOnItsStatesPlatform()
    {
        var arm = LlbPlatform.Parse("linux/arm64");
        var state = Sources.Image("alpine").WithPlatform(arm);
        var v011 = LlbMarshaller.Marshal(state.File(new MkdirAction("/d", 0x1ED)), new MarshalOptions { Profile = BuildKitProfile.V0_11 });
        Assert.Equal(("linux", "arm64"), (v011.Ops[^2].Op.Platform.OS, v011.Ops[^2].Op.Platform.Architecture));
        var v024 = LlbMarshaller.Marshal(state.File(new MkdirAction("/d", 0x1ED)));
        Assert.Null(v024.Ops[^2].Op.Platform);
    }
}
