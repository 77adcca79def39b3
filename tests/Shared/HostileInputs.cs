using System.Text;

namespace CSharpFrontend.Tests.Shared;

/// <summary>
/// Generators of inputs built to crash, exhaust or hang a careless implementation (issue 14). Each is small for its
/// effect; the fuzzing harness is seeded with small instances of them (fuzz/seeds).
/// </summary>
internal static class HostileInputs
{
    /// <summary>
    /// A binary <c>pb.Definition</c> nested <paramref name="depth"/> levels through <c>source.infos[0].definition</c>,
    /// each SourceInfo's filename one invalid UTF-8 byte (about 10 bytes a level).
    /// </summary>
    public static byte[] DeepDefinition(int depth)
    {
        // Written back to front: Definition{3: Source{2: SourceInfo{1: "\xff", 3: Definition{...}}}}.
        var buffer = new byte[depth * 20];
        var start = buffer.Length;
        void Prepend(params byte[] bytes)
        {
            start -= bytes.Length;
            bytes.CopyTo(buffer, start);
        }

        void PrependHeader(int number, int length)
        {
            var varint = new List<byte>();
            for (var value = (uint)length; ; value >>= 7)
            {
                varint.Add((byte)(value < 0x80 ? value : (value & 0x7f) | 0x80));
                if (value < 0x80)
                {
                    break;
                }
            }

            Prepend([(byte)((number << 3) | 2), .. varint]);
        }

        for (var i = 0; i < depth; i++)
        {
            var end = buffer.Length;
            PrependHeader(3, end - start);           // SourceInfo.definition
            Prepend(0x0a, 0x01, 0xff);               // SourceInfo.filename = "\xff"
            PrependHeader(2, end - start);           // Source.infos
            PrependHeader(3, end - start);           // Definition.Source
        }

        return buffer[start..];
    }

    /// <summary><paramref name="stages"/> stages, each copying from the next, the last from the first: one long cycle.</summary>
    public static string CopyFromCycle(int stages)
    {
        var text = new StringBuilder();
        for (var i = 0; i < stages; i++)
        {
            text.Append("FROM scratch AS s").Append(i).Append("\nCOPY --from=s").Append((i + 1) % stages).Append(" /a /a\n");
        }

        return text.ToString();
    }

    /// <summary><c>ARG a0=xxxxxxxx</c>, then <c>ARG aN=$aN-1$aN-1</c>: each level doubles the value.</summary>
    public static string ArgDoubling(int levels)
    {
        var text = new StringBuilder("FROM scratch\nARG a0=xxxxxxxxxxxxxxxx\n");
        for (var i = 1; i <= levels; i++)
        {
            text.Append("ARG a").Append(i).Append("=$a").Append(i - 1).Append("$a").Append(i - 1).Append('\n');
        }

        return text.Append("ENV v=$a").Append(levels).Append('\n').ToString();
    }

    /// <summary>Two values of <paramref name="length"/> characters, one replacing every character of the other.</summary>
    public static string ReplaceEveryCharacter(int length) =>
        $"FROM scratch\nARG a={new string('a', length)}\nARG b={new string('b', length)}\nENV v=${{a//?/$b}}\n";

    /// <summary>A Dockerfile of <paramref name="runs"/> distinct RUN lines.</summary>
    public static string ManyRuns(int runs)
    {
        var text = new StringBuilder("FROM alpine\n");
        for (var i = 0; i < runs; i++)
        {
            text.Append("RUN echo ").Append(i).Append('\n');
        }

        return text.ToString();
    }
}
