namespace CSharpFrontend.Converter.Llb;

/// <summary>containerd's platform specifier rules: <c>os[/arch[/variant]]</c> or <c>arch</c>, normalized.</summary>
internal static class PlatformParser
{
    public static LlbPlatform Parse(string text)
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

        return new LlbPlatform(os, arch, variant, osVersion);
    }

    private static bool IsKnownOs(string os) => os is "aix" or "android" or "darwin" or "dragonfly" or "freebsd" or "hurd" or "illumos"
        or "ios" or "js" or "linux" or "nacl" or "netbsd" or "openbsd" or "plan9" or "solaris" or "windows" or "zos";

    private static string NormalizeOs(string os) => os == "macos" ? "darwin" : os;

    private static (string Arch, string Variant) NormalizeArch(string arch, string variant) => arch switch
    {
        "i386" => ("386", ""),
        "x86_64" or "x86-64" or "amd64" => ("amd64", variant == "v1" ? "" : variant),
        "aarch64" or "arm64" => ("arm64", variant is "8" or "v8" ? "" : variant),
        "armhf" => ("arm", "v7"),
        "armel" => ("arm", "v6"),
        "arm" => ("arm", variant switch { "" or "7" => "v7", "5" or "6" or "8" => "v" + variant, _ => variant }),
        _ => (arch, variant),
    };
}
