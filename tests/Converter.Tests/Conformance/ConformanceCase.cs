using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Converter.Tests.Conformance;

/// <summary>One case of a reference corpus: its Dockerfile, options (the corpus's profile), and what BuildKit made of it.</summary>
internal sealed record ConformanceCase(ReferenceCorpus Corpus, string Name, string Dockerfile, ConvertOptions Options, string Directory)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public string ExpectedDir => Path.Combine(Directory, "expected");

    public bool Accepted => File.Exists(Path.Combine(ExpectedDir, "def.pb"));

    /// <summary>The reference's error message (without the <c>error: </c> prefix) for a rejected case.</summary>
    public string? ExpectedError => File.Exists(Path.Combine(ExpectedDir, "error.txt"))
        ? File.ReadAllText(Path.Combine(ExpectedDir, "error.txt")).Trim() is var text && text.StartsWith("error: ", StringComparison.Ordinal) ? text[7..] : text
        : null;

    public JsonNode? ExpectedImage => File.Exists(Path.Combine(ExpectedDir, "image.json"))
        ? JsonNode.Parse(File.ReadAllText(Path.Combine(ExpectedDir, "image.json")))
        : null;

    /// <summary>For ops whose metadata the reference does not decide: every acceptable metadata, hex, group id left out.</summary>
    public ImmutableDictionary<string, ImmutableHashSet<string>> MetadataVariants
    {
        get
        {
            var path = Path.Combine(ExpectedDir, "metadata-variants.json");
            if (!File.Exists(path))
            {
                return ImmutableDictionary<string, ImmutableHashSet<string>>.Empty;
            }

            var node = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            return node.ToImmutableDictionary(
                kv => kv.Key,
                kv => kv.Value!.AsArray().Select(v => v!.GetValue<string>().ToUpperInvariant()).ToImmutableHashSet());
        }
    }

    public static ConformanceCase Load(ReferenceCorpus corpus, string name)
    {
        var directory = corpus.CaseDir(name);
        var dockerfile = Utf8.GetString(File.ReadAllBytes(Path.Combine(directory, "Dockerfile")));
        var options = new ConvertOptions
        {
            TargetPlatform = LlbPlatform.LinuxAmd64,
            BuildPlatforms = [LlbPlatform.LinuxAmd64],
            LocalUniqueId = "conformance",
            LlbCaps = LlbCaps.All,
            Profile = Profiles.BuildKitProfile.Find(corpus.Name)!,
        };
        options = CaseOptions.Apply(options, Path.Combine(directory, "options.json"), corpus.Dir);
        return new ConformanceCase(corpus, name, dockerfile, options, directory);
    }
}
