using System.Collections.Immutable;
using CSharpFrontend.Parser.Text;

namespace CSharpFrontend.Parser;

/// <summary>Base of every typed instruction (BuildKit's <c>instructions.Command</c> with <c>withNameAndCode</c>).</summary>
/// <remarks>
/// Everything common to all instructions is taken from the <see cref="Node"/> it is built from, the only member a
/// construction sets. The node itself is not kept: the syntax tree can go once the typed tree is built.
/// </remarks>
public abstract record Instruction
{
    private readonly DocumentText _original = DocumentText.Of("");

    /// <summary>The keyword as written (BuildKit <c>Name()</c>: <c>node.Value</c>), e.g. <c>RUN</c> or <c>run</c>.</summary>
    public string Keyword { get; private init; } = "";

    /// <summary>BuildKit's <c>Node.Original</c>: the logical line, continuations joined.</summary>
    public string Original => _original.ToString();

    /// <summary>BuildKit's <c>String()</c>/<c>code</c>: <see cref="Original"/> with surrounding blanks trimmed (used in LLB names and history).</summary>
    public string SourceCode => GoText.TrimSpace(Original);

    /// <summary>Where the instruction is (BuildKit <c>Location()</c>).</summary>
    public SourceRange Range { get; private init; }

    /// <summary>Comment lines directly above (BuildKit <c>Comments()</c>).</summary>
    public ImmutableArray<string> Comments { get; private init; } = [];

    /// <summary>The node this instruction is built from.</summary>
    public required SyntaxNode Node
    {
        init
        {
            Keyword = value.Keyword;
            _original = value.OriginalText;
            Range = value.Range;
            Comments = value.PrevComments;
        }
    }
}

/// <summary>A key/value pair of ENV or LABEL.</summary>
/// <param name="Key">Key, unexpanded.</param>
/// <param name="Value">Value, unexpanded (quotes still present; the converter's word expansion removes them).</param>
/// <param name="NoDelim">True for the legacy <c>KEY value</c> form (no <c>=</c>).</param>
public sealed record KeyValuePair(string Key, string Value, bool NoDelim);

/// <summary>An ARG entry.</summary>
/// <param name="Key">Name, unexpanded.</param>
/// <param name="Value">Default value, unexpanded; null when no <c>=</c> was given.</param>
/// <param name="DocComment">BuildKit's doc comment for this name.</param>
public sealed record ArgDefinition(string Key, string? Value, string DocComment);

/// <summary>A heredoc used as a COPY/ADD source (BuildKit <c>SourceContent</c>).</summary>
/// <param name="Path">The heredoc name (used as file name).</param>
/// <param name="Data">The content, chomped when <c>&lt;&lt;-</c> was used.</param>
/// <param name="Expand">Whether the converter must expand variables in <see cref="Data"/>.</param>
public sealed record SourceContent(string Path, string Data, bool Expand);

/// <summary>Sources and destination of COPY/ADD (BuildKit <c>SourcesAndDest</c>), unexpanded.</summary>
/// <param name="DestPath">Destination.</param>
/// <param name="SourcePaths">Path sources (non-heredoc), in order.</param>
/// <param name="SourceContents">Heredoc sources, in order.</param>
public readonly record struct SourcesAndDest(string DestPath, ImmutableArray<string> SourcePaths, ImmutableArray<SourceContent> SourceContents);

/// <summary>A heredoc attached to RUN/CMD/ENTRYPOINT (BuildKit <c>ShellInlineFile</c>).</summary>
/// <param name="Name">The heredoc name.</param>
/// <param name="Data">Raw content (not chomped).</param>
/// <param name="Chomp">True for <c>&lt;&lt;-</c>.</param>
public sealed record ShellInlineFile(string Name, string Data, bool Chomp);
