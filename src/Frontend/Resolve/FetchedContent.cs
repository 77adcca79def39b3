namespace CSharpFrontend.Frontend.Resolve;

/// <summary>A registry response body with the headers a resolve looks at.</summary>
/// <param name="Content">The body.</param>
/// <param name="ContentType">The media type of <c>Content-Type</c> (no parameters), or null.</param>
/// <param name="DockerContentDigest">The <c>Docker-Content-Digest</c> header, or null.</param>
public sealed record FetchedContent(byte[] Content, string? ContentType, string? DockerContentDigest);
