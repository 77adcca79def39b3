namespace CSharpFrontend.Shell.Glob;

/// <summary>The elements a substitution pattern is made of.</summary>
internal enum GlobTokenKind : byte
{
    /// <summary>Exactly one given code point.</summary>
    Literal,

    /// <summary>Any one code point except a newline (<c>?</c>).</summary>
    AnyChar,

    /// <summary>Any run of code points without a newline (<c>*</c>).</summary>
    Star,
}
