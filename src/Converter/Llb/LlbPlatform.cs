namespace CSharpFrontend.Converter.Llb;

/// <summary>An OCI platform (os/architecture/variant) as LLB ops carry it.</summary>
public sealed record LlbPlatform(string OS, string Architecture, string Variant = "", string OSVersion = "")
{
    public IReadOnlyList<string> OSFeatures { get; init; } = [];

    public static LlbPlatform LinuxAmd64 { get; } = new("linux", "amd64");

    /// <summary>Parses <c>os/arch[/variant]</c> with containerd's normalization (x86_64 → amd64, aarch64 → arm64, ...).</summary>
    public static LlbPlatform Parse(string text) => PlatformParser.Parse(text);

    /// <summary>
    /// Parses as containerd's <c>platforms.Parse</c> without normalizing: <c>linux/arm</c> has no variant,
    /// <c>linux/arm64/v8</c> keeps <c>v8</c>. <see cref="Normalize"/> of the result is <see cref="Parse"/>'s.
    /// </summary>
    public static LlbPlatform ParseSpecifier(string text) => PlatformParser.ParseSpecifier(text);

    /// <summary>containerd's <c>platforms.Normalize</c> (what an LLB state keeps of a platform it is given).</summary>
    public LlbPlatform Normalize() => PlatformParser.Normalize(this);

    public override string ToString() =>
        Variant.Length > 0 ? $"{OS}/{Architecture}/{Variant}" : $"{OS}/{Architecture}";

    /// <summary>
    /// containerd's <c>FormatAll</c>, as step names show a platform: <c>os(osversion)/arch/variant</c> with the empty
    /// parts left out (<c>path.Join</c>), <c>unknown</c> without an OS.
    /// </summary>
    public string FormatAll() =>
        OS.Length == 0
            ? "unknown"
            : string.Join('/', new[] { OSVersion.Length > 0 ? $"{OS}({OSVersion})" : OS, Architecture, Variant }.Where(p => p.Length > 0));

    internal Pb.Platform ToProto()
    {
        var platform = new Pb.Platform { OS = OS, Architecture = Architecture, Variant = Variant, OSVersion = OSVersion };
        platform.OSFeatures.AddRange(OSFeatures);
        return platform;
    }
}
