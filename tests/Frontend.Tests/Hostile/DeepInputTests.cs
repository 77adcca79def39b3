using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Frontend.Tests.Hostile;

/// <summary>
/// Issue 14 item 2: inputs whose nesting or chain length would overflow a recursive reader. Run as processes: a stack
/// overflow cannot be caught and would take the test host down.
/// </summary>
public sealed class DeepInputTests
{
    [Fact]
    public void ADefinitionNestedSixtyThousandLevelsIsRefusedWithAnError()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, HostileInputs.DeepDefinition(60_000));
            var result = CliProcess.Run("", "dump", file);
            Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}: {result.Stderr}");
            Assert.StartsWith($"error: {file}: not a pb.Definition", result.Stderr);
            Assert.Empty(result.Stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ACopyFromCycleThroughManyStagesIsReportedNotOverflowed()
    {
        var result = CliProcess.Run(HostileInputs.CopyFromCycle(100_000), "translate", "-", "--format", "json");
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}: {result.Stderr[..Math.Min(2000, result.Stderr.Length)]}");
        Assert.Contains("<stdin>:2:1: error: circular dependency detected on stage: s0", result.Stderr);
        Assert.Contains("<stdin>:4:1: note: and here", result.Stderr);
        Assert.Contains("<stdin>: note: and 99990 more instructions", result.Stderr);
        Assert.True(result.Stderr.Length < 4000, $"{result.Stderr.Length} characters of error");
    }
}
