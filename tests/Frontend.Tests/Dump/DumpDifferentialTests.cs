using System.Diagnostics;
using System.Text;
using CSharpFrontend.Frontend.Dump;
using Google.Protobuf;

namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary>Our dump against <c>buildctl debug dump-llb</c> itself (v0.11.6 and v0.24.0), on random definitions.</summary>
public sealed class DumpDifferentialTests
{
    [BuildctlFact]
    public void RandomDefinitionsDumpAsBuildctlV011DumpsThem() =>
        RandomDefinitionsDumpAsBuildctlDumpsThem(BuildctlFactAttribute.Path!, DumpFormat.V0_11, new RandomDefinitions(seed: 20261127));

    [BuildctlV024Fact]
    public void RandomDefinitionsDumpAsBuildctlV024DumpsThem() =>
        RandomDefinitionsDumpAsBuildctlDumpsThem(BuildctlV024FactAttribute.Path!, DumpFormat.V0_24, new RandomDefinitions(seed: 20261204, v024Schema: true));

    private static void RandomDefinitionsDumpAsBuildctlDumpsThem(string buildctl, DumpFormat format, RandomDefinitions random)
    {
        var file = Path.GetTempFileName();
        try
        {
            for (var i = 0; i < 400; i++)
            {
                var bytes = random.Next().ToByteArray();
                if (i % 2 == 1)
                {
                    BreakUtf8(bytes);
                }

                File.WriteAllBytes(file, bytes);
                var expected = Buildctl(buildctl, file);
                var actual = JsonLinesDump.Render(bytes, format);
                Assert.True(expected.AsSpan().SequenceEqual(actual),
                    $"definition {i} ({Convert.ToBase64String(bytes)})\nbuildctl: {Encoding.UTF8.GetString(expected)}\nours:     {Encoding.UTF8.GetString(actual)}");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Makes every "é" (C3 A9) a Latin-1 "é" and a space (E9 20): invalid UTF-8 of the same length.</summary>
    private static void BreakUtf8(byte[] bytes)
    {
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] == 0xc3 && bytes[i + 1] == 0xa9)
            {
                bytes[i] = 0xe9;
                bytes[i + 1] = 0x20;
            }
        }
    }

    internal static byte[] Buildctl(string buildctl, string file)
    {
        var start = new ProcessStartInfo(buildctl) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "debug", "dump-llb", file })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var stdout = new MemoryStream();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(stdout);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "buildctl failed: " + stderr.Result);
        return stdout.ToArray();
    }
}
