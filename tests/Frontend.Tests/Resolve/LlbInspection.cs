using Pb;

namespace CSharpFrontend.Frontend.Tests.Resolve;

/// <summary>Translates with <c>csharp-frontend translate --image-metadata</c> (as a process) and reads the ops.</summary>
internal static class LlbInspection
{
    public static IReadOnlyList<Op> Translate(TempDir dir, string dockerfile, string imageMetadata, params string[] extra)
    {
        var def = dir.File("def.pb");
        var result = CliProcess.Run("", ["translate", dockerfile, "--image-metadata", imageMetadata, "-o", def, .. extra]);
        Assert.True(result.ExitCode == 0, "translate failed: " + result.Stderr);
        return [.. Definition.Parser.ParseFrom(File.ReadAllBytes(def)).Def.Select(d => Op.Parser.ParseFrom(d))];
    }

    public static IEnumerable<string> ImageIdentifiers(IEnumerable<Op> ops) =>
        ops.Where(o => o.Source is not null && o.Source.Identifier.StartsWith("docker-image://", StringComparison.Ordinal))
            .Select(o => o.Source.Identifier);

    public static ExecOp Exec(IEnumerable<Op> ops) => Assert.Single(ops, o => o.Exec is not null).Exec;
}
