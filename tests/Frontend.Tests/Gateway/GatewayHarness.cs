using System.Text;
using CSharpFrontend.Frontend.Gateway;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>Runs the gateway frontend against a fake daemon, as buildkitd would start it.</summary>
public static class GatewayHarness
{
    public const string SessionId = "session-under-test";

    public const string AlpineConfig =
        """{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["/bin/sh"]},"rootfs":{"type":"layers","diff_ids":["sha256:aaaa"]}}""";

    public const string AlpineDigest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    /// <summary>A bridge with a Dockerfile (and alpine known to its registry).</summary>
    public static FakeBridge WithDockerfile(string dockerfile, string path = "Dockerfile")
    {
        var bridge = new FakeBridge();
        bridge.Files[("dockerfile", path)] = Encoding.UTF8.GetBytes(dockerfile);
        bridge.Images["docker.io/library/alpine:latest"] = (AlpineDigest, AlpineConfig);
        return bridge;
    }

    /// <summary>The variables buildkitd sets for a frontend with <paramref name="options"/>.</summary>
    public static Dictionary<string, string> Variables(IEnumerable<KeyValuePair<string, string>>? options = null)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["BUILDKIT_SESSION_ID"] = SessionId,
            ["BUILDKIT_WORKERS"] = """[{"ID":"w0","Labels":{},"Platforms":[{"architecture":"amd64","os":"linux"}]}]""",
            ["BUILDKIT_EXPORTEDPRODUCT"] = "buildkit",
            ["PATH"] = "/usr/bin",
        };
        var i = 0;
        foreach (var (key, value) in options ?? [])
        {
            variables["BUILDKIT_FRONTEND_OPT_" + i++] = key + "=" + value;
        }

        return variables;
    }

    public static async Task<GatewayRunResult> RunAsync(FakeBridge bridge, IEnumerable<KeyValuePair<string, string>>? options = null, GatewayTimeouts? timeouts = null)
    {
        await using var host = await FakeBridgeHost.StartAsync(bridge);
        var stream = await host.ConnectAsync();
        var log = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await GatewayEntry.RunAsync(new GatewayRunOptions
        {
            Input = stream,
            Output = stream,
            Variables = Variables(options),
            Log = log,
            Timeouts = timeouts ?? GatewayTimeouts.Default,
        }, timeout.Token);
    }

    public static KeyValuePair<string, string> Opt(string key, string value) => new(key, value);
}
