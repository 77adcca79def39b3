using System.Runtime.InteropServices;
using System.Text;

namespace CSharpFrontend.Frontend.Cli;

/// <summary>What a path names, without following a final symbolic link (lstat's file type).</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,

    /// <summary>A character or block device, a FIFO or a socket: written through, never replaced.</summary>
    Special,
}

/// <summary>Reads a path's file type with <c>statx(2)</c>, whose buffer layout is the same on every Linux architecture.</summary>
internal static class FileKinds
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;

    public static FileKind Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return Fallback(path);
        }

        var buffer = new byte[256];
        var name = Encoding.UTF8.GetBytes(path + "\0");
        int result;
        try
        {
            result = Statx(AtFdCwd, name, AtSymlinkNoFollow, StatxType, buffer);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return Fallback(path);
        }

        if (result != 0)
        {
            return FileKind.Missing;
        }

        var mode = BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000;
        return mode switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            _ => FileKind.Special,
        };
    }

    private static FileKind Fallback(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is not null ? FileKind.SymbolicLink
            : Directory.Exists(path) ? FileKind.Directory
            : info.Exists ? FileKind.Regular
            : FileKind.Missing;
    }

#pragma warning disable SYSLIB1054 // blittable arguments only: no marshalling code is generated
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, byte[] path, int flags, uint mask, byte[] buffer);
#pragma warning restore SYSLIB1054
}
