using CSharpFrontend.Parser;

namespace CSharpFrontend.Frontend.Cli;

/// <summary>
/// Prints a diagnostic as <c>file:line:column: message</c>, the offending line, and a caret under the column. Control
/// characters (from a binary file, say) are printed escaped (<c>\x00</c>), never raw to the terminal; a file that looks
/// like UTF-16 gets a note saying so.
/// </summary>
internal static class DiagnosticPrinter
{
    /// <summary>
    /// A conversion error: at its first location (or without one), then each further location as a note, as BuildKit
    /// shows every instruction of a circular dependency.
    /// </summary>
    public static void PrintConvertError(TextWriter writer, InputFile input, string code, Converter.Dockerfile.ConvertException error)
    {
        Print(writer, input, new Diagnostic(code, DiagnosticSeverity.Error, error.Message, error.Range ?? SourceRange.Lines(0, 0), DiagnosticLayer.Structure));
        foreach (var location in error.Locations.Skip(1).Take(MaxNotes))
        {
            Print(writer, input, new Diagnostic(code, DiagnosticSeverity.Error, "and here", location, DiagnosticLayer.Structure), "note");
        }

        if (error.Locations.Length > MaxNotes + 1)
        {
            writer.WriteLine($"{input.DisplayName}: note: and {error.Locations.Length - MaxNotes - 1} more instructions");
        }
    }

    /// <summary>Further locations printed with their line; the rest are counted.</summary>
    private const int MaxNotes = 9;

    public static void Print(TextWriter writer, InputFile input, Diagnostic diagnostic) => Print(writer, input, diagnostic, null);

    private static void Print(TextWriter writer, InputFile input, Diagnostic diagnostic, string? label)
    {
        var (line, column) = (diagnostic.Range.Start.Line, Math.Max(1, diagnostic.Range.Start.Column));
        var severity = label ?? (diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning");
        var message = Escape(diagnostic.Message);
        if (line < 1)
        {
            writer.WriteLine($"{input.DisplayName}: {severity}: {message}");
        }
        else
        {
            writer.WriteLine($"{input.DisplayName}:{line}:{column}: {severity}: {message}");
            if (SourceLine(input.Text, line) is { } text)
            {
                var caret = Escape(text[..Math.Min(column - 1, text.Length)]).Length;
                writer.WriteLine($" {line,4} | {Escape(text)}");
                writer.WriteLine($"      | {new string(' ', caret)}^");
            }
        }

        if (label is null && diagnostic.Severity == DiagnosticSeverity.Error && LooksLikeUtf16(input.Text))
        {
            writer.WriteLine($"{input.DisplayName}: note: the file looks like UTF-16; a Dockerfile is read as UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)");
        }
    }

    /// <summary>Control characters (C0 but tab, DEL, C1) as <c>\xNN</c>.</summary>
    private static string Escape(string text)
    {
        if (!text.Any(IsControl))
        {
            return text;
        }

        var escaped = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString());
        }

        return escaped.ToString();
    }

    private static bool IsControl(char c) => (c < 0x20 && c != '\t') || c is >= '\u007f' and <= '\u009f';

    /// <summary>A byte-order mark of UTF-16 read as UTF-8, or NULs between most of the first characters.</summary>
    private static bool LooksLikeUtf16(string text)
    {
        if (text.StartsWith("\uFFFD\uFFFD", StringComparison.Ordinal))
        {
            return true;
        }

        var sample = text.AsSpan(0, Math.Min(text.Length, 200));
        return sample.Length >= 4 && sample.Count('\0') * 3 >= sample.Length;
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
