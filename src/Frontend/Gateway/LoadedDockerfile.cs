using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Converter.Llb.Marshal;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>The Dockerfile as read from the client, with what was solved to read it.</summary>
/// <param name="Filename">Its name (the <c>filename</c> option).</param>
/// <param name="Content">Its bytes.</param>
/// <param name="Source">The state it was read from (source maps point at it).</param>
/// <param name="SourceDefinition">That state marshalled (errors and warnings carry it).</param>
/// <param name="Excludes">The context's exclude patterns (<c>.dockerignore</c>), read when first needed.</param>
public sealed record LoadedDockerfile(
    string Filename,
    ReadOnlyMemory<byte> Content,
    LlbState Source,
    MarshalResult SourceDefinition,
    DockerignorePatterns Excludes);
