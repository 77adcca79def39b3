namespace CSharpFrontend.Converter.Tests.Stress;

/// <summary>Stress tests measure time and allocation: they run alone, not beside other test classes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StressCollection
{
    public const string Name = "Stress";
}
