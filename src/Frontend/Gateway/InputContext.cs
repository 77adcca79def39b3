using System.Text.Json;
using CSharpFrontend.Converter.Dockerfile.Contexts;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>
/// <c>input:&lt;name&gt;</c> named contexts (builder/build.go's <c>contextByName</c>, v0.11.6): the frontend input's
/// definition as a state, with the image config of the <c>input-metadata:&lt;name&gt;</c> option applied when that
/// option has one (<c>containerimage.config</c>, base64 in a JSON object).
/// </summary>
public static class InputContext
{
    /// <summary>The option prefix of input metadata.</summary>
    public const string MetadataPrefix = "input-metadata:";

    /// <summary>Loads; the inputs are asked for on every call, as upstream does.</summary>
    /// <param name="client">The bridge (needs the <c>frontend.inputs</c> cap).</param>
    /// <param name="key">The option key without <c>context:</c>.</param>
    /// <param name="inputName">The input's name.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public static async ValueTask<NamedContext> LoadAsync(GatewayClient client, string key, string inputName, CancellationToken cancellationToken)
    {
        var inputs = await client.InputsAsync(cancellationToken, required: true).ConfigureAwait(false);
        if (!inputs.TryGetValue(inputName, out var definition))
        {
            throw new GatewayException($"invalid input {inputName} for {key}");
        }

        LlbState state;
        try
        {
            state = DefinitionStates.FromDefinition(definition);
        }
        catch (FormatException ex)
        {
            throw new GatewayException(ex.Message);
        }

        if (!client.Environment.Options.TryGetValue(MetadataPrefix + inputName, out var metadata))
        {
            return new NamedContext(state, null);
        }

        if (!ReadMetadata(metadata).TryGetValue(DockerfileBuild.ImageConfigKey, out var configJson))
        {
            return new NamedContext(state, null);
        }

        if (configJson is null)
        {
            throw new GatewayException("unexpected end of JSON input");
        }

        ImageConfig config;
        try
        {
            config = ImageConfigReader.Parse(configJson, "image config for " + key);
        }
        catch (ImageConfigFormatException ex)
        {
            // Upstream's first read of the config (State.WithImageConfig) returns the JSON error unwrapped.
            throw new GatewayException(ex.Message);
        }

        return new NamedContext(ContextSources.WithImageConfig(state, config), config);
    }

    /// <summary>The option as Go's <c>json.Unmarshal</c> into <c>map[string][]byte</c> reads it: values base64 or null.</summary>
    private static Dictionary<string, byte[]?> ReadMetadata(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException($"cannot unmarshal {document.RootElement.ValueKind.ToString().ToLowerInvariant()} into Go value of type map[string][]uint8");
            }

            var result = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                result[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => Convert.FromBase64String(property.Value.GetString()!.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal)),
                    _ => throw new JsonException($"cannot unmarshal {property.Value.ValueKind.ToString().ToLowerInvariant()} into Go struct field of type []uint8"),
                };
            }

            return result;
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            throw new GatewayException($"failed to parse input metadata {text}: {ex.Message}");
        }
    }
}
