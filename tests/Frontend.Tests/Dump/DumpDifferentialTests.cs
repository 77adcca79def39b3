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
        var file = Path.GetTempFileName();
        try
        {
            for (var i = 0; i < recorded.Count; i++)
            {
                var (definition, expected) = recorded[i];
                if (BuildctlV011.Path is { } buildctl)
                {
                    File.WriteAllBytes(file, definition);
                    Assert.True(expected.AsSpan().SequenceEqual(Buildctl(buildctl, file)), $"recorded dump {i} is not what {buildctl} prints now");
                }

                var actual = JsonLinesDump.Render(definition, DumpFormat.V0_11);
                Assert.True(expected.AsSpan().SequenceEqual(actual),
                    $"definition {i} ({Convert.ToBase64String(definition)})\nbuildctl v0.11.6: {Encoding.UTF8.GetString(expected)}\nours:     {Encoding.UTF8.GetString(actual)}");
            }
        }
        finally
        {
            File.Delete(file);
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
        var random = new RandomDefinitions(seed: 20261127);
        var file = Path.GetTempFileName();
        try
        {
            var entries = new List<(byte[] Definition, byte[] Dump)>();
            for (var i = 0; i < 240; i++)
            {
                var bytes = random.Next().ToByteArray();
                if (i % 2 == 1)
                {
                    BreakUtf8(bytes);
                }

                File.WriteAllBytes(file, bytes);
                entries.Add((bytes, Buildctl(buildctl, file)));
            }

            RecordedDumps.Write(RecordedDumps.V011File, entries);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [BuildctlV024Fact]
    public void RandomDefinitionsDumpAsBuildctlV024DumpsThem() =>
        RandomDefinitionsDumpAsBuildctlDumpsThem(BuildctlV024FactAttribute.Required, DumpFormat.V0_24, new RandomDefinitions(seed: 20261204, v024Schema: true));

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
