using System.IO.Compression;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary>
/// Definitions and what an upstream <c>buildctl debug dump-llb</c> printed for each, one pair per line as two base64
/// fields (definition, output), gzip-compressed. Recorded from the upstream binary, never from our own dump.
/// </summary>
internal static class RecordedDumps
{
    /// <summary>BuildKit v0.11.6's buildctl on the seeded random definitions of the v0.11 differential.</summary>
    public static string V011File => Path.Combine(TestPaths.RepoRoot, "tests", "Frontend.Tests", "Dump", "Recorded", "buildctl-v0.11.6-dump-llb.txt.gz");

    public static IReadOnlyList<(byte[] Definition, byte[] Dump)> Read(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        return [.. Lines(reader)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' '))
            .Select(fields => (Convert.FromBase64String(fields[0]), Convert.FromBase64String(fields[1])))];
    }

    public static void Write(string path, IEnumerable<(byte[] Definition, byte[] Dump)> entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new StreamWriter(new GZipStream(File.Create(path), CompressionLevel.SmallestSize));
        foreach (var line in entries
            .Select(e => Convert.ToBase64String(e.Definition) + " " + Convert.ToBase64String(e.Dump))
            .Prepend("# definition (base64) and BuildKit v0.11.6 `buildctl debug dump-llb` output (base64); written by RECORD_BUILDCTL_V011=1 BUILDCTL=<v0.11.6 buildctl>, see DumpDifferentialTests"))
        {
            writer.WriteLine(line);
        }
    }

    private static IEnumerable<string> Lines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
