using System.Collections.Immutable;

namespace CSharpFrontend.Parser.Instructions;

/// <summary>
/// The typed tree made node by node (BuildKit's <c>instructions.Parse</c> loop): global ARGs before the first FROM, then
/// stages. A node can be dropped once added.
/// </summary>
internal sealed class DockerfileBuilder(bool legacy)
{
    private readonly ImmutableArray<ArgInstruction>.Builder _metaArgs = ImmutableArray.CreateBuilder<ArgInstruction>();
    private readonly List<Stage> _stages = [];
    private FromInstruction? _from;
    private readonly List<Instruction> _commands = [];

    /// <summary>Adds the instruction of <paramref name="node"/>; throws <see cref="ParseException"/> when BuildKit rejects it.</summary>
    public void Add(SyntaxNode node)
    {
        var instruction = InstructionParser.ParseInstruction(node, legacy);
        if (_from is null && instruction is ArgInstruction arg)
        {
            _metaArgs.Add(arg);
            return;
        }

        if (instruction is FromInstruction from)
        {
            CloseStage();
            _from = from;
            return;
        }

        if (_from is null)
        {
            throw new ParseException(new Diagnostic(
                DiagnosticCodes.NoStage, DiagnosticSeverity.Error, "no build stage in current context", node.Range, DiagnosticLayer.Structure));
        }

        _commands.Add(instruction);
    }

    /// <summary>The typed tree of the nodes added.</summary>
    public Dockerfile Build(char escapeToken, ImmutableArray<ParserDirective> directives)
    {
        CloseStage();
        return new Dockerfile(_metaArgs.DrainToImmutable(), [.. _stages], escapeToken, directives);
    }

    private void CloseStage()
    {
        if (_from is { } from)
        {
            _stages.Add(new Stage(InstructionParser.DocComment(from.Comments, from.StageName), from, [.. _commands]));
            _commands.Clear();
        }
    }
}
