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
    /// <summary>
    /// The automatic platform args; with <paramref name="targetStage"/> (v0.24) also BUILDOSVERSION, TARGETOSVERSION and
    /// TARGETSTAGE, and TARGETPLATFORM with its OS version (<c>windows(10.0.20348)/amd64</c>).
    /// </summary>
    public IEnumerable<ArgValue> Args(string? targetStage = null)
    {
        var b = Build[0];
        var current = targetStage is not null;
        yield return new ArgValue("BUILDPLATFORM", b.ToString());
        yield return new ArgValue("BUILDOS", b.OS);
        if (current)
        {
            yield return new ArgValue("BUILDOSVERSION", b.OSVersion);
        }

        yield return new ArgValue("BUILDARCH", b.Architecture);
        yield return new ArgValue("BUILDVARIANT", b.Variant);
        yield return new ArgValue("TARGETPLATFORM", current && Target.OSVersion.Length > 0
            ? PosixPath.Join($"{Target.OS}({Target.OSVersion})", Target.Architecture, Target.Variant)
            : Target.ToString());
        yield return new ArgValue("TARGETOS", Target.OS);
        if (current)
        {
            yield return new ArgValue("TARGETOSVERSION", Target.OSVersion);
        }

        yield return new ArgValue("TARGETARCH", Target.Architecture);
        yield return new ArgValue("TARGETVARIANT", Target.Variant);
        if (current)
        {
            yield return new ArgValue("TARGETSTAGE", targetStage!.Length == 0 ? "default" : targetStage);
        }
    }
}
