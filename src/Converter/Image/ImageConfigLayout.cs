namespace CSharpFrontend.Converter.Image;

/// <summary>The Go type an image config is marshalled from, which decides its fields and their order.</summary>
public enum ImageConfigLayout
{
    /// <summary>
    /// moby/docker-image-spec's <c>DockerOCIImage</c> (BuildKit v0.13 and later): <c>variant</c> after
    /// <c>os.features</c>; <c>ArgsEscaped</c> after <c>StopSignal</c>; <c>OnBuild</c> left out when empty; no
    /// <c>StopTimeout</c>.
    /// </summary>
    DockerOci,

    /// <summary>BuildKit v0.11's own image type: <c>"OnBuild": null</c> always written, <c>StopTimeout</c> kept.</summary>
    BuildKitV011,
}
