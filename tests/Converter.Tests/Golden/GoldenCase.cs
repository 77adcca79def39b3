using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Converter.Tests.Golden;

/// <summary>
/// One folder of <c>tests/golden</c>: its Dockerfile and the options of <c>options.json</c> (<c>target</c>,
/// <c>platform</c>, <c>buildArgs</c>, <c>imageMetadata</c> relative to the case folder).
/// </summary>
public sealed record GoldenCase(string Name, string Directory, string Dockerfile, ConvertOptions Options)
{
    /// <summary>Where the cases live.</summary>
    public static string Root => Path.Combine(TestPaths.RepoRoot, "tests", "golden");

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Case folders: every folder of <see cref="Root"/> with a Dockerfile (folders starting with <c>_</c> hold fixtures).</summary>
    public static IEnumerable<string> Names() =>
        System.IO.Directory.EnumerateDirectories(Root)
            .Where(d => File.Exists(Path.Combine(d, "Dockerfile")))
            .Select(Path.GetFileName).OfType<string>()
            .Where(n => !n.StartsWith('_'))
            .Order(StringComparer.Ordinal);

    /// <summary>Reads the case <paramref name="name"/>.</summary>
    public static GoldenCase Load(string name)
    {
        var directory = Path.Combine(Root, name);
        var dockerfile = Utf8.GetString(File.ReadAllBytes(Path.Combine(directory, "Dockerfile")));
        var options = new ConvertOptions
        {
            TargetPlatform = LlbPlatform.LinuxAmd64,
            BuildPlatforms = [LlbPlatform.LinuxAmd64],
            LocalUniqueId = "golden",
            LlbCaps = LlbCaps.All,
        };
        var optionsPath = Path.Combine(directory, "options.json");
        if (File.Exists(optionsPath))
        {
            var json = JsonNode.Parse(File.ReadAllText(optionsPath))!.AsObject();
            foreach (var (key, _) in json)
            {
                if (key is not ("target" or "platform" or "buildArgs" or "imageMetadata"))
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
                options = options with { ImageResolver = FileImageMetadataResolver.Load(Path.GetFullPath(Path.Combine(directory, metadata))) };
            }
        }

        return new GoldenCase(name, directory, dockerfile, options);
    }
}
