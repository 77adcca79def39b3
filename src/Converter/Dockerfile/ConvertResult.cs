using System.Collections.Immutable;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb.Marshal;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>The graph of the target stage, its image config, and the parser's warnings.</summary>
public sealed record ConvertResult(MarshalResult Definition, ImageConfig Image, ImmutableArray<Diagnostic> Warnings)
{
    /// <summary>The target's outline (build args, secrets, SSH) as the <c>frontend.outline</c> subrequest reports it.</summary>
    public required Subrequests.DockerfileOutline Outline { get; init; }

    /// <summary>How <see cref="Image"/> is to be written (the profile's image type).</summary>
    public ImageConfigLayout ImageLayout { get; init; } = ImageConfigLayout.DockerOci;
}
