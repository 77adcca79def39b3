using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>Platform conversions the gateway needs: to <c>pb.Platform</c>, to OCI JSON, and this process's own platform.</summary>
public static class PlatformProto
{
    /// <summary>The <c>pb.Platform</c> of <paramref name="platform"/>.</summary>
    public static Pb.Platform From(LlbPlatform platform)
    {
        var proto = new Pb.Platform { OS = platform.OS, Architecture = platform.Architecture, Variant = platform.Variant, OSVersion = platform.OSVersion };
        proto.OSFeatures.AddRange(platform.OSFeatures);
        return proto;
    }

    /// <summary>containerd's <c>platforms.DefaultSpec()</c>, normalized: the platform this process runs on.</summary>
    public static LlbPlatform Current() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => new LlbPlatform("linux", "amd64"),
        Architecture.Arm64 => new LlbPlatform("linux", "arm64"),
        Architecture.Arm => new LlbPlatform("linux", "arm", "v7"),
        Architecture.X86 => new LlbPlatform("linux", "386"),
        Architecture.S390x => new LlbPlatform("linux", "s390x"),
        Architecture.Ppc64le => new LlbPlatform("linux", "ppc64le"),
        Architecture.RiscV64 => new LlbPlatform("linux", "riscv64"),
        Architecture.LoongArch64 => new LlbPlatform("linux", "loong64"),
        _ => LlbPlatform.LinuxAmd64,
    };

    /// <summary>Writes the OCI JSON of a platform (Go field order: architecture, os, os.version, os.features, variant).</summary>
    public static void WriteJson(Utf8JsonWriter writer, LlbPlatform platform)
    {
        writer.WriteStartObject();
        writer.WriteString("architecture", platform.Architecture);
        writer.WriteString("os", platform.OS);
        if (platform.OSVersion.Length > 0)
        {
            writer.WriteString("os.version", platform.OSVersion);
        }

        if (platform.OSFeatures.Count > 0)
        {
            writer.WriteStartArray("os.features");
            foreach (var feature in platform.OSFeatures)
            {
                writer.WriteStringValue(feature);
            }

            writer.WriteEndArray();
        }

        if (platform.Variant.Length > 0)
        {
            writer.WriteString("variant", platform.Variant);
        }

        writer.WriteEndObject();
    }

    /// <summary>The <c>refs.platforms</c> metadata: <c>{"Platforms":[{"ID":…,"Platform":{…}}]}</c>.</summary>
    public static byte[] PlatformsJson(IEnumerable<LlbPlatform> platforms)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Platforms");
            foreach (var platform in platforms)
            {
                writer.WriteStartObject();
                writer.WriteString("ID", platform.ToString());
                writer.WritePropertyName("Platform");
                WriteJson(writer, platform);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
