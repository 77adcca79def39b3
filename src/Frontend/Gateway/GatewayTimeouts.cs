using System.Globalization;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>How long each kind of bridge call may take before it fails with <c>DeadlineExceeded</c>.</summary>
public sealed record GatewayTimeouts
{
    /// <summary>
    /// The variable that overrides them in a gateway run: <c>ping=500ms,call=2s,warn=1s,return=1s</c> (any subset;
    /// units <c>ms</c>, <c>s</c>, <c>m</c>). For tests and slow daemons; unset in a normal run.
    /// </summary>
    public const string Variable = "CSHARP_FRONTEND_GATEWAY_TIMEOUTS";

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

    /// <summary>The defaults with the overrides of <see cref="Variable"/> in <paramref name="variables"/>.</summary>
    /// <exception cref="FormatException">The variable is not a list of <c>name=duration</c>.</exception>
    public static GatewayTimeouts FromVariables(IReadOnlyDictionary<string, string> variables) =>
        variables.TryGetValue(Variable, out var text) ? Parse(text) : Default;

    /// <summary>Parses <c>ping=500ms,call=2s</c>; empty gives the defaults.</summary>
    /// <exception cref="FormatException">An unknown name or a bad duration.</exception>
    public static GatewayTimeouts Parse(string text)
    {
        var timeouts = Default;
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split('=', 2);
            var duration = parts.Length == 2 ? ParseDuration(parts[1]) : throw new FormatException($"{Variable}: expected name=duration, got \"{item}\"");
            timeouts = parts[0] switch
            {
                "ping" => timeouts with { Ping = duration },
                "call" => timeouts with { Call = duration },
                "warn" => timeouts with { Warn = duration },
                "return" => timeouts with { Return = duration },
                _ => throw new FormatException($"{Variable}: unknown timeout \"{parts[0]}\" (ping, call, warn, return)"),
            };
        }

        return timeouts;
    }

    private static TimeSpan ParseDuration(string text)
    {
        var (number, scale) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, double.NaN);
        if (double.IsNaN(scale) || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0 || value * scale > 86400)
        {
            throw new FormatException($"{Variable}: bad duration \"{text}\" (a positive number with ms, s or m, at most a day)");
        }

        return TimeSpan.FromSeconds(value * scale);
    }
}
