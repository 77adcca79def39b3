using System.Diagnostics;
using System.Text;
using CSharpFrontend.Frontend.Dump;
using Google.Protobuf;

namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary>Our dump against <c>buildctl debug dump-llb</c> itself, on random definitions.</summary>
public sealed class DumpDifferentialTests
{
    [BuildctlFact]
    public void RandomDefinitionsDumpAsBuildctlDumpsThem()
    {
        var random = new RandomDefinitions(seed: 20261127);
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
                var expected = Buildctl(file);
                var actual = JsonLinesDump.Render(DefinitionReader.Read(bytes));
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

    private static byte[] Buildctl(string file)
    {
        var start = new ProcessStartInfo(BuildctlFactAttribute.Path!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
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
