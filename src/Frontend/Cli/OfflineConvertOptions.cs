using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Frontend.Cli;

/// <summary>
/// The conversion the offline commands (translate, lint, outline, resolve) start from: every LLB cap, a linux/amd64
/// build platform, and <c>--target</c> / <c>--platform</c> as given (target platform linux/amd64 without
/// <c>--platform</c>; an invalid one throws <see cref="FormatException"/> with the parser's message).
/// </summary>
internal static class OfflineConvertOptions
{
    public static ConvertOptions Create(string? target, string? platform) => new()
    {
        LlbCaps = LlbCaps.All,
        Target = target ?? "",
        TargetPlatform = platform is null ? LlbPlatform.LinuxAmd64 : LlbPlatform.Parse(platform),
        BuildPlatforms = [LlbPlatform.LinuxAmd64],
    };
}
