namespace CSharpFrontend.Frontend.Gateway;

/// <summary>
/// The gateway frontend mode: buildkitd starts our image's entrypoint without arguments, the options in
/// <c>BUILDKIT_FRONTEND_OPT_*</c>, and talks gRPC (LLBBridge) to us over our stdin and stdout.
/// </summary>
public static class GatewayEntry
{
    /// <summary>
    /// Whether the process was started by buildkitd as a gateway frontend: no arguments, and the gateway's variables
    /// set. <paramref name="variables"/> is read only when there are no arguments (a CLI run does not pay for it).
    /// </summary>
    public static bool IsGatewayInvocation(IReadOnlyList<string> args, Func<IReadOnlyDictionary<string, string>> variables) =>
        args.Count == 0 && variables() is var set &&
        (set.ContainsKey(GatewayEnvironment.SessionIdVariable) ||
         set.Keys.Any(k => k.StartsWith(GatewayEnvironment.OptionPrefix, StringComparison.Ordinal)));

    /// <summary>
    /// Runs over this process's stdin/stdout. stdout is taken for gRPC first and <see cref="Console.Out"/> is sent to
    /// stderr, so that no stray write can corrupt the stream; logs go to stderr. Returns the exit code: 0 when the
    /// result was returned, 1 on any failure (said on stderr), never an unhandled exception.
    /// </summary>
    public static async Task<int> RunFromProcessAsync(CancellationToken cancellationToken = default)
    {
        var stdout = OpenStandardOutput();
        var stdin = Console.OpenStandardInput();
        Console.SetOut(Console.Error);
        var variables = GatewayEnvironment.ProcessVariables();
        try
        {
            var result = await RunAsync(new GatewayRunOptions
            {
                Input = stdin,
                Output = stdout,
                Variables = variables,
                Log = Console.Error,
                Timeouts = GatewayTimeouts.FromVariables(variables),
            }, cancellationToken).ConfigureAwait(false);
            return result.ExitCode;
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 1;
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync("error: the gateway run failed unexpectedly: " + ex).ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>
    /// stdout as a plain unbuffered file stream: the console stream ignores EPIPE (pretends the write succeeded), so a
    /// daemon that stopped reading would go unnoticed until a deadline; here the write fails and the run ends.
    /// </summary>
    private static Stream OpenStandardOutput() =>
        OperatingSystem.IsWindows()
            ? Console.OpenStandardOutput()
            : new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);

    /// <summary>Pings the daemon, builds, and returns the result or the error to it.</summary>
    public static async Task<GatewayRunResult> RunAsync(GatewayRunOptions options, CancellationToken cancellationToken = default)
    {
        var log = options.Log;
        using var channel = BridgeChannel.Over(new DuplexStream(options.Input, options.Output));

        GatewayClient client;
        try
        {
            var environment = GatewayEnvironment.From(options.Variables);
            client = await GatewayClient.ConnectAsync(channel.Client, environment, options.Timeouts, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var status = ErrorStatus.From(ex);
            await log.WriteLineAsync("failed to initialize client from environment: " + ErrorStatus.GoErrorText(status)).ConfigureAwait(false);
            return new GatewayRunResult(1, status, false);
        }

        Exception failure;
        try
        {
            var result = await DockerfileBuild.RunAsync(client, log, cancellationToken).ConfigureAwait(false);
            await client.ReturnAsync(result, cancellationToken).ConfigureAwait(false);
            return new GatewayRunResult(0, null, true);
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        var error = ErrorStatus.From(failure);
        await log.WriteLineAsync("error: " + ErrorStatus.GoErrorText(error)).ConfigureAwait(false);
        var returned = false;
        try
        {
            returned = await client.ReturnErrorAsync(error, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await log.WriteLineAsync("failed to return the error: " + ErrorStatus.GoErrorText(ErrorStatus.From(ex))).ConfigureAwait(false);
        }

        return new GatewayRunResult(1, error, returned);
    }
}
