using System.Text;

namespace CSharpFrontend.Frontend.Tests;

/// <summary>
/// A Dockerfile read from a file is decoded block by block without holding its bytes; it must read exactly as the same
/// bytes read whole from standard input: multi-byte characters and invalid sequences (U+FFFD each, as Go's decoding of
/// the Dockerfile gives them) across the 64 KiB block edges, and a pipe that cannot be read twice.
/// </summary>
public sealed class InputDecodingTests
{
    /// <summary>A RUN line padded so that a 4-byte character, a 3-byte one cut short and a lone continuation byte each straddle a block edge.</summary>
    private static byte[] Straddling()
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes("FROM scratch\n"));
        foreach (var (edge, tail) in new (int, byte[])[]
        {
            (65536, [0xF0, 0x9F, 0x98, 0x80]),       // 😀 split 2 + 2
            (131072, [0xE2, 0x82]),                   // € cut short, then ASCII
            (196608, [0x80, 0xC3, 0xA9]),            // lone continuation byte, then é
        })
        {
            bytes.AddRange(Encoding.UTF8.GetBytes("RUN echo "));
            for (var column = 0; bytes.Count < edge - 2; column++)
            {
                // Lines under BuildKit's 64 KiB limit.
                bytes.AddRange(column % 1000 == 999 && bytes.Count < edge - 20 ? Encoding.UTF8.GetBytes("\nRUN echo ") : [(byte)'x']);
            }

            bytes.AddRange(tail);
            bytes.AddRange(Encoding.UTF8.GetBytes(" end\n"));
        }

        return [.. bytes];
    }

    [Fact]
    public void AFileReadsAsTheSameBytesOnStandardInput()
    {
        var bytes = Straddling();
        var path = Path.Combine(Path.GetTempPath(), $"decode-{Guid.NewGuid():N}.Dockerfile");
        File.WriteAllBytes(path, bytes);
        try
        {
            var fromFile = CliProcess.Run("", "parse", path);
            var fromStdin = CliProcess.RunShell($"cat {path} | $CF parse -", Path.GetTempPath());
            Assert.Equal(0, fromFile.ExitCode);
            Assert.Equal(Encoding.UTF8.GetString(fromStdin.Stdout), Encoding.UTF8.GetString(fromFile.Stdout));
            var text = Encoding.UTF8.GetString(fromFile.Stdout);
            Assert.Contains("😀", text);
            Assert.Contains("\uFFFD end", text);
            Assert.Contains("\uFFFDé end", text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void APipeIsReadOnce()
    {
        var dir = Directory.CreateTempSubdirectory("decode-pipe").FullName;
        try
        {
            var result = CliProcess.RunShell("mkfifo in && (printf 'FROM scratch\\nRUN echo hi\\n' > in &) && $CF parse in", dir);
            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.Contains("(run \"echo hi\")", Encoding.UTF8.GetString(result.Stdout));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
