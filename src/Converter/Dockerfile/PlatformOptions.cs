using System.Collections.Immutable;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>The target and build platforms of a conversion, and the automatic platform ARGs they give.</summary>
internal sealed record PlatformOptions(LlbPlatform Target, ImmutableArray<LlbPlatform> Build, bool Implicit)
{
    public static PlatformOptions From(ConvertOptions options)
    {
        var build = options.BuildPlatforms;
        if (options.TargetPlatform is { } target && build.IsDefaultOrEmpty)
        {
            build = [target];
        }

        if (build.IsDefaultOrEmpty)
        {
            build = [LlbPlatform.LinuxAmd64];
        }

        return new PlatformOptions(options.TargetPlatform ?? build[0], build, options.TargetPlatform is null);
    }

    /// <summary>BUILDPLATFORM, BUILDOS, ... TARGETVARIANT with their values.</summary>
    public IEnumerable<ArgValue> Args()
    {
        var b = Build[0];
        yield return new ArgValue("BUILDPLATFORM", b.ToString());
        yield return new ArgValue("BUILDOS", b.OS);
        yield return new ArgValue("BUILDARCH", b.Architecture);
        yield return new ArgValue("BUILDVARIANT", b.Variant);
        yield return new ArgValue("TARGETPLATFORM", Target.ToString());
        yield return new ArgValue("TARGETOS", Target.OS);
        yield return new ArgValue("TARGETARCH", Target.Architecture);
        yield return new ArgValue("TARGETVARIANT", Target.Variant);
    }
}
