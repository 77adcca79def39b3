using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;

namespace CSharpFrontend.E2E.Tests;

/// <summary>
/// The start-up layout of the NativeAOT binary (src/Frontend/Startup): the runtime's rehydrated data in a section of
/// whole 2 MiB pages, a load address aligned to them, and, where the kernel offers transparent huge pages on request,
/// that data held on huge pages in a running process.
/// </summary>
public sealed class NativeBinaryTests
{
    private const long HugePage = 2 * 1024 * 1024;

    [NativeBinaryFact]
    public void TheRehydratedDataIsWholeHugePagesAndTheBinaryLoadsAtAHugePageBoundary()
    {
        var elf = ElfFile.Read(NativeBinaryFactAttribute.Path);

        var hydrated = Assert.Single(elf.Sections, s => s.Name == ".hydrated");
        Assert.True(hydrated.Size >= HugePage, $".hydrated is {hydrated.Size} bytes");
        Assert.Equal(0, hydrated.Address % HugePage);
        Assert.Equal(0, hydrated.Size % HugePage);

        // The kernel aligns a position-independent executable to its largest PT_LOAD alignment.
        Assert.NotEmpty(elf.LoadSegmentAlignments);
        Assert.All(elf.LoadSegmentAlignments, align => Assert.Equal(HugePage, align));
    }

    [NativeBinaryFact]
    public void ARunningProcessHoldsItsRehydratedDataOnHugePages()
    {
        string mode = File.Exists(TransparentHugePages) ? File.ReadAllText(TransparentHugePages) : "";
        if (mode.Contains("[never]", StringComparison.Ordinal) || mode.Length == 0)
        {
            // Nothing to observe on a kernel without transparent huge pages; the layout test above still holds.
            return;
        }

        // `lint -` waits for its Dockerfile on stdin: the process is fully started and stays until stdin closes.
        var start = new ProcessStartInfo(NativeBinaryFactAttribute.Path, ["lint", "-"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        try
        {
            long hugeKb = 0;
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (hugeKb < HugePage / 1024 && DateTime.UtcNow < deadline && !process.HasExited)
            {
                Thread.Sleep(50);
                hugeKb = AnonHugePagesKb(process.Id);
            }

            Assert.True(hugeKb >= HugePage / 1024, $"AnonHugePages of the running binary: {hugeKb} kB (THP mode: {mode.Trim()})");
        }
        finally
        {
            process.StandardInput.Write("FROM scratch\n");
            process.StandardInput.Close();
            if (!process.WaitForExit(20_000))
            {
                process.Kill();
            }
        }
    }

    private const string TransparentHugePages = "/sys/kernel/mm/transparent_hugepage/enabled";

    private static long AnonHugePagesKb(int pid)
    {
        try
        {
            return File.ReadLines($"/proc/{pid}/smaps_rollup")
                .Where(line => line.StartsWith("AnonHugePages:", StringComparison.Ordinal))
                .Select(line => long.Parse(line["AnonHugePages:".Length..].Trim().Split(' ')[0]))
                .Sum();
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The parts of an ELF64 little-endian file these tests read: section names and places, PT_LOAD alignments.</summary>
    private sealed record ElfFile(IReadOnlyList<ElfSection> Sections, IReadOnlyList<long> LoadSegmentAlignments)
    {
        public static ElfFile Read(string path)
        {
            byte[] b = File.ReadAllBytes(path);
            Assert.True(b.Length > 64 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F' && b[4] == 2 && b[5] == 1, "not an ELF64 little-endian file");
            long phoff = U64(b, 0x20), shoff = U64(b, 0x28);
            int phentsize = U16(b, 0x36), phnum = U16(b, 0x38), shentsize = U16(b, 0x3A), shnum = U16(b, 0x3C), shstrndx = U16(b, 0x3E);

            var alignments = new List<long>();
            for (int i = 0; i < phnum; i++)
            {
                int at = checked((int)(phoff + (long)i * phentsize));
                if (BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at)) == 1)
                {
                    alignments.Add(U64(b, at + 0x30));
                }
            }

            long names = U64(b, checked((int)(shoff + (long)shstrndx * shentsize)) + 0x18);
            var sections = new List<ElfSection>();
            for (int i = 0; i < shnum; i++)
            {
                int at = checked((int)(shoff + (long)i * shentsize));
                int nameAt = checked((int)(names + BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at))));
                int end = Array.IndexOf(b, (byte)0, nameAt);
                sections.Add(new ElfSection(Encoding.ASCII.GetString(b, nameAt, end - nameAt), U64(b, at + 0x10), U64(b, at + 0x20)));
            }

            return new ElfFile(sections, alignments);
        }

        private static long U64(byte[] b, int at) => checked((long)BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(at)));

        private static int U16(byte[] b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at));
    }

    private sealed record ElfSection(string Name, long Address, long Size);
}
