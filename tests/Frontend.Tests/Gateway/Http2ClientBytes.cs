using System.Buffers.Binary;
using System.Text;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>
/// Checks that bytes a frontend wrote are an HTTP/2 client connection and nothing else: the client preface, then
/// whole frames of the types RFC 9113 defines. A stray log line on stdout would break the framing.
/// </summary>
public static class Http2ClientBytes
{
    public const string Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

    /// <summary>
    /// The frame types, in order; throws (an assertion failure) when the bytes are not clean HTTP/2. No bytes at all
    /// is clean too (a connection refused before the preface went out).
    /// </summary>
    public static IReadOnlyList<byte> FrameTypes(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return [];
        }

        var preface = Encoding.ASCII.GetBytes(Preface);
        Assert.True(bytes.Length >= preface.Length, $"only {bytes.Length} bytes: {Encoding.UTF8.GetString(bytes)}");
        Assert.True(bytes.AsSpan(0, preface.Length).SequenceEqual(preface), "no HTTP/2 preface: " + Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 80)]));
        var types = new List<byte>();
        var at = preface.Length;
        while (at < bytes.Length)
        {
            Assert.True(bytes.Length - at >= 9, $"a partial frame header at byte {at}");
            var length = (bytes[at] << 16) | (bytes[at + 1] << 8) | bytes[at + 2];
            var type = bytes[at + 3];
            Assert.True(type <= 9, $"frame type {type} at byte {at} (not HTTP/2)");
            Assert.True(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at + 5)) >> 31 == 0, $"reserved bit set at byte {at}");
            Assert.True(bytes.Length - at - 9 >= length, $"frame at byte {at} claims {length} bytes, {bytes.Length - at - 9} follow");
            types.Add(type);
            at += 9 + length;
        }

        return types;
    }
}
