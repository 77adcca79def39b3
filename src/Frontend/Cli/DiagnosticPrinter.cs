using CSharpFrontend.Parser;

namespace CSharpFrontend.Frontend.Cli;

/// <summary>Prints a diagnostic as <c>file:line:column: message</c>, the offending line, and a caret under the column.</summary>
internal static class DiagnosticPrinter
{
    public static void Print(TextWriter writer, InputFile input, Diagnostic diagnostic)
    {
        var (line, column) = (diagnostic.Range.Start.Line, Math.Max(1, diagnostic.Range.Start.Column));
        var severity = diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        if (line < 1)
        {
            writer.WriteLine($"{input.DisplayName}: {severity}: {diagnostic.Message}");
            return;
        }

        writer.WriteLine($"{input.DisplayName}:{line}:{column}: {severity}: {diagnostic.Message}");
        if (SourceLine(input.Text, line) is { } text)
        {
            writer.WriteLine($" {line,4} | {text}");
            writer.WriteLine($"      | {new string(' ', Math.Min(column - 1, text.Length))}^");
        }
    }

    private static string? SourceLine(string text, int line)
    {
        if (line < 1)
        {
            return null;
        }

        var start = 0;
        for (var current = 1; current < line; current++)
        {
            var next = text.IndexOf('\n', start);
            if (next < 0)
            {
                return null;
            }

            start = next + 1;
        }

        var end = text.IndexOf('\n', start);
        var content = end < 0 ? text[start..] : text[start..end];
        content = content.TrimEnd('\r');
        return content.Length > 200 ? content[..200] + "…" : content;
    }
}
