using System.Globalization;

namespace CSharpFrontend.Frontend.Resolve;

/// <summary>
/// containerd's <c>platforms.Only</c> (v1.6, as BuildKit v0.11.6 uses it to pick an index entry): the requested
/// platform and the ones it can also run — older amd64 micro-architecture levels and 386 for amd64, older arm
/// variants for arm, arm for arm64 — in that order of preference; platforms are normalized first
/// (<c>x86_64</c> → <c>amd64</c>, <c>aarch64</c> → <c>arm64</c>, arm64 <c>v8</c> → no variant, arm → <c>v7</c>, …).
/// </summary>
public sealed class PlatformMatcher
{
    /// <summary>The highest older variant level listed after the requested one.</summary>
    private const int MaxLevel = 1000;

    private readonly RegistryPlatform[] _preference;

    /// <summary>Matches <paramref name="platform"/> and what it can run.</summary>
    public PlatformMatcher(RegistryPlatform platform) => _preference = [.. Vector(Normalize(platform))];

    /// <summary>Whether an entry for <paramref name="platform"/> can be used.</summary>
    public bool Match(RegistryPlatform platform) => Rank(platform) >= 0;

    /// <summary>0 for the requested platform, higher for less preferred ones, -1 for no match.</summary>
    public int Rank(RegistryPlatform platform)
    {
        var normalized = Normalize(platform);
        return Array.IndexOf(_preference, normalized);
    }

    /// <summary>containerd's <c>platforms.Normalize</c> (os lower-cased, <c>macos</c> → <c>darwin</c>; architecture and variant as above).</summary>
    public static RegistryPlatform Normalize(RegistryPlatform platform)
    {
        var os = platform.OS.ToLowerInvariant();
        if (os == "macos")
        {
            os = "darwin";
        }

        var (architecture, variant) = (platform.Architecture.ToLowerInvariant(), platform.Variant.ToLowerInvariant());
        switch (architecture)
        {
            case "i386":
                (architecture, variant) = ("386", "");
                break;
            case "x86_64" or "x86-64" or "amd64":
                architecture = "amd64";
                variant = variant == "v1" ? "" : variant;
                break;
            case "aarch64" or "arm64":
                architecture = "arm64";
                variant = variant is "8" or "v8" ? "" : variant;
                break;
            case "armhf":
                (architecture, variant) = ("arm", "v7");
                break;
            case "armel":
                (architecture, variant) = ("arm", "v6");
                break;
            case "arm":
                variant = variant switch
                {
                    "" or "7" => "v7",
                    "5" or "6" or "8" => "v" + variant,
                    _ => variant,
                };
                break;
        }

        return new RegistryPlatform(os, architecture, variant);
    }

    private static IEnumerable<RegistryPlatform> Vector(RegistryPlatform platform)
    {
        yield return platform;
        switch (platform.Architecture)
        {
            case "amd64":
                if (Level(platform.Variant) is > 1 and var level)
                {
                    // Levels far above any real one (v2147483647) would make billions of entries: the ones below
                    // MaxLevel keep their order, which is all a rank is used for.
                    for (level = Math.Min(level - 1, MaxLevel); level >= 1; level--)
                    {
                        yield return Normalize(platform with { Variant = "v" + level.ToString(CultureInfo.InvariantCulture) });
                    }
                }

                yield return platform with { Architecture = "386", Variant = "" };
                break;
            case "arm":
                if (Level(platform.Variant) is > 5 and var version)
                {
                    for (version = Math.Min(version - 1, MaxLevel); version >= 5; version--)
                    {
                        yield return platform with { Variant = "v" + version.ToString(CultureInfo.InvariantCulture) };
                    }
                }

                break;
            case "arm64":
                foreach (var older in Vector(Normalize(platform with { Architecture = "arm", Variant = platform.Variant.Length == 0 ? "v8" : platform.Variant })))
                {
                    yield return older;
                }

                break;
        }
    }

    private static int Level(string variant) =>
        int.TryParse(variant.StartsWith('v') ? variant[1..] : variant, NumberStyles.None, CultureInfo.InvariantCulture, out var level) ? level : 0;
}
