using System.Collections.Immutable;
using System.Text.Json.Nodes;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests;

/// <summary>A case's <c>options.json</c> (<c>target</c>, <c>platform</c>, <c>buildArgs</c>, <c>imageMetadata</c>) applied to convert options.</summary>
internal static class CaseOptions
{
    /// <summary>
    /// Reads <paramref name="optionsPath"/> when it exists; <c>imageMetadata</c> is resolved against
    /// <paramref name="metadataBase"/>. Unknown keys are an error.
    /// </summary>
    public static ConvertOptions Apply(ConvertOptions options, string optionsPath, string metadataBase)
    {
        if (!File.Exists(optionsPath))
        {
            return options;
        }

        var json = JsonNode.Parse(File.ReadAllText(optionsPath))!.AsObject();
        foreach (var (key, _) in json)
        {
            if (key is not ("target" or "platform" or "buildArgs" or "imageMetadata" or "channel"))
            {
                throw new InvalidOperationException($"{optionsPath}: unknown option \"{key}\"");
            }
        }

        if (json["target"]?.GetValue<string>() is { } target)
        {
            options = options with { Target = target };
        }

        if (json["platform"]?.GetValue<string>() is { } platform)
        {
            options = options with { TargetPlatform = LlbPlatform.Parse(platform) };
        }

        if (json["buildArgs"] is JsonObject args)
        {
            options = options with { BuildArgs = args.ToImmutableDictionary(kv => kv.Key, kv => kv.Value!.GetValue<string>()) };
        }

        if (json["imageMetadata"]?.GetValue<string>() is { } metadata)
        {
            options = options with { ImageResolver = FileImageMetadataResolver.Load(Path.GetFullPath(Path.Combine(metadataBase, metadata))) };
        }

        return options;
    }
}
