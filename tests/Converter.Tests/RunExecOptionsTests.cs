using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Llb;
using Pb;

namespace CSharpFrontend.Converter.Tests;

/// <summary>
/// What the frontend options (shm-size, cgroup-parent, ulimit) and RUN --device add to every RUN, each only when the
/// daemon has the cap, as v0.24.0's <c>dispatchRun</c> does (convert.go): <c>if shmSize > 0</c> a tmpfs at
/// <c>/dev/shm</c> of that size (cap <c>exec.mount.tmpfs.size</c>); <c>if len(cgroupParent) > 0</c> the exec's cgroup
/// parent (<c>exec.meta.cgroup.parent</c>); each ulimit (<c>exec.meta.ulimit</c>); each CDI device
/// (<c>exec.meta.cdi</c>). These options cannot be given to <c>dockerfile2llb</c>, so the expectations are read from
/// that source.
/// </summary>
public sealed class RunExecOptionsTests
{
    private const string Dockerfile = "FROM alpine\nRUN --device=vendor.com/gpu=all true\n";

    private static ConvertOptions Options(params string[] withoutCaps) => new()
    {
        LocalUniqueId = "t",
        LlbCaps = LlbCaps.Of(CapId.All.Except(withoutCaps)),
        ShmSize = 64 << 20,
        CgroupParent = "builds.slice",
        Ulimits = [new CSharpFrontend.Converter.Llb.Ulimit("nofile", 1024, 2048)],
    };

    private static async Task<ExecOp> RunAsync(ConvertOptions options)
    {
        var result = await DockerfileConverter.ConvertAsync(Dockerfile, options);
        return Assert.Single(result.Definition.Ops, o => o.Op.Exec is not null).Op.Exec;
    }

    [Fact]
    public async Task EveryOptionReachesTheExecWhenTheDaemonHasItsCap()
    {
        var exec = await RunAsync(Options());
        var shm = Assert.Single(exec.Mounts, m => m.Dest == "/dev/shm");
        Assert.Equal(MountType.Tmpfs, shm.MountType);
        Assert.Equal(64L << 20, shm.TmpfsOpt.Size);
        Assert.Equal("builds.slice", exec.Meta.CgroupParent);
        var ulimit = Assert.Single(exec.Meta.Ulimit);
        Assert.Equal(("nofile", 1024L, 2048L), (ulimit.Name, ulimit.Soft, ulimit.Hard));
        Assert.Equal("vendor.com/gpu=all", Assert.Single(exec.CdiDevices).Name);
    }

    [Fact]
    public async Task EachIsLeftOutWithoutItsCap()
    {
        Assert.DoesNotContain((await RunAsync(Options(CapId.ExecMountTmpfsSize))).Mounts, m => m.Dest == "/dev/shm");
        Assert.Equal("", (await RunAsync(Options(CapId.ExecMetaCgroupParent))).Meta.CgroupParent);
        Assert.Empty((await RunAsync(Options(CapId.ExecMetaUlimit))).Meta.Ulimit);
        Assert.Empty((await RunAsync(Options(CapId.ExecMetaCdi))).CdiDevices);
    }

    [Fact]
    public async Task NoShmSizeAndNoCgroupParentAddNothing()
    {
        var exec = await RunAsync(Options() with { ShmSize = 0, CgroupParent = "" });
        Assert.DoesNotContain(exec.Mounts, m => m.Dest == "/dev/shm");
        Assert.Equal("", exec.Meta.CgroupParent);
    }
}
