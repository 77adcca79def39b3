namespace CSharpFrontend.Converter.Dockerfile.Contexts;

/// <summary>The kinds of named context only a build's environment can load: client directories and frontend inputs.</summary>
public interface INamedContextLoader
{
    /// <summary><c>local:name</c> (with the excludes of its <c>.dockerignore</c>).</summary>
    /// <param name="key">The option key without <c>context:</c> (<c>name</c> or <c>name::platform</c>).</param>
    /// <param name="localName">The client directory's name.</param>
    /// <param name="cancellationToken">Cancels.</param>
    ValueTask<NamedContext> LocalAsync(string key, string localName, CancellationToken cancellationToken);

    /// <summary><c>input:name</c>: the frontend input, with the image config its <c>input-metadata:name</c> gives.</summary>
    /// <param name="key">The option key without <c>context:</c>.</param>
    /// <param name="inputName">The input's name.</param>
    /// <param name="cancellationToken">Cancels.</param>
    ValueTask<NamedContext> InputAsync(string key, string inputName, CancellationToken cancellationToken);
}
