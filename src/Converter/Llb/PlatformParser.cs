namespace CSharpFrontend.Converter.Llb;

/// <summary>containerd's platform specifier rules: <c>os[/arch[/variant]]</c> or <c>arch</c>, normalized.</summary>
internal static class PlatformParser
{
    public static LlbPlatform Parse(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split('/');
        if (parts.Length > 3 || parts.Any(p => p.Length == 0))
        {
            throw new FormatException($"\"{text}\": unknown operating system or architecture: invalid argument");
        }

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
            }
        }
        else
        {
            os = NormalizeOs(parts[0]);
            (arch, variant) = NormalizeArch(parts[1], parts.Length == 3 ? parts[2] : "");
        }

        return new LlbPlatform(os, arch, variant);
    }

    private static bool IsKnownOs(string os) => os is "linux" or "windows" or "darwin" or "freebsd" or "netbsd"
        or "openbsd" or "solaris" or "illumos" or "android" or "ios" or "aix" or "plan9" or "js" or "wasip1" or "dragonfly";

    internal static string NormalizeOs(string os) => os == "macos" ? "darwin" : os;

    internal static (string Arch, string Variant) NormalizeArch(string arch, string variant) => arch switch
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
