using System.Text;
using CSharpFrontend.Parser.Instructions;
using CSharpFrontend.Parser.Syntax;

namespace CSharpFrontend.Parser;

/// <summary>Entry point: parses Dockerfile text into BuildKit's node level and the typed instruction level.</summary>
public static class DockerfileParser
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Parses Dockerfile text. Never throws for any input; problems are reported as diagnostics.</summary>
    public static ParseResult Parse(string text, ParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= ParseOptions.Default;
        var diagnostics = new List<Diagnostic>();
        if (text.Length > options.MaxInputLength)
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.ResourceLimit,
                DiagnosticSeverity.Error,
                $"dockerfile too large: {text.Length} characters (limit {options.MaxInputLength})",
                SourceRange.Lines(1, 1),
                DiagnosticLayer.Syntax));
            return new ParseResult(null, null, [.. diagnostics]);
        }

        // BuildKit removes one byte-order mark from the first line (the line still counts).
        bool byteOrderMark = text.StartsWith('\uFEFF');
        if (byteOrderMark)
        {
            text = text[1..];
        }

        SyntaxTree? tree = null;
        Dockerfile? ast = null;
        try
        {
            if (options.BuildInstructions && !options.KeepSyntax)
            {
                (tree, ast, var error) = ParseStreaming(text, options, diagnostics, byteOrderMark);
                if (error is not null)
                {
                    diagnostics.Add(error);
                }
            }
            else
            {
                tree = SyntaxParser.Parse(text, diagnostics, options.Dialect, byteOrderMark);
                if (options.OnNode is { } onNode)
                {
                    foreach (var node in tree.Nodes)
                    {
                        onNode(node);
                    }
                }

                if (options.BuildInstructions)
                {
                    ast = InstructionParser.Build(tree);
                }
            }
        }
        catch (ParseException ex)
        {
            diagnostics.Add(ex.Diagnostic);
        }
        catch (Exception ex)
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.ResourceLimit,
                DiagnosticSeverity.Error,
                "internal parser error: " + ex.GetType().Name,
                SourceRange.Lines(1, 1),
                DiagnosticLayer.Syntax));
            ast = null;
        }

        return new ParseResult(tree, ast, [.. diagnostics]);
    }

    /// <summary>
    /// Each node becomes its instruction as soon as it is read, and is then dropped. The first instruction error is
    /// kept until every node has been read: a node-level error after it wins, as in BuildKit.
    /// </summary>
    private static (SyntaxTree Tree, Dockerfile? Ast, Diagnostic? Error) ParseStreaming(string text, ParseOptions options, List<Diagnostic> diagnostics, bool byteOrderMark)
    {
        var builder = new DockerfileBuilder(options.Dialect == BuildKitDialect.V0_11);
        ParseException? instructionError = null;
        var tree = SyntaxParser.Parse(text, diagnostics, options.Dialect, byteOrderMark, node =>
        {
            options.OnNode?.Invoke(node);
            if (instructionError is not null)
            {
                return;
            }

            try
            {
                builder.Add(node);
            }
            catch (ParseException ex)
            {
                instructionError = ex;
            }
        });
        return instructionError is null ? (tree, builder.Build(tree.EscapeToken, tree.Directives), null) : (tree, null, instructionError.Diagnostic);
    }

    /// <summary>
    /// Converts one node to its typed instruction (BuildKit's <c>instructions.ParseInstruction</c>); used by the
    /// converter for ONBUILD triggers of base images. A FROM node gives a <see cref="FromInstruction"/>.
    /// </summary>
    public static (Instruction? Instruction, Diagnostic? Error) ParseInstruction(SyntaxNode node, BuildKitDialect dialect = BuildKitDialect.Current)
    {
        ArgumentNullException.ThrowIfNull(node);
        try
        {
            return (InstructionParser.ParseInstruction(node, dialect == BuildKitDialect.V0_11), null);
        }
        catch (ParseException ex)
        {
            return (null, ex.Diagnostic);
        }
    }

    /// <summary>Parses Dockerfile bytes (UTF-8; a leading BOM is removed; invalid bytes become U+FFFD).</summary>
    public static ParseResult Parse(ReadOnlySpan<byte> utf8, ParseOptions? options = null) => Parse(Utf8.GetString(utf8), options);

    /// <summary>Reads the stream to its end and parses it as <see cref="Parse(ReadOnlySpan{byte}, ParseOptions?)"/>.</summary>
    public static ParseResult Parse(Stream stream, ParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return Parse(ms.GetBuffer().AsSpan(0, (int)ms.Length), options);
    }
}
