namespace CSharpFrontend.Shell;

/// <summary>
/// How many characters the expansions of one document may produce in all, shared by every lexer given it (through
/// <see cref="ShellLexerOptions.Budget"/>). A word whose result would overdraw it fails as soon as that is certain,
/// while it is being built, so that doubling variables (<c>ARG b=$a$a</c>) or replacing every character of a long
/// value with another (<c>${a//?/$b}</c>) cannot exhaust memory. Safe to share between threads.
/// </summary>
public sealed class ExpansionBudget
{
    private long _remaining;

    /// <summary>A budget of <paramref name="maxCharacters"/> characters.</summary>
    public ExpansionBudget(long maxCharacters)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCharacters);
        MaxCharacters = maxCharacters;
        _remaining = maxCharacters;
    }

    /// <summary>The whole budget.</summary>
    public long MaxCharacters { get; }

    /// <summary>What is left.</summary>
    public long Remaining => Interlocked.Read(ref _remaining);

    /// <summary>
    /// The budget for a document of <paramref name="length"/> characters whose build arguments' values come to
    /// <paramref name="argumentLength"/> more: 16 per character, at least 256 Ki. The floor is kept low so that even a
    /// tiny Dockerfile's expansions stay within a few MiB (issue 14: memory within 20 bytes per input byte + 20 MiB).
    /// </summary>
    public static ExpansionBudget ForDocument(int length, long argumentLength = 0) => new(Math.Max(MinCharacters, 16L * (length + argumentLength)));

    /// <summary>The least budget of a document.</summary>
    public const long MinCharacters = 256 * 1024;

    /// <summary>Takes <paramref name="characters"/> from the budget; false (taking nothing) when too few remain.</summary>
    public bool TryCharge(long characters)
    {
        while (true)
        {
            var remaining = Interlocked.Read(ref _remaining);
            if (characters > remaining)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _remaining, remaining - characters, remaining) == remaining)
            {
                return true;
            }
        }
    }
}
