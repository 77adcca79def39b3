using CSharpFrontend.Shell.Glob;

namespace CSharpFrontend.Shell.Internal;

/// <summary>Parameter expansion: <c>$NAME</c> and the <c>${...}</c> forms.</summary>
internal sealed partial class ExpansionSession
{
    private bool TryExpandDollar(out string value)
    {
        _reader.Next();
        if (_reader.Peek() != '{')
        {
            string simpleName = ReadName();
            if (simpleName.Length == 0)
            {
                value = "$";
                return true;
            }

            bool found = _variables.Lookup(simpleName, out value);
            if (!found && _options.SkipUnsetEnv)
            {
                value = "$" + simpleName;
            }

            return true;
        }

        _reader.Next();
        value = string.Empty;
        switch (_reader.Peek())
        {
            case CodePoints.Eof:
                return Fail(ErrorTexts.MissingClosingBrace);
            case '{' or '}' or ':':
                return Fail(ErrorTexts.BadSubstitution);
        }

        string name = ReadName();
        int op = _reader.Next();
        string opText = CodePoints.ToText(op);
        switch (op)
        {
            case '}':
                bool set = _variables.Lookup(name, out value);
                if (!set && _options.SkipUnsetEnv)
                {
                    value = "${" + name + "}";
                }

                return true;
            case ':':
                op = _reader.Next();
                opText += CodePoints.ToText(op);
                return TryExpandModifier(name, op, opText, nullIsUnset: true, out value);
            case '#' or '%' or '/' when !_options.PatternModifiers:
                return Fail(ErrorTexts.UnsupportedModifier(opText));
            case '+' or '-' or '?' or '#' or '%':
                return TryExpandModifier(name, op, opText, nullIsUnset: false, out value);
            case '/':
                return TryExpandReplacement(name, out value);
            default:
                return Fail(ErrorTexts.UnsupportedModifier(opText));
        }
    }

    /// <summary>
    /// <c>${NAME op word}</c> for op in <c>- + ? # %</c>, optionally after a colon. As upstream, the word is
    /// always expanded (so it can fail or mark variables used) before the operator is checked.
    /// </summary>
    private bool TryExpandModifier(string name, int op, string opText, bool nullIsUnset, out string value)
    {
        value = string.Empty;
        bool isTrim = op is '#' or '%';
        if (nullIsUnset && isTrim)
        {
            return Fail(ErrorTexts.UnsupportedModifier(opText));
        }

        if (!ProcessNested('}', isTrim, out string word))
        {
            return FailNested(ErrorTexts.MissingClosingBrace);
        }

        bool set = _variables.Lookup(name, out string current);
        if (_options.SkipUnsetEnv && !set)
        {
            value = "${" + name + opText + word + "}";
            return true;
        }

        bool missing = !set || (nullIsUnset && current.Length == 0);
        switch (op)
        {
            case '-':
                value = missing ? word : current;
                return true;
            case '+':
                value = missing ? string.Empty : word;
                return true;
            case '?':
                if (!set)
                {
                    return Fail($"{name}: {(word.Length > 0 ? word : ErrorTexts.NotAllowedUnset)}");
                }

                if (missing)
                {
                    return Fail($"{name}: {(word.Length > 0 ? word : ErrorTexts.NotAllowedEmpty)}");
                }

                value = current;
                return true;
            case '#' or '%':
                bool longest = word.Length > 0 && word[0] == op;
                string pattern = longest ? word[1..] : word;
                bool ok = op == '#'
                    ? GlobSubstitution.TryTrimPrefix(pattern, current, longest, out value, out string? error)
                    : GlobSubstitution.TryTrimSuffix(pattern, current, longest, out value, out error);
                return ok || Fail(error!);
            default:
                return Fail(ErrorTexts.UnsupportedModifier(opText));
        }
    }

    /// <summary><c>${NAME/pattern/replacement}</c> and <c>${NAME//pattern/replacement}</c>.</summary>
    private bool TryExpandReplacement(string name, out string value)
    {
        value = string.Empty;
        bool all = _reader.Peek() == '/';
        if (all)
        {
            _reader.Next();
        }

        if (!ProcessNested('/', rawEscapes: true, out string pattern))
        {
            return FailNested(ErrorTexts.MissingSlash);
        }

        if (!ProcessNested('}', rawEscapes: true, out string replacement))
        {
            return FailNested(ErrorTexts.MissingClosingBrace);
        }

        bool set = _variables.Lookup(name, out string current);
        if (_options.SkipUnsetEnv && !set)
        {
            value = "${" + name + "/" + pattern + "/" + replacement + "}";
            return true;
        }

        return GlobSubstitution.TryReplace(pattern, current, replacement, all, _limit, out value, out string? error)
            || (error is null ? FailFinal(ErrorTexts.ExpansionTooLarge(_budgetSize)) : Fail(error));
    }

    /// <summary>
    /// Reads a parameter name: a run of digits (positional), one special parameter character, or a run of
    /// letters, digits and underscores. May be empty.
    /// </summary>
    private string ReadName()
    {
        int first = _reader.Peek();
        if (first == CodePoints.Eof)
        {
            return string.Empty;
        }

        int begin = _reader.Position;
        if (CodePoints.IsDigit(first))
        {
            while (CodePoints.IsDigit(_reader.Peek()))
            {
                _reader.Next();
            }
        }
        else if (IsSpecialParameter(first))
        {
            _reader.Next();
        }
        else
        {
            for (int ch = first; CodePoints.IsLetter(ch) || CodePoints.IsDigit(ch) || ch == '_'; ch = _reader.Peek())
            {
                _reader.Next();
            }
        }

        return _source[begin.._reader.Position];
    }

    private static bool IsSpecialParameter(int ch) => ch is '@' or '*' or '#' or '?' or '-' or '$' or '!' or '0';
}
