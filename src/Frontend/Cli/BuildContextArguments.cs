using System.Collections.Immutable;

namespace CSharpFrontend.Frontend.Cli;

/// <summary>
/// <c>--build-context NAME=VALUE</c> as <c>docker buildx build</c> turns it into frontend options: URLs
/// (<c>docker-image://</c>, git, http(s)) and <c>local:</c>/<c>input:</c> values are passed as they are; a directory
/// becomes a local named NAME (<c>_context</c>/<c>_dockerfile</c> for those two names) whose <c>.dockerignore</c> is read.
/// </summary>
/// <param name="Contexts">The <c>context:NAME</c> option values by NAME.</param>
/// <param name="Directories">The directories of the locals made from paths, by local name.</param>
internal sealed record BuildContextArguments(ImmutableDictionary<string, string> Contexts, ImmutableDictionary<string, string> Directories)
{
    private static readonly string[] PassedAsIs = ["docker-image://", "git://", "git@", "http://", "https://", "local:", "input:", "oci-layout://"];

    /// <summary>The arguments; null after printing a usage error.</summary>
    public static BuildContextArguments? Parse(string[] values)
    {
        if (KeyValueArguments.Parse(values, "--build-context") is not { } pairs)
        {
            return null;
        }

        var contexts = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var directories = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            if (PassedAsIs.Any(p => value.StartsWith(p, StringComparison.Ordinal)))
            {
                contexts[name] = value;
                continue;
            }

            if (!Directory.Exists(value))
            {
                Console.Error.WriteLine($"error: --build-context {name}={value}: not a URL, local:NAME or a directory");
                return null;
            }

            var localName = name is "context" or "dockerfile" ? "_" + name : name;
            directories[localName] = value;
            contexts[name] = "local:" + localName;
        }

        return new BuildContextArguments(contexts.ToImmutable(), directories.ToImmutable());
    }
}
