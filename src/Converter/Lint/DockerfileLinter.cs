using System.Collections.Immutable;
using System.Text;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Lint;

/// <summary>
/// Entry point of the build checks (BuildKit's <c>DockerfileLint</c>): converts the Dockerfile with a warning sink
/// and returns the warnings, plus the conversion error when the Dockerfile is rejected (warnings found before it
/// kept). Without a target every stage is checked. As upstream, the conversion stops once the stages are dispatched:
/// nothing is marshalled, so an error only the marshaller gives (<c>RUN []</c>) is none here.
/// </summary>
public static class DockerfileLinter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static async ValueTask<LintResult> LintAsync(ReadOnlyMemory<byte> dockerfile, string filename, ConvertOptions options, CancellationToken cancellationToken = default)
    {
        var warnings = new List<LintWarning>();
        var gate = new Lock();
        var forward = options.Lint?.Warn;
        options = options with
        {
            AllStages = options.AllStages || options.Target.Length == 0,
            MarshalDefinition = false,
            Lint = new LintOptions(w =>
            {
                lock (gate)
                {
                    warnings.Add(w);
                }

                forward?.Invoke(w);
            })
            {
                Config = options.Lint?.Config,
            },
        };
        LintBuildError? error = null;
        try
        {
            var span = dockerfile.Span;
            if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                span = span[3..];
            }

            await DockerfileConverter.ConvertAsync(Utf8.GetString(span), options, cancellationToken).ConfigureAwait(false);
        }
        catch (ConvertException ex)
        {
            error = new LintBuildError(ex.Message, [.. ex.Locations.SelectMany(location => Linter.PerLine(location))]);
        }

        lock (gate)
        {
            return new LintResult([.. warnings], new LintSource(filename, [.. dockerfile.Span]), error);
        }
    }
}
