using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>Reads an ONBUILD trigger of a base image (one instruction, default escape token) into an instruction.</summary>
internal static class TriggerParser
{
    public static Instruction? Parse(string trigger, BuildKitDialect dialect, out string? error)
    {
        var syntax = DockerfileParser.Parse(trigger, new ParseOptions { BuildInstructions = false, Dialect = dialect });
        if (syntax.FirstError is { } syntaxError)
        {
            error = syntaxError.ToBuildKitMessage();
            return null;
        }

        if (syntax.Syntax is not { Nodes: [var node] })
        {
            error = "onbuild trigger should be a single expression";
            return null;
        }

        // instructions.ParseCommand: the instruction's error as is, without the "dockerfile parse error on line N: " a
        // whole Dockerfile's parse adds.
        var (instruction, diagnostic) = DockerfileParser.ParseInstruction(node, dialect);
        error = diagnostic?.Message;
        if (instruction is FromInstruction)
        {
            // A base image's config can hold any trigger; upstream's ParseCommand refuses a stage.
            error = "*instructions.Stage is not a command type";
            return null;
        }

        return instruction;
    }
}
