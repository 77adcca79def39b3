using System.Text;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>
/// builder/build.go's <c>isArchive</c> on the first bytes of a downloaded context: bzip2, gzip or xz magic, or a
/// first tar entry that Go's <c>archive/tar</c> <c>Reader.Next</c> reads without error from those bytes alone
/// (header checksum, numeric fields, PAX and GNU meta entries followed within the bytes).
/// </summary>
public static class ArchiveHeader
{
    private const int Block = 512;

    private static readonly byte[][] Magics =
    [
        [0x42, 0x5A, 0x68],
        [0x1F, 0x8B, 0x08],
        [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00],
    ];

    /// <summary>Whether <paramref name="header"/> starts a compressed stream or a tar archive.</summary>
    public static bool IsArchive(ReadOnlySpan<byte> header)
    {
        foreach (var magic in Magics)
        {
            if (header.StartsWith(magic))
            {
                return true;
            }
        }

        return FirstTarEntryReads(header);
    }

    private static bool FirstTarEntryReads(ReadOnlySpan<byte> data)
    {
        var offset = 0;
        while (true)
        {
            if (data.Length - offset < Block)
            {
                return false;
            }

            var block = data.Slice(offset, Block);
            if (!block.ContainsAnyExcept((byte)0))
            {
                // An end-of-archive zero block, or a zero block then a non-zero one: an error either way.
                return false;
            }

            if (!TryReadHeader(block, out var typeflag, out var size))
            {
                return false;
            }

            var dataSize = typeflag is (byte)'1' or (byte)'2' or (byte)'3' or (byte)'4' or (byte)'5' or (byte)'6' ? 0 : size;
            if (dataSize < 0)
            {
                return false;
            }

            offset += Block;
            switch (typeflag)
            {
                case (byte)'x' or (byte)'g':
                    if (data.Length - offset < dataSize || !ValidPax(data.Slice(offset, (int)dataSize)))
                    {
                        return false;
                    }

                    if (typeflag == 'g')
                    {
                        return true;
                    }

                    break;
                case (byte)'L' or (byte)'K':
                    if (data.Length - offset < dataSize)
                    {
                        return false;
                    }

                    break;
                default:
                    return true;
            }

            // A meta entry: its data and padding are skipped and the entry it describes is read next.
            var padded = (dataSize + Block - 1) / Block * Block;
            if (data.Length - offset < padded)
            {
                return false;
            }

            offset += (int)padded;
        }
    }

    /// <summary>Go's <c>readHeader</c>: a known format (checksum), then every numeric field parsed.</summary>
    private static bool TryReadHeader(ReadOnlySpan<byte> block, out byte typeflag, out long size)
    {
        typeflag = block[156];
        size = 0;
        var ok = true;
        var checksum = ParseOctal(block[148..156], ref ok);
        long unsignedSum = 0, signedSum = 0;
        for (var i = 0; i < Block; i++)
        {
            var b = i is >= 148 and < 156 ? (byte)' ' : block[i];
            unsignedSum += b;
            signedSum += (sbyte)b;
        }

        if (!ok || (checksum != unsignedSum && checksum != signedSum))
        {
            return false;
        }

        var magic = block[257..263];
        var version = block[263..265];
        var star = magic.SequenceEqual("ustar\0"u8) && block[508..512].SequenceEqual("tar\0"u8);
        var ustar = magic.SequenceEqual("ustar\0"u8);
        var gnu = magic.SequenceEqual("ustar "u8) && version.SequenceEqual(" \0"u8);

        size = ParseNumeric(block[124..136], ref ok);
        ParseNumeric(block[100..108], ref ok);
        ParseNumeric(block[108..116], ref ok);
        ParseNumeric(block[116..124], ref ok);
        ParseNumeric(block[136..148], ref ok);
        if (ustar || gnu || star)
        {
            ParseNumeric(block[329..337], ref ok);
            ParseNumeric(block[337..345], ref ok);
        }

        if (star)
        {
            ParseNumeric(block[476..488], ref ok);
            ParseNumeric(block[488..500], ref ok);
        }

        return ok;
    }

    private static long ParseNumeric(ReadOnlySpan<byte> field, ref bool ok)
    {
        if (field.Length > 0 && (field[0] & 0x80) != 0)
        {
            var invert = (field[0] & 0x40) != 0 ? (byte)0xFF : (byte)0;
            ulong x = 0;
            for (var i = 0; i < field.Length; i++)
            {
                var c = (byte)(field[i] ^ invert);
                if (i == 0)
                {
                    c &= 0x7F;
                }

                if ((x >> 56) > 0)
                {
                    ok = false;
                    return 0;
                }

                x = (x << 8) | c;
            }

            if ((x >> 63) > 0)
            {
                ok = false;
                return 0;
            }

            return invert == 0xFF ? ~(long)x : (long)x;
        }

        return ParseOctal(field, ref ok);
    }

    private static long ParseOctal(ReadOnlySpan<byte> field, ref bool ok)
    {
        field = field.Trim(" \0"u8);
        var nul = field.IndexOf((byte)0);
        if (nul >= 0)
        {
            field = field[..nul];
        }

        if (field.Length == 0)
        {
            return 0;
        }

        ulong value = 0;
        foreach (var c in field)
        {
            if (c is < (byte)'0' or > (byte)'7' || (value >> 61) != 0)
            {
                ok = false;
                return 0;
            }

            value = (value << 3) | (uint)(c - (byte)'0');
        }

        return (long)value;
    }

    /// <summary>PAX records, <c>"%d %s=%s\n"</c> each, as Go's <c>parsePAXRecord</c> accepts them.</summary>
    private static bool ValidPax(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
        {
            var space = data.IndexOf((byte)' ');
            if (space <= 0 || !int.TryParse(Encoding.ASCII.GetString(data[..space]), System.Globalization.NumberStyles.None, null, out var length)
                || length < space + 1 || length > data.Length)
            {
                return false;
            }

            var record = data[(space + 1)..length];
            if (record.Length == 0 || record[^1] != '\n' || record.IndexOf((byte)'=') <= 0)
            {
                return false;
            }

            data = data[length..];
        }

        return true;
    }
}
