using System.Collections.Immutable;

namespace CSharpFrontend.Converter.Image;

/// <summary>
/// The <c>Healthcheck</c> of a container config (Docker's <c>HealthConfig</c> as BuildKit v0.11.6 knows it).
/// Durations are Go <c>time.Duration</c> values: integer nanoseconds; zero means "inherit" and is not written.
/// </summary>
public sealed record HealthConfig
{
    /// <summary>The test: empty = inherit, <c>["NONE"]</c>, <c>["CMD", args...]</c> or <c>["CMD-SHELL", command]</c>.</summary>
    public ImmutableArray<string> Test { get; init; } = [];

    /// <summary>Time between checks, in nanoseconds.</summary>
    public long Interval { get; init; }

    /// <summary>Time before a check counts as hung, in nanoseconds.</summary>
    public long Timeout { get; init; }

    /// <summary>Start-up grace period, in nanoseconds.</summary>
    public long StartPeriod { get; init; }

    /// <summary>Probe interval during the start period (nanoseconds; 0: unset). Newer than v0.11.6, written only when set.</summary>
    public long StartInterval { get; init; }

    /// <summary>Consecutive failures before the container counts as unhealthy; zero = inherit.</summary>
    public int Retries { get; init; }

    /// <inheritdoc/>
    public bool Equals(HealthConfig? other) =>
        other is not null && Structural.Equal(Test, other.Test) && Interval == other.Interval
        && Timeout == other.Timeout && StartPeriod == other.StartPeriod && StartInterval == other.StartInterval && Retries == other.Retries;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Structural.Hash(Test), Interval, Timeout, StartPeriod, StartInterval, Retries);
}
