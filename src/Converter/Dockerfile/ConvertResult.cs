using System.Collections.Immutable;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb.Marshal;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>The graph of the target stage, its image config, and the parser's warnings.</summary>
public sealed record ConvertResult(MarshalResult Definition, ImageConfig Image, ImmutableArray<Diagnostic> Warnings)
{
    private readonly Lazy<Subrequests.DockerfileOutline> _outline = new(() => throw new InvalidOperationException("no outline was made"));

    /// <summary>
    /// The target's outline (build args, secrets, SSH) as the <c>frontend.outline</c> subrequest reports it, made when
    /// first read: only that subrequest reads it.
    /// </summary>
    public Subrequests.DockerfileOutline Outline => _outline.Value;

    /// <summary>How <see cref="Outline"/> is made.</summary>
    public required Func<Subrequests.DockerfileOutline> OutlineFactory { init => _outline = new(value); }

    /// <summary>How <see cref="Image"/> is to be written (the profile's image type).</summary>
    public ImageConfigLayout ImageLayout { get; init; } = ImageConfigLayout.DockerOci;
}
