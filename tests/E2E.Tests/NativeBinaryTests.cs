using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;

namespace CSharpFrontend.E2E.Tests;

/// <summary>
/// The start-up layout of the NativeAOT binary (src/Frontend/Startup): a static, position-dependent executable whose
/// runtime type data is linked in place, so that nothing is loaded, relocated or expanded into fresh memory before
/// <c>Main</c>.
/// </summary>
public sealed class NativeBinaryTests
{
    private const ushort ExecutableType = 2;

    [NativeBinaryFact]
    public void TheTypeDataIsLinkedInPlace()
    {
        var elf = ElfFile.Read(NativeBinaryFactAttribute.Path);

        // ET_EXEC, not ET_DYN: loaded at its link address, so the pointers in its data need no relocation.
        Assert.Equal(ExecutableType, elf.Type);

        // The position-independent, dehydrated build had about 4,100 dynamic relocations and a `.hydrated` section
        // that the runtime filled at start-up; this one has none (the dynamic one had libc's 7) and no such section.
        var relocations = elf.Sections.Where(s => s.Name == ".rela.dyn").Sum(s => s.Size) / RelaEntrySize;
        Assert.True(relocations < 100, $"{relocations} dynamic relocations");
        Assert.DoesNotContain(elf.Sections, s => s.Name == ".hydrated" && s.Size > 0);
    }

    [NativeBinaryFact]
    public void TheBinaryIsAStaticExecutable()
    {
        // No program interpreter and no dynamic section: nothing for a dynamic loader to load or relocate at start-up,
        // and no shared library needed where it runs (OpenSSL is linked in).
        var bytes = File.ReadAllBytes(NativeBinaryFactAttribute.Path);
        var programHeaders = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(0x20)));
        int size = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x36)), count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x38));
        var types = Enumerable.Range(0, count).Select(i => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(programHeaders + (i * size)))).ToList();
        Assert.Contains(LoadSegment, types);
        Assert.DoesNotContain(InterpreterSegment, types);
        Assert.DoesNotContain(DynamicSegment, types);
    }

    [NativeBinaryFact]
    public void AStartedProcessHasLittleAnonymousMemory()
    {
        // `lint -` waits for its Dockerfile on stdin: the process is fully started and stays until stdin closes.
        // Type data expanded at start-up was about 4.7 MB of anonymous memory here; linked in place it is file-backed.
        var start = new ProcessStartInfo(NativeBinaryFactAttribute.Path, ["lint", "-"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        try
        {
            long anonymousKb = 0;
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (anonymousKb == 0 && DateTime.UtcNow < deadline && !process.HasExited)
            {
                Thread.Sleep(200);
                anonymousKb = SmapsRollupKb(process.Id, "Anonymous:");
            }

            Assert.InRange(anonymousKb, 1, 2048);
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

    private const int RelaEntrySize = 24;
    private const uint LoadSegment = 1;
    private const uint DynamicSegment = 2;
    private const uint InterpreterSegment = 3;

    private static long SmapsRollupKb(int pid, string field)
    {
        try
        {
            return File.ReadLines($"/proc/{pid}/smaps_rollup")
                .Where(line => line.StartsWith(field, StringComparison.Ordinal))
                .Select(line => long.Parse(line[field.Length..].Trim().Split(' ')[0]))
                .Sum();
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The parts of an ELF64 little-endian file these tests read: its type, section names and places.</summary>
    private sealed record ElfFile(ushort Type, IReadOnlyList<ElfSection> Sections)
    {
        public static ElfFile Read(string path)
        {
            byte[] b = File.ReadAllBytes(path);
            Assert.True(b.Length > 64 && b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F' && b[4] == 2 && b[5] == 1, "not an ELF64 little-endian file");
            long shoff = U64(b, 0x28);
            int shentsize = U16(b, 0x3A), shnum = U16(b, 0x3C), shstrndx = U16(b, 0x3E);

            long names = U64(b, checked((int)(shoff + (long)shstrndx * shentsize)) + 0x18);
            var sections = new List<ElfSection>();
            for (int i = 0; i < shnum; i++)
            {
                int at = checked((int)(shoff + (long)i * shentsize));
                int nameAt = checked((int)(names + BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at))));
                int end = Array.IndexOf(b, (byte)0, nameAt);
                sections.Add(new ElfSection(Encoding.ASCII.GetString(b, nameAt, end - nameAt), U64(b, at + 0x10), U64(b, at + 0x20)));
            }

            return new ElfFile((ushort)U16(b, 0x10), sections);
        }

        private static long U64(byte[] b, int at) => checked((long)BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(at)));

        private static int U16(byte[] b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at));
    }

    private sealed record ElfSection(string Name, long Address, long Size);
}
