using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Parser;
using Grpc.Core;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>
/// Upstream's frontend forwards the build to another frontend image when <c>build-arg:BUILDKIT_SYNTAX</c> is set or the
/// Dockerfile's <c># syntax=</c> names one, unless it was itself reached that way (<c>cmdline</c> set). This frontend
/// does not forward: such a build fails with <c>Unimplemented</c> and says why, instead of building with the wrong
/// frontend in silence. A <c># syntax=</c> naming this frontend's own image (<c>source</c>) is not a forward.
/// </summary>
internal static class SyntaxForwarding
{
    private const string SyntaxArg = "build-arg:BUILDKIT_SYNTAX";

    /// <exception cref="GatewayException">The build asks to be forwarded.</exception>
    public static void Check(IReadOnlyDictionary<string, string> options, LoadedDockerfile dockerfile, string text)
    {
        if (options.ContainsKey("cmdline"))
        {
            return;
        }

        if (options.TryGetValue(SyntaxArg, out var cmdline))
        {
            throw new GatewayException(
                $"failed with {SyntaxArg} = {cmdline}: csharp-frontend does not forward builds to another frontend; run that frontend directly or remove BUILDKIT_SYNTAX",
                StatusCode.Unimplemented);
        }

        var directive = DockerfileParser.Parse(text).Syntax?.Directives.FirstOrDefault(d => d.Name.Equals("syntax", StringComparison.OrdinalIgnoreCase));
        if (directive is null || directive.Value.Trim().Split(' ', 2)[0] is not { Length: > 0 } reference)
        {
            return;
        }

        if (options.TryGetValue("source", out var source) && SameImage(source, reference))
        {
            return;
        }

        var located = DockerfileBuild.Located(
            $"# syntax={reference} names another frontend: csharp-frontend does not forward builds; build with that frontend or remove the directive",
            directive.Range,
            dockerfile);
        throw new GatewayException(located.Message, StatusCode.Unimplemented, located.Details);
    }

    private static bool SameImage(string a, string b) =>
        a == b || (Normalized(a) is { } x && Normalized(b) is { } y && x == y);

    private static string? Normalized(string reference) =>
        ImageReference.TryParseNormalized(reference, out _)?.WithDefaultTag().ToString();
}
