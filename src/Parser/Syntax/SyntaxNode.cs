using System.Collections.Immutable;

namespace CSharpFrontend.Parser;

/// <summary>
/// One instruction as BuildKit's line parser sees it (its <c>parser.Node</c>): keyword, <c>--flags</c>,
/// argument words (unexpanded), original text, heredocs, source range.
/// </summary>
public sealed record SyntaxNode
{
    /// <summary>The instruction keyword exactly as written (<c>Node.Value</c>), e.g. <c>RUN</c> or <c>run</c>.</summary>
    public required string Keyword { get; init; }

    /// <summary>The <c>--flag[=value]</c> words before the arguments, quotes removed (<c>Node.Flags</c>).</summary>
    public ImmutableArray<string> Flags { get; init; } = [];

    /// <summary>
    /// The argument words (<c>Node.Next</c> chain). For ENV and LABEL: key, value, separator (<c>=</c>, or empty for
    /// the legacy form), key, ...; with <see cref="BuildKitDialect.V0_11"/> key, value, key, value, ... For an unknown
    /// instruction BuildKit keeps a single empty word. Empty when the instruction has no arguments or is an
    /// ONBUILD with a <see cref="Child"/>.
    /// </summary>
    public ImmutableArray<string> Args { get; init; } = [];

    /// <summary>For ONBUILD: the wrapped instruction.</summary>
    public SyntaxNode? Child { get; init; }

    /// <summary>True when the arguments were given in JSON (exec) form (<c>Node.Attributes["json"]</c>).</summary>
    public bool IsJson { get; init; }

    /// <summary>For ENV and LABEL: true when the legacy <c>KEY value</c> form was used (BuildKit's <c>NoDelim</c>).</summary>
    public bool IsLegacyKeyValue { get; init; }

    private readonly DocumentText _original = DocumentText.Of("");

    /// <summary>The logical line (continuations joined, escape tokens removed) exactly as BuildKit's <c>Node.Original</c>.</summary>
    public string Original
    {
        get => _original.ToString();
        init => _original = DocumentText.Of(value);
    }

    /// <summary><see cref="Original"/> as held: often its place in the whole Dockerfile.</summary>
    internal DocumentText OriginalText
    {
        get => _original;
        init => _original = value;
    }

    /// <summary>Heredocs attached to this instruction, in order of appearance.</summary>
    public ImmutableArray<Heredoc> Heredocs { get; init; } = [];

    /// <summary>Comment lines directly above the instruction (<c>Node.PrevComment</c>), '#' and blanks trimmed.</summary>
    public ImmutableArray<string> PrevComments { get; init; } = [];

    /// <summary>Source range: from the keyword to the end of the last line (including heredoc bodies).</summary>
    public required SourceRange Range { get; init; }

    /// <summary>1-based first line (BuildKit <c>StartLine</c>).</summary>
    public int StartLine => Range.StartLine;

    /// <summary>1-based last line (BuildKit <c>EndLine</c>).</summary>
    public int EndLine => Range.EndLine;
}

/// <summary>A heredoc attached to an instruction.</summary>
/// <param name="Name">The delimiter word, quotes removed.</param>
/// <param name="FileDescriptor">The optional number before <c>&lt;&lt;</c> (0 when absent).</param>
/// <param name="Expand">False when (part of) the delimiter was quoted: the content is not expanded.</param>
/// <param name="Chomp">True for <c>&lt;&lt;-</c>: leading tabs are removed from the content.</param>
/// <param name="Content">The raw body (with line endings as in the file), not chomped.</param>
public sealed record Heredoc(string Name, ulong FileDescriptor, bool Expand, bool Chomp, string Content);

/// <summary>A parser directive (<c># syntax=...</c>, <c># escape=...</c>, <c># check=...</c>).</summary>
/// <param name="Name">Lower-case name.</param>
/// <param name="Value">The value, trimmed.</param>
/// <param name="Range">Its line.</param>
public sealed record ParserDirective(string Name, string Value, SourceRange Range);

/// <summary>The node-level parse of a Dockerfile (BuildKit's <c>parser.Result</c>).</summary>
/// <param name="Nodes">The instructions in order.</param>
/// <param name="Directives">Parser directives found at the top.</param>
/// <param name="EscapeToken">The escape token in effect (<c>\</c> or <c>`</c>).</param>
public sealed record SyntaxTree(ImmutableArray<SyntaxNode> Nodes, ImmutableArray<ParserDirective> Directives, char EscapeToken)
{
    /// <summary>The dialect the tree was read with (the instruction layer follows it too).</summary>
    public BuildKitDialect Dialect { get; init; } = BuildKitDialect.Current;
}
