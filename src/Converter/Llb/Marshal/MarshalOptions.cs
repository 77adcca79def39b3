namespace CSharpFrontend.Converter.Llb.Marshal;

/// <summary>Settings for one marshal of a graph.</summary>
public sealed record MarshalOptions
{
    /// <summary>The platform ops get when neither they nor their state name one.</summary>
    public LlbPlatform DefaultPlatform { get; init; } = LlbPlatform.LinuxAmd64;

    /// <summary>
    /// Written as <c>local.unique</c> on local sources without a session. Upstream draws a random id here;
    /// we take it as an option with a stable default so that offline output is reproducible.
    /// </summary>
    public string LocalUniqueId { get; init; } = "csharp-frontend";

    /// <summary>The daemon's LLB caps; null when unknown (no degrading, no cap-dependent defaults).</summary>
    public LlbCaps? Caps { get; init; }

    /// <summary>The release whose wire form (field order, file-op platform) is written.</summary>
    public Profiles.BuildKitProfile Profile { get; init; } = Profiles.BuildKitProfile.V0_24;

    /// <summary>Constraints every op starts from (worker filters, shared metadata).</summary>
    public OpConstraints Defaults { get; init; } = OpConstraints.None;
}
