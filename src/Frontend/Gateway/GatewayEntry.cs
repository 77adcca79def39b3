namespace CSharpFrontend.Frontend.Gateway;

/// <summary>
/// The gateway frontend mode: buildkitd starts our image's entrypoint without arguments, the options in
/// <c>BUILDKIT_FRONTEND_OPT_*</c>, and talks gRPC (LLBBridge) to us over our stdin and stdout.
/// </summary>
public static class GatewayEntry
{
    /// <summary>Whether the process was started by buildkitd as a gateway frontend: no arguments, and the gateway's variables set.</summary>
    public static bool IsGatewayInvocation(IReadOnlyList<string> args, IReadOnlyDictionary<string, string> variables) =>
        args.Count == 0 &&
        (variables.ContainsKey(GatewayEnvironment.SessionIdVariable) ||
         variables.Keys.Any(k => k.StartsWith(GatewayEnvironment.OptionPrefix, StringComparison.Ordinal)));

    /// <summary>
    /// Runs over this process's stdin/stdout. stdout is taken for gRPC first and <see cref="Console.Out"/> is sent to
    /// stderr, so that no stray write can corrupt the stream; logs go to stderr. Returns the exit code.
    /// </summary>
    public static async Task<int> RunFromProcessAsync(CancellationToken cancellationToken = default)
    {
        var stdout = Console.OpenStandardOutput();
        var stdin = Console.OpenStandardInput();
        Console.SetOut(Console.Error);
        var result = await RunAsync(new GatewayRunOptions
        {
            Input = stdin,
            Output = stdout,
            Variables = GatewayEnvironment.ProcessVariables(),
            Log = Console.Error,
        }, cancellationToken).ConfigureAwait(false);
        return result.ExitCode;
    }

    /// <summary>Pings the daemon, builds, and returns the result or the error to it.</summary>
    public static async Task<GatewayRunResult> RunAsync(GatewayRunOptions options, CancellationToken cancellationToken = default)
    {
        var log = options.Log;
        var environment = GatewayEnvironment.From(options.Variables);
        using var channel = BridgeChannel.Over(new DuplexStream(options.Input, options.Output));

        GatewayClient client;
        try
        {
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
