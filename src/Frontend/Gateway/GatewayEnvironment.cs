using System.Collections;
using System.Collections.Immutable;
using System.Text.Json;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>
/// What buildkitd passes a gateway frontend in its environment (frontend/gateway/gateway.go): each frontend option
/// as <c>BUILDKIT_FRONTEND_OPT_&lt;n&gt;=key=value</c>, the session id, the workers as JSON, the product name.
/// </summary>
/// <param name="Options">The frontend options by key (build args are <c>build-arg:NAME</c>, etc.).</param>
/// <param name="SessionId">The client session (<c>BUILDKIT_SESSION_ID</c>) local sources are read through.</param>
/// <param name="WorkerPlatforms">The first worker's platforms (<c>BUILDKIT_WORKERS</c>); empty when unknown.</param>
/// <param name="Product">The exporting product (<c>BUILDKIT_EXPORTEDPRODUCT</c>), used in cap error messages.</param>
public sealed record GatewayEnvironment(
    ImmutableDictionary<string, string> Options,
    string SessionId,
    ImmutableArray<LlbPlatform> WorkerPlatforms,
    string Product)
{
    /// <summary>The prefix of the option variables.</summary>
    public const string OptionPrefix = "BUILDKIT_FRONTEND_OPT_";

    /// <summary>The session id variable.</summary>
    public const string SessionIdVariable = "BUILDKIT_SESSION_ID";

    /// <summary>The workers variable (a JSON array of worker infos).</summary>
    public const string WorkersVariable = "BUILDKIT_WORKERS";

    /// <summary>The product variable.</summary>
    public const string ProductVariable = "BUILDKIT_EXPORTEDPRODUCT";

    /// <summary>The process's environment as a dictionary.</summary>
    public static IReadOnlyDictionary<string, string> ProcessVariables()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key)
            {
                result[key] = entry.Value as string ?? "";
            }
        }

        return result;
    }

    /// <summary>Reads the gateway variables out of <paramref name="variables"/> (grpcclient's <c>opts()</c> etc.).</summary>
    public static GatewayEnvironment From(IReadOnlyDictionary<string, string> variables)
    {
        var options = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);

        // Upstream ranges over the environment in its order; later duplicates win. Sort by option index so the
        // outcome does not depend on the dictionary's order.
        foreach (var (name, value) in variables.Where(v => v.Key.StartsWith(OptionPrefix, StringComparison.Ordinal))
                     .OrderBy(v => OptionIndex(v.Key)).ThenBy(v => v.Key, StringComparer.Ordinal))
        {
            _ = name;
            var equals = value.IndexOf('=');
            options[equals < 0 ? value : value[..equals]] = equals < 0 ? "" : value[(equals + 1)..];
        }

        return new GatewayEnvironment(
            options.ToImmutable(),
            variables.GetValueOrDefault(SessionIdVariable) ?? "",
            ParseWorkerPlatforms(variables.GetValueOrDefault(WorkersVariable)),
            variables.GetValueOrDefault(ProductVariable) ?? "");
    }

    private static long OptionIndex(string name) =>
        long.TryParse(name.AsSpan(OptionPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? index
            : long.MaxValue;

    /// <summary>The first worker's platforms from <c>[{"ID":…,"Platforms":[{"architecture":…,"os":…}]}]</c>; empty on any error, as upstream.</summary>
    public static ImmutableArray<LlbPlatform> ParseWorkerPlatforms(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            foreach (var worker in document.RootElement.EnumerateArray())
            {
                if (worker.ValueKind != JsonValueKind.Object || !worker.TryGetProperty("Platforms", out var platforms) ||
                    platforms.ValueKind != JsonValueKind.Array)
                {
                    return [];
                }

                return [.. platforms.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object).Select(PlatformFromJson)];
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON, or a value of another kind than expected (e.g. a number in os.features).
        }

        return [];
    }

    private static LlbPlatform PlatformFromJson(JsonElement element)
    {
        string Text(string name) => element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
        var features = element.TryGetProperty("os.features", out var f) && f.ValueKind == JsonValueKind.Array
            ? f.EnumerateArray().Select(x => x.GetString() ?? "").ToArray()
            : [];
        return new LlbPlatform(Text("os"), Text("architecture"), Text("variant"), Text("os.version")) { OSFeatures = features };
    }
}
