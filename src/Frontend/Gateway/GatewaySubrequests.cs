using System.Collections.Immutable;
using System.Text;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Dockerfile.Subrequests;
using CSharpFrontend.Converter.Lint;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>
/// The <c>requestid</c> option: a subrequest answered with metadata instead of a build (builder/subrequests.go and
/// the end of builder/build.go in v0.11.6). Describe is answered as soon as the Dockerfile is loaded, outline and
/// targets after the build options are read, any other id fails with <c>errdefs.Subrequest</c>. Nothing is solved.
/// </summary>
public static class GatewaySubrequests
{
    /// <summary>The metadata key of the result's JSON.</summary>
    public const string ResultJsonKey = "result.json";

    /// <summary>The metadata key of the result's printed table.</summary>
    public const string ResultTextKey = "result.txt";

    /// <summary>The metadata key of the lint subrequest's exit status (<c>0</c> clean, <c>1</c> warnings or an error).</summary>
    public const string StatusCodeKey = "result.statuscode";

    /// <summary><c>frontend.lint</c> (<c>docker build --check</c>); like upstream v0.24.0, describe does not list it.</summary>
    public const string Lint = "frontend.lint";

    /// <summary>The metadata key of the subrequest's version.</summary>
    public const string VersionKey = "version";

    /// <summary>
    /// upstream's <c>checkSubRequest</c>: the describe result for <c>frontend.subrequests.describe</c>; null for no
    /// request or for outline and targets (answered by <see cref="RunAsync"/> later); an unknown id throws.
    /// </summary>
    public static FrontendResult? Check(string? requestId) => requestId switch
    {
        null or SubrequestCatalog.Outline or SubrequestCatalog.Targets or Lint => null,
        SubrequestCatalog.Describe => Result(SubrequestCatalog.DescribeJson(), SubrequestCatalog.DescribeText()),
        _ => throw Unsupported(requestId),
    };

    /// <summary>
    /// Answers outline (the converted target's build args, secrets and SSH; parser warnings are sent as for a
    /// build) or targets (the stages, from the parse alone).
    /// </summary>
    public static async Task<FrontendResult> RunAsync(
        string requestId, GatewayClient client, TextWriter log, LoadedDockerfile dockerfile, string text, ConvertOptions options, CancellationToken cancellationToken)
    {
        switch (requestId)
        {
            case SubrequestCatalog.Outline:
            {
                // The outline marshals nothing for the daemon: the definition's message limit does not apply.
                var converted = await DockerfileBuild.ConvertAsync(
                    client, log, dockerfile, text, options with { MaxDefinitionBytes = long.MaxValue, MarshalDefinition = false }, warn: true, cancellationToken).ConfigureAwait(false);
                var outline = converted.Outline with { Source = dockerfile.Content };
                return Result(outline.ToJson(), outline.ToText());
            }

            case SubrequestCatalog.Targets:
            {
                TargetList list;
                try
                {
                    list = TargetList.From(text, dockerfile.Content, options.Profile.ParserDialect);
                }
                catch (ConvertException ex)
                {
                    throw DockerfileBuild.Located(ex.Message, ex.Locations, dockerfile);
                }

                return Result(list.ToJson(), list.ToText());
            }

            case Lint:
            {
                var result = await DockerfileLinter.LintAsync(dockerfile.Content, dockerfile.Filename, options, cancellationToken).ConfigureAwait(false);
                var status = result.Warnings.IsEmpty && result.Error is null ? "0" : "1";
                return new FrontendResult(null, null, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
                [
                    KeyValuePair.Create(ResultJsonKey, Encoding.UTF8.GetBytes(LintResultJson.Write(result))),
                    KeyValuePair.Create(ResultTextKey, Encoding.UTF8.GetBytes(Frontend.Lint.LintText.Warnings(result))),
                    KeyValuePair.Create(StatusCodeKey, Encoding.UTF8.GetBytes(status)),
                    KeyValuePair.Create(VersionKey, Encoding.UTF8.GetBytes(SubrequestCatalog.Version)),
                ]));
            }

            default:
                throw Unsupported(requestId);
        }
    }

    /// <summary>upstream's <c>errdefs.NewUnsupportedSubrequestError</c>.</summary>
    public static GatewayException Unsupported(string requestId) =>
        new($"unsupported request {requestId}", details: [ErrdefsDetails.Subrequest(requestId)]);

    private static FrontendResult Result(string json, string text) =>
        new(null, null, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
        [
            KeyValuePair.Create(ResultJsonKey, Encoding.UTF8.GetBytes(json)),
            KeyValuePair.Create(ResultTextKey, Encoding.UTF8.GetBytes(text)),
            KeyValuePair.Create(VersionKey, Encoding.UTF8.GetBytes(SubrequestCatalog.Version)),
        ]));
}
