using Pb;

namespace CSharpFrontend.Frontend.Dump;

internal sealed partial class LlbJson
{
    private void ExecOp(GoJsonWriter w, ExecOp exec)
    {
        w.StartObject();
        w.OptObject("meta", exec.Meta, Meta);
        w.OptArray("mounts", exec.Mounts, Mount);
        w.OptNumber("network", (long)exec.Network);
        w.OptNumber("security", (long)exec.Security);
        w.OptArray("secretenv", exec.Secretenv, SecretEnv);
        w.OptArray("cdiDevices", exec.CdiDevices, CdiDevice);
        w.EndObject();
    }

    private static void Meta(GoJsonWriter w, Meta meta)
    {
        w.StartObject();
        w.OptStrings("args", meta.Args);
        w.OptStrings("env", meta.Env);
        w.OptString("cwd", meta.Cwd);
        w.OptString("user", meta.User);
        w.OptObject("proxy_env", meta.ProxyEnv, ProxyEnv);
        w.OptArray("extraHosts", meta.ExtraHosts, HostIp);
        w.OptString("hostname", meta.Hostname);
        w.OptArray("ulimit", meta.Ulimit, Ulimit);
        w.OptString("cgroupParent", meta.CgroupParent);
        w.OptBool("removeMountStubsRecursive", meta.RemoveMountStubsRecursive);
        w.OptNumbers("validExitCodes", meta.ValidExitCodes.Select(code => (long)code).ToArray());
        w.EndObject();
    }

    private static void ProxyEnv(GoJsonWriter w, ProxyEnv proxy)
    {
        w.StartObject();
        w.OptString("http_proxy", proxy.HttpProxy);
        w.OptString("https_proxy", proxy.HttpsProxy);
        w.OptString("ftp_proxy", proxy.FtpProxy);
        w.OptString("no_proxy", proxy.NoProxy);
        w.OptString("all_proxy", proxy.AllProxy);
        w.EndObject();
    }

    private static void HostIp(GoJsonWriter w, HostIP host)
    {
        w.StartObject();
        w.OptString("Host", host.Host);
        w.OptString("IP", host.IP);
        w.EndObject();
    }

    private static void Ulimit(GoJsonWriter w, Ulimit ulimit)
    {
        w.StartObject();
        w.OptString("Name", ulimit.Name);
        w.OptNumber("Soft", ulimit.Soft);
        w.OptNumber("Hard", ulimit.Hard);
        w.EndObject();
    }

    private static void SecretEnv(GoJsonWriter w, SecretEnv secret)
    {
        w.StartObject();
        w.OptString("ID", secret.ID);
        w.OptString("name", secret.Name);
        w.OptBool("optional", secret.Optional);
        w.EndObject();
    }

    private static void CdiDevice(GoJsonWriter w, CDIDevice device)
    {
        w.StartObject();
        w.OptString("name", device.Name);
        w.OptBool("optional", device.Optional);
        w.EndObject();
    }

    private void Mount(GoJsonWriter w, Mount mount)
    {
        w.StartObject();
        NonNullable(w, "input", mount.Input);
        w.OptString("selector", mount.Selector);
        w.OptString("dest", mount.Dest);
        NonNullable(w, "output", mount.Output);
        w.OptBool("readonly", mount.Readonly);
        w.OptNumber("mountType", (long)mount.MountType);
        w.OptObject("TmpfsOpt", mount.TmpfsOpt, static (writer, tmpfs) =>
        {
            writer.StartObject();
            writer.OptNumber("size", tmpfs.Size);
            writer.EndObject();
        });
        w.OptObject("cacheOpt", mount.CacheOpt, static (writer, cache) =>
        {
            writer.StartObject();
            writer.OptString("ID", cache.ID);
            writer.OptNumber("sharing", (long)cache.Sharing);
            writer.EndObject();
        });
        w.OptObject("secretOpt", mount.SecretOpt, static (writer, secret) =>
            SecretLike(writer, secret.ID, secret.Uid, secret.Gid, secret.Mode, secret.Optional));
        w.OptObject("SSHOpt", mount.SSHOpt, static (writer, ssh) =>
            SecretLike(writer, ssh.ID, ssh.Uid, ssh.Gid, ssh.Mode, ssh.Optional));
        w.OptString("resultID", mount.ResultID);
        w.OptNumber("contentCache", (long)mount.ContentCache);
        w.EndObject();
    }

    /// <summary><c>SecretOpt</c> and <c>SSHOpt</c> have the same fields.</summary>
    private static void SecretLike(GoJsonWriter w, string id, uint uid, uint gid, uint mode, bool optional)
    {
        w.StartObject();
        w.OptString("ID", id);
        w.OptNumber("uid", uid);
        w.OptNumber("gid", gid);
        w.OptNumber("mode", mode);
        w.OptBool("optional", optional);
        w.EndObject();
    }
}
