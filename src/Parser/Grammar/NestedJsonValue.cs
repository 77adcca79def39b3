using Pidgin;

namespace CSharpFrontend.Parser.Grammar;

/// <summary>
/// A JSON array or object nested in an instruction's JSON array, read without recursion: the containers still open
/// are kept on a stack (the input decides the depth, so the call stack must not). Scalars are read by the grammar's
/// own parsers. The result is true when a number did not fit a float64.
/// </summary>
/// <param name="maxDepth">How many containers may be open at once.</param>
internal sealed class NestedJsonValue(int maxDepth) : Parser<char, bool>
{
    /// <inheritdoc/>
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out bool result)
    {
        result = false;
        if (!state.HasCurrent || state.Current is not ('[' or '{'))
        {
            return Fail(ref state);
        }

        var open = new Stack<bool>(); // true: object, false: array
        bool typeError = false;
        while (true)
        {
            SkipWs(ref state);
            if (!state.HasCurrent)
            {
                return Fail(ref state);
            }

            char c = state.Current;
            if (c is '[' or '{')
            {
                bool isObject = c == '{';
                if (open.Count + 1 > maxDepth)
                {
                    return Fail(ref state);
                }

                state.Advance();
                SkipWs(ref state);
                if (state.HasCurrent && state.Current == (isObject ? '}' : ']'))
                {
                    state.Advance();
                }
                else
                {
                    open.Push(isObject);
                    if (isObject && !Key(ref state, ref expecteds))
                    {
                        return false;
                    }

                    continue;
                }
            }
            else if (c == '"')
            {
                if (!JsonArrayGrammar.JsonString.TryParse(ref state, ref expecteds, out _))
                {
                    return false;
                }
            }
            else if (c == '-' || char.IsAsciiDigit(c))
            {
                if (!JsonArrayGrammar.JsonNumber.TryParse(ref state, ref expecteds, out bool overflow))
                {
                    return false;
                }

                typeError |= overflow;
            }
            else if (!JsonArrayGrammar.JsonLiteral.TryParse(ref state, ref expecteds, out _))
            {
                return false;
            }

            // A value is complete: close containers or go on to the next member.
            while (true)
            {
                if (open.Count == 0)
                {
                    result = typeError;
                    return true;
                }

                SkipWs(ref state);
                if (!state.HasCurrent)
                {
                    return Fail(ref state);
                }

                bool isObject = open.Peek();
                if (state.Current == ',')
                {
                    state.Advance();
                    if (isObject && !Key(ref state, ref expecteds))
                    {
                        return false;
                    }

                    break;
                }

                if (state.Current != (isObject ? '}' : ']'))
                {
                    return Fail(ref state);
                }

                state.Advance();
                open.Pop();
            }
        }
    }

    private static bool Key(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds)
    {
        SkipWs(ref state);
        if (!state.HasCurrent || state.Current != '"' || !JsonArrayGrammar.JsonString.TryParse(ref state, ref expecteds, out _))
        {
            return state.HasCurrent && state.Current == '"' ? false : Fail(ref state);
        }

        SkipWs(ref state);
        if (!state.HasCurrent || state.Current != ':')
        {
            return Fail(ref state);
        }

        state.Advance();
        return true;
    }

    private static void SkipWs(ref ParseState<char> state)
    {
        while (state.HasCurrent && state.Current is ' ' or '\t' or '\n' or '\r')
        {
            state.Advance();
        }
    }

    private static bool Fail(ref ParseState<char> state)
    {
        state.SetError(state.HasCurrent ? Maybe.Just(state.Current) : Maybe.Nothing<char>(), !state.HasCurrent, state.Location, "JSON value");
        return false;
    }
}
