namespace CSharpFrontend.Frontend.Gateway;

/// <summary>What a gateway run needs: the connection to the daemon, the environment, where to log.</summary>
public sealed record GatewayRunOptions
{
    /// <summary>The daemon's bytes (stdin in a real run).</summary>
    public required Stream Input { get; init; }

    /// <summary>Our bytes to the daemon (stdout in a real run; may be the same stream as <see cref="Input"/>).</summary>
    public required Stream Output { get; init; }

    /// <summary>The environment variables (options, session, workers).</summary>
    public required IReadOnlyDictionary<string, string> Variables { get; init; }

    /// <summary>Where notes and errors are written (stderr in a real run).</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;

    /// <summary>Deadlines of the bridge calls.</summary>
    public GatewayTimeouts Timeouts { get; init; } = GatewayTimeouts.Default;
}

/// <summary>How a gateway run ended.</summary>
/// <param name="ExitCode">0 when the result was returned, 1 otherwise.</param>
/// <param name="Error">The status the run failed with (returned to the daemon when it could be), or null.</param>
/// <param name="Returned">Whether the daemon accepted our Return (result or error).</param>
public sealed record GatewayRunResult(int ExitCode, Google.Rpc.Status? Error, bool Returned);
