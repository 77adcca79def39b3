using System.Diagnostics;
using System.Text;
using CSharpFrontend.Frontend.Dump;
using CSharpFrontend.Tests.Shared;
using Google.Protobuf;

namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary>
/// Our dump against <c>buildctl debug dump-llb</c> itself on random definitions: v0.24.0's buildctl run here (from
/// ../shared/buildkit), and v0.11.6's as recorded in <see cref="RecordedDumps.V011File"/> (no v0.11.6 binary is at hand
/// in CI). With <c>BUILDCTL</c> naming a v0.11.6 buildctl, the recording is checked against it as well.
/// </summary>
public sealed class DumpDifferentialTests
{
    [Fact]
    public void RandomDefinitionsDumpAsBuildctlV011DumpedThem()
    {
        var recorded = RecordedDumps.Read(RecordedDumps.V011File);
        Assert.True(recorded.Count >= 200, $"{recorded.Count} recorded definitions");
        for (var i = 0; i < recorded.Count; i++)
        {
            var (definition, expected) = recorded[i];
            if (BuildctlV011.Path is { } buildctl)
            {
                Assert.True(expected.AsSpan().SequenceEqual(Buildctl(buildctl, definition)), $"recorded dump {i} is not what {buildctl} prints now");
            }

            AssertSameDump(i, definition, expected, DumpFormat.V0_11);
        }
    }

    /// <summary>Writes <see cref="RecordedDumps.V011File"/> anew from <c>BUILDCTL</c> (v0.11.6) when <c>RECORD_BUILDCTL_V011=1</c>.</summary>
    [Fact]
    public void V011RecordingPresentOrRewrittenOnRequest()
    {
        if (Environment.GetEnvironmentVariable("RECORD_BUILDCTL_V011") != "1")
        {
            Assert.True(File.Exists(RecordedDumps.V011File), RecordedDumps.V011File);
            return;
        }

        Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "the recording is never rewritten in CI");
        var buildctl = RequiredTools.Need(BuildctlV011.Path, "RECORD_BUILDCTL_V011=1 needs BUILDCTL naming a v0.11.6 buildctl");
        RecordedDumps.Write(RecordedDumps.V011File,
            [.. Definitions(new RandomDefinitions(seed: 20261127), 240).Select(bytes => (bytes, Buildctl(buildctl, bytes)))]);
    }

    [BuildctlV024Fact]
    public void RandomDefinitionsDumpAsBuildctlV024DumpsThem()
    {
        var buildctl = BuildctlV024FactAttribute.Required;
        var i = 0;
        foreach (var bytes in Definitions(new RandomDefinitions(seed: 20261204, v024Schema: true), 400))
        {
            AssertSameDump(i++, bytes, Buildctl(buildctl, bytes), DumpFormat.V0_24);
        }
    }

    /// <summary><paramref name="count"/> random definitions, every second one with invalid UTF-8 (<see cref="BreakUtf8"/>).</summary>
    private static IEnumerable<byte[]> Definitions(RandomDefinitions random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var bytes = random.Next().ToByteArray();
            if (i % 2 == 1)
            {
                BreakUtf8(bytes);
            }

            yield return bytes;
        }
    }

    private static void AssertSameDump(int index, byte[] definition, byte[] expected, DumpFormat format)
    {
        var actual = JsonLinesDump.Render(definition, format);
        Assert.True(expected.AsSpan().SequenceEqual(actual),
            $"definition {index} ({Convert.ToBase64String(definition)})\nbuildctl: {Encoding.UTF8.GetString(expected)}\nours:     {Encoding.UTF8.GetString(actual)}");
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

    /// <summary><c>buildctl debug dump-llb</c> of <paramref name="definition"/> (written to a temporary file).</summary>
    private static byte[] Buildctl(string buildctl, byte[] definition)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, definition);
            return Buildctl(buildctl, file);
        }
        finally
        {
            File.Delete(file);
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
