using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace CSharpFrontend.Shared;

/// <summary>
/// Go's <c>strconv.Quote</c>, <c>strconv.QuoteRune</c> and <c>strconv.IsPrint</c> (what <c>%q</c> prints).
/// One source file linked into every project that needs it (each compiles its own internal copy).
/// </summary>
internal static class GoQuoting
{
    /// <summary>Go <c>strconv.Quote(s)</c>.</summary>
    /// <param name="s">The text.</param>
    /// <param name="escapeLoneSurrogates">
    /// How an unpaired surrogate (no Go string holds one) is rendered: false quotes it as U+FFFD, the rune Go decodes
    /// from invalid UTF-8; true treats it as a code point of its own, escaped as <c>\udxxx</c> (the shell's view).
    /// </param>
    public static string Quote(string s, bool escapeLoneSurrogates = false)
    {
        var sb = new StringBuilder(s.Length + 2);
        AppendQuoted(sb, s, escapeLoneSurrogates);
        return sb.ToString();
    }

    /// <summary>Appends Go <c>strconv.Quote(s)</c>; see <see cref="Quote"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AppendQuoted(StringBuilder sb, string s, bool escapeLoneSurrogates = false)
    {
        sb.Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            int rune;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                rune = char.ConvertToUtf32(c, s[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c) && !escapeLoneSurrogates)
            {
                rune = 0xFFFD;
            }
            else
            {
                rune = c;
            }

            AppendRune(sb, rune, '"');
        }

        sb.Append('"');
    }

    /// <summary>Go <c>strconv.QuoteRune</c>, what <c>%q</c> prints for an integer; an invalid code point is U+FFFD.</summary>
    public static string QuoteRune(int value)
    {
        var sb = new StringBuilder(12);
        sb.Append('\'');
        AppendRune(sb, Rune.IsValid(value) ? value : 0xFFFD, '\'');
        return sb.Append('\'').ToString();
    }

    /// <summary>Go <c>strconv.IsPrint</c>: letters, marks, numbers, punctuation, symbols and ASCII space; false for a non-scalar value.</summary>
    public static bool IsPrint(int rune)
    {
        if (rune < 0x80)
        {
            return rune >= 0x20 && rune < 0x7F;
        }

        if (!Rune.IsValid(rune))
        {
            return false;
        }

        return Rune.GetUnicodeCategory(new Rune(rune)) is not (
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);
    }

    /// <summary>Appends one rune of a quoted literal delimited by <paramref name="quote"/>.</summary>
    private static void AppendRune(StringBuilder sb, int rune, char quote)
    {
        if (rune == quote || rune == '\\')
        {
            sb.Append('\\').Append((char)rune);
            return;
        }

        if (IsPrint(rune))
        {
            if (rune < 0x10000)
            {
                sb.Append((char)rune);
            }
            else
            {
                Span<char> pair = stackalloc char[2];
                sb.Append(pair[..new Rune(rune).EncodeToUtf16(pair)]);
            }

            return;
        }

        switch (rune)
        {
            case '\a': sb.Append("\\a"); return;
            case '\b': sb.Append("\\b"); return;
            case '\f': sb.Append("\\f"); return;
            case '\n': sb.Append("\\n"); return;
            case '\r': sb.Append("\\r"); return;
            case '\t': sb.Append("\\t"); return;
            case '\v': sb.Append("\\v"); return;
        }

        if (rune < ' ' || rune == 0x7F)
        {
            sb.Append("\\x").Append(rune.ToString("x2", CultureInfo.InvariantCulture));
        }
        else if (rune < 0x10000)
        {
            sb.Append("\\u").Append(rune.ToString("x4", CultureInfo.InvariantCulture));
        }
        else
        {
            sb.Append("\\U").Append(rune.ToString("x8", CultureInfo.InvariantCulture));
        }
    }
}
