namespace CSharpFrontend.Converter.Llb;

/// <summary>containerd's platform specifier rules: <c>os[/arch[/variant]]</c> or <c>arch</c>, normalized.</summary>
internal static class PlatformParser
{
    /// <summary>containerd's <c>platforms.Parse</c>, then <c>platforms.Normalize</c>.</summary>
    public static LlbPlatform Parse(string text) => Normalize(ParseSpecifier(text));

    /// <summary>
    /// containerd's <c>platforms.Parse</c> alone: <c>os/arm</c> and <c>arm</c> without the implied <c>v7</c>,
    /// <c>os/arm64/v8</c> with its variant (what <c>FROM --platform</c> gives a base image's source op).
    /// </summary>
    public static LlbPlatform ParseSpecifier(string text)
    {
        var (parts, osVersion) = PlatformSpecifier.Split(text);
        parts = [.. parts.Select(p => p.ToLowerInvariant())];

        string os, arch, variant = "";
        if (parts.Length == 1)
        {
            if (IsKnownOs(parts[0]))
            {
                os = parts[0];
                arch = "amd64";
            }
            else
            {
                os = "linux";
                (arch, variant) = NormalizeArch(parts[0], "");
                if (!PlatformSpecifier.IsKnownArch(arch))
                {
                    throw PlatformSpecifier.Unknown(text);
                }
            }
        }
        else
        {
            os = NormalizeOs(parts[0]);
            (arch, variant) = NormalizeArch(parts[1], parts.Length == 3 ? parts[2] : "");
        }

        variant = (parts.Length, arch, variant) switch
        {
            ( < 3, "arm", "v7") => "",
            (3, "arm64", "") => "v8",
            _ => variant,
        };
        return new LlbPlatform(os, arch, variant, osVersion);
    }

    private static bool IsKnownOs(string os) => os is "aix" or "android" or "darwin" or "dragonfly" or "freebsd" or "hurd" or "illumos"
        or "ios" or "js" or "linux" or "nacl" or "netbsd" or "openbsd" or "plan9" or "solaris" or "windows" or "zos";

    internal static string NormalizeOs(string os) => os == "macos" ? "darwin" : os;

    /// <summary>containerd's <c>normalizeArch</c>: both parts lower-cased, aliases and implied variants resolved.</summary>
    internal static (string Arch, string Variant) NormalizeArch(string arch, string variant)
    {
        (arch, variant) = (arch.ToLowerInvariant(), variant.ToLowerInvariant());
        return arch switch
        {
            "i386" => ("386", ""),
            "x86_64" or "x86-64" or "amd64" => ("amd64", variant == "v1" ? "" : variant),
            "aarch64" or "arm64" => ("arm64", variant switch { "8" or "v8" or "v8.0" => "", "9" or "9.0" or "v9.0" => "v9", _ => variant }),
            "armhf" => ("arm", "v7"),
            "armel" => ("arm", "v6"),
            "arm" => ("arm", variant switch { "" or "7" => "v7", "5" or "6" or "8" => "v" + variant, _ => variant }),
            _ => (arch, variant),
        };
    }

    /// <summary>
    /// containerd's <c>Normalize</c>: the OS lower-cased (<c>macos</c> is <c>darwin</c>, none is the frontend's own,
    /// <c>linux</c>), the architecture as <see cref="NormalizeArch"/>.
    /// </summary>
    internal static LlbPlatform Normalize(LlbPlatform platform)
    {
        var (arch, variant) = NormalizeArch(platform.Architecture, platform.Variant);
        var os = platform.OS.Length == 0 ? "linux" : NormalizeOs(platform.OS.ToLowerInvariant());
        return platform with { OS = os, Architecture = arch, Variant = variant };
    }
}
