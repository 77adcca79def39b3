using System.Collections.Immutable;

namespace CSharpFrontend.Converter.Image;

/// <summary>
/// A stage's image and the LLB state settings it starts with, before its own instructions
/// (see <see cref="StageImage.Start"/>).
/// </summary>
/// <param name="Image">The stage's image: PATH ensured, working directory made absolute, <c>OnBuild</c> null.</param>
/// <param name="Env">Environment to set on the LLB state, in order (every entry of the image's Env).</param>
/// <param name="WorkingDir">The directory to set on the LLB state, exactly as the base config names it; null = none.</param>
/// <param name="User">The user to set on the LLB state; null = none.</param>
/// <param name="OnBuildTriggers">The base image's ONBUILD triggers, to be parsed and dispatched before the stage's instructions.</param>
public sealed record StageStart(
    ImageConfig Image,
    ImmutableArray<KeyValuePair<string, string>> Env,
    string? WorkingDir,
    string? User,
    ImmutableArray<string> OnBuildTriggers);
