using System.Text;
using Microsoft.Win32.SafeHandles;

namespace CSharpFrontend.Frontend.Cli;

/// <summary>
/// A command's text result, written to file descriptor 1 as UTF-8 in one write. <see cref="Console.Out"/> would first
/// set up the terminal (signal handlers and a signal thread, a start-up cost of every short run) and then write in
/// 256-byte pieces. As <see cref="Console.Out"/> does, a reader that went away (a closed pipe) is not an error; any
/// other failure (a full disk) is an <see cref="IOException"/>.
/// </summary>
internal static class StandardOutput
{
    private const int BrokenPipe = 32;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string text)
    {
        using var stdout = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        try
        {
            stdout.Write(Utf8.GetBytes(text));
        }
        catch (IOException ex) when (ex.HResult == BrokenPipe)
        {
        }
    }
}
