namespace CSharpFrontend.Converter.Profiles;

/// <summary>The texts of the frontend option errors that two releases word differently.</summary>
/// <param name="FileOpRemoved">A true <c>build-arg:BUILDKIT_DISABLE_FILEOP</c>.</param>
/// <param name="InvalidMultiPlatform">Before the value of a <c>multi-platform</c> option that is no boolean.</param>
/// <param name="MultiplePlatforms"><c>multi-platform=false</c> with several target platforms.</param>
public sealed record FrontendOptionErrors(string FileOpRemoved, string InvalidMultiPlatform, string MultiplePlatforms)
{
    /// <summary>dockerui/config.go of v0.24.0 (<c>validateMinCaps</c>, <c>init</c>).</summary>
    public static FrontendOptionErrors V0_24 { get; } = new(
        "support for \"BUILDKIT_DISABLE_FILEOP\" build-arg was removed in BuildKit 0.11",
        "invalid boolean value for multi-platform: ",
        "conflicting config: returning multiple target platforms is not allowed");

    /// <summary>builder/build.go of v0.11.6.</summary>
    public static FrontendOptionErrors V0_11 { get; } = new(
        "support for \"build-arg:BUILDKIT_DISABLE_FILEOP\" was removed in BuildKit 0.11",
        "invalid boolean value ",
        "returning multiple target platforms is not allowed");
}
