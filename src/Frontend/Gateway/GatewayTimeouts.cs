namespace CSharpFrontend.Frontend.Gateway;

/// <summary>How long each kind of bridge call may take before it fails with <c>DeadlineExceeded</c>.</summary>
public sealed record GatewayTimeouts
{
    /// <summary>The defaults: 15 s to ping (as upstream), 10 min for solves and reads, 1 min to return.</summary>
    public static GatewayTimeouts Default { get; } = new();

    /// <summary>The first call; the daemon answers at once or is not there.</summary>
    public TimeSpan Ping { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Solve, ReadFile, ResolveImageConfig, Inputs (these may transfer files or pull metadata).</summary>
    public TimeSpan Call { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Warn (best effort).</summary>
    public TimeSpan Warn { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Return.</summary>
    public TimeSpan Return { get; init; } = TimeSpan.FromMinutes(1);
}
