namespace CSharpFrontend.Converter.Llb;

/// <summary>An OCI platform (os/architecture/variant) as LLB ops carry it.</summary>
public sealed record LlbPlatform(string OS, string Architecture, string Variant = "", string OSVersion = "")
{
    public IReadOnlyList<string> OSFeatures { get; init; } = [];

    public static LlbPlatform LinuxAmd64 { get; } = new("linux", "amd64");

    /// <summary>Parses <c>os/arch[/variant]</c> with containerd's normalization (x86_64 → amd64, aarch64 → arm64, ...).</summary>
    public static LlbPlatform Parse(string text) => PlatformParser.Parse(text);

    public override string ToString() =>
        Variant.Length > 0 ? $"{OS}/{Architecture}/{Variant}" : $"{OS}/{Architecture}";

    internal Pb.Platform ToProto()
    {
        var platform = new Pb.Platform { OS = OS, Architecture = Architecture, Variant = Variant, OSVersion = OSVersion };
        platform.OSFeatures.AddRange(OSFeatures);
        return platform;
    }
}
