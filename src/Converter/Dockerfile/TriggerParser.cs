using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>Reads an ONBUILD trigger of a base image (one instruction, default escape token) into an instruction.</summary>
internal static class TriggerParser
{
    public static Instruction? Parse(string trigger, out string? error)
    {
        var syntax = DockerfileParser.Parse(trigger, new ParseOptions { BuildInstructions = false });
        if (syntax.FirstError is { } syntaxError)
        {
            error = syntaxError.ToBuildKitMessage();
            return null;
        }

        if (syntax.Syntax is not { Nodes.Length: 1 })
        {
            error = "onbuild trigger should be a single expression";
            return null;
        }

        // Typed instructions are built per stage: wrap the trigger in one to read it.
        var parsed = DockerfileParser.Parse("FROM scratch\n" + trigger);
        if (parsed.FirstError is { } instructionError || parsed.Ast is not { Stages: [{ Commands: [var instruction] }] })
        {
            error = parsed.FirstError?.Message ?? "onbuild trigger should be a single expression";
            return null;
        }

        error = null;
        return instruction;
    }
}
