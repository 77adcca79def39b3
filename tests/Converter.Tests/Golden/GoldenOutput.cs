using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Image;

namespace CSharpFrontend.Converter.Tests.Golden;

/// <summary>What a case produces, as the files compared with the checked-in ones (file name → text).</summary>
public sealed record GoldenOutput(IReadOnlyDictionary<string, string> Files)
{
    /// <summary>The readable LLB dump.</summary>
    public const string LlbFile = "llb.txt";

    /// <summary>The indented image config.</summary>
    public const string ImageFile = "image.json";

    /// <summary>The rejection: message and line.</summary>
    public const string ErrorFile = "error.txt";

    /// <summary>Every file name the runner writes; a case has either the first two or the last.</summary>
    public static IReadOnlyList<string> AllFiles { get; } = [LlbFile, ImageFile, ErrorFile];

    /// <summary>Converts <paramref name="goldenCase"/>: an accepted Dockerfile gives llb.txt and image.json, a rejected one error.txt.</summary>
    public static async Task<GoldenOutput> ProduceAsync(GoldenCase goldenCase)
    {
        try
        {
            var result = await DockerfileConverter.ConvertAsync(goldenCase.Dockerfile, goldenCase.Options);
            return new GoldenOutput(new Dictionary<string, string>
            {
                [LlbFile] = LlbDump.Render(result.Definition),
                [ImageFile] = ImageConfigWriter.ToIndentedJson(result.Image) + "\n",
            });
        }
        catch (ConvertException e)
        {
            var line = e.Locations.IsEmpty ? "line: none\n" : $"line: {string.Join(", ", e.Locations.Select(l => l.StartLine))}\n";
            return new GoldenOutput(new Dictionary<string, string> { [ErrorFile] = $"error: {e.Message}\n{line}" });
        }
    }
}
