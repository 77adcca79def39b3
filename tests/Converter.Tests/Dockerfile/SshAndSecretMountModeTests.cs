using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// The owner and mode of <c>RUN --mount=type=ssh</c> sockets and <c>type=secret</c> files as v0.24.0 writes them
/// (convert_runmount.go dispatchSSH/dispatchSecret: mode 0600 for ssh and 0400 for secrets unless <c>mode=</c> is
/// given, also when only <c>uid=</c> or <c>gid=</c> is). Each expected value is what v0.24.0's dockerfile2llb wrote
/// for the same Dockerfile (read with <c>buildctl debug dump-llb</c>).
/// </summary>
public sealed class SshAndSecretMountModeTests
{
    private static ConvertOptions Options => TestConversion.Options;

    private static Pb.Mount Mount(string mount, Pb.MountType type)
    {
        var result = TestConversion.Convert($"FROM alpine\nRUN --mount={mount} true\n");
        var exec = Assert.Single(result.Definition.Ops, o => o.Op.OpCase == Pb.Op.OpOneofCase.Exec).Op.Exec;
        return Assert.Single(exec.Mounts, m => m.MountType == type);
    }

    [Theory]
    [InlineData("type=ssh", 0, 0, 384)]                  // 0600
    [InlineData("type=ssh,uid=100", 100, 0, 384)]        // uid alone keeps 0600
    [InlineData("type=ssh,gid=5", 0, 5, 384)]
    [InlineData("type=ssh,uid=1,gid=2", 1, 2, 384)]
    [InlineData("type=ssh,mode=0644,uid=1", 1, 0, 420)]
    [InlineData("type=ssh,mode=0", 0, 0, 0)]
    public void AnSshSocketIs0600UnlessAModeIsGiven(string mount, int uid, int gid, int mode)
    {
        var ssh = Mount(mount, Pb.MountType.Ssh).SSHOpt;
        Assert.Equal((uid, gid, mode), ((int)ssh.Uid, (int)ssh.Gid, (int)ssh.Mode));
        Assert.Equal("/run/buildkit/ssh_agent.0", Mount(mount, Pb.MountType.Ssh).Dest);
        Assert.True(ssh.Optional);
    }

    [Fact]
    public void ANamedRequiredSshSocketKeepsItsIdTargetAndMode()
    {
        var mount = Mount("type=ssh,id=k,target=/k,required", Pb.MountType.Ssh);
        Assert.Equal(("k", "/k", 384u, false), (mount.SSHOpt.ID, mount.Dest, mount.SSHOpt.Mode, mount.SSHOpt.Optional));
    }

    [Theory]
    [InlineData("type=secret,id=s", 0, 0, 256)]          // 0400
    [InlineData("type=secret,id=s,uid=100", 100, 0, 256)]
    [InlineData("type=secret,id=s,gid=7", 0, 7, 256)]
    [InlineData("type=secret,id=s,mode=0444", 0, 0, 292)]
    public void ASecretIs0400UnlessAModeIsGiven(string mount, int uid, int gid, int mode)
    {
        var secret = Mount(mount, Pb.MountType.Secret);
        Assert.Equal("/run/secrets/s", secret.Dest);
        Assert.Equal(("s", uid, gid, mode, true), (secret.SecretOpt.ID, (int)secret.SecretOpt.Uid, (int)secret.SecretOpt.Gid, (int)secret.SecretOpt.Mode, secret.SecretOpt.Optional));
    }

    [Fact]
    public void ASecretsSourceIsItsId()
    {
        var secret = Mount("type=secret,source=src1,target=/t", Pb.MountType.Secret);
        Assert.Equal(("src1", "/t"), (secret.SecretOpt.ID, secret.Dest));
    }

    [Theory]
    [InlineData("type=ssh,source=x", "ssh does not support source")]
    [InlineData("type=secret", "invalid secret mount. one of source, target required")]
    public void AnSshSourceOrASecretWithoutIdOrTargetIsRejected(string mount, string message)
    {
        Assert.Equal(message, Assert.Throws<ConvertException>(() => Mount(mount, Pb.MountType.Secret)).Message);
    }
}
