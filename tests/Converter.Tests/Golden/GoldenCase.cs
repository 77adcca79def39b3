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

    /// <summary>
    /// Case folders: every folder of <see cref="Root"/> (folders starting with <c>_</c> hold fixtures). A case folder
    /// without a Dockerfile is listed too, so that loading it fails instead of the case silently disappearing.
    /// </summary>
    public static IEnumerable<string> Names() =>
        System.IO.Directory.EnumerateDirectories(Root)
            .Select(Path.GetFileName).OfType<string>()
            .Where(n => !n.StartsWith('_'))
            .Order(StringComparer.Ordinal);

    /// <summary>Reads the case <paramref name="name"/>.</summary>
    public static GoldenCase Load(string name)
    {
        var directory = Path.Combine(Root, name);
        if (!File.Exists(Path.Combine(directory, "Dockerfile")))
        {
            throw new InvalidOperationException($"golden case folder {name} has no Dockerfile (a case folder needs one; fixtures go in folders starting with _)");
        }

        var dockerfile = Utf8.GetString(File.ReadAllBytes(Path.Combine(directory, "Dockerfile")));
        var options = new ConvertOptions
        {
            TargetPlatform = LlbPlatform.LinuxAmd64,
            BuildPlatforms = [LlbPlatform.LinuxAmd64],
            LocalUniqueId = "golden",
            LlbCaps = LlbCaps.All,
        };
        options = CaseOptions.Apply(options, Path.Combine(directory, "options.json"), directory);
        return new GoldenCase(name, directory, dockerfile, options);
    }
}
