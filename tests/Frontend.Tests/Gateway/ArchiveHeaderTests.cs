using System.Formats.Tar;
using System.Text;
using CSharpFrontend.Frontend.Gateway;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>
/// builder/build.go's <c>isArchive</c> on the first 1024 bytes of an http context: compression magic, or a first
/// entry Go's <c>tar.Reader.Next</c> reads from those bytes alone.
/// </summary>
public sealed class ArchiveHeaderTests
{
    private static byte[] Tar(TarEntryFormat format, string name, int take = 1024)
    {
        using var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, format, leaveOpen: true))
        {
            TarEntry entry = format switch
            {
                TarEntryFormat.Ustar => new UstarTarEntry(TarEntryType.RegularFile, name),
                TarEntryFormat.Gnu => new GnuTarEntry(TarEntryType.RegularFile, name),
                TarEntryFormat.Pax => new PaxTarEntry(TarEntryType.RegularFile, name),
                _ => new V7TarEntry(TarEntryType.V7RegularFile, name),
            };
            entry.DataStream = new MemoryStream(Encoding.UTF8.GetBytes("FROM alpine\n"));
            writer.WriteEntry(entry);
        }

        return stream.ToArray().Take(take).ToArray();
    }

    [Theory]
    [InlineData(new byte[] { 0x42, 0x5A, 0x68 })]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00 })]
    [InlineData(new byte[] { 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00 })]
    public void CompressionMagicIsAnArchive(byte[] header) => Assert.True(ArchiveHeader.IsArchive(header));

    [Theory]
    [InlineData(new byte[] { 0x1F, 0x8B })]
    [InlineData(new byte[] { 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x01 })]
    public void ShortOrWrongMagicIsNot(byte[] header) => Assert.False(ArchiveHeader.IsArchive(header));

    [Theory]
    [InlineData(TarEntryFormat.V7)]
    [InlineData(TarEntryFormat.Ustar)]
    [InlineData(TarEntryFormat.Gnu)]
    public void AFirstTarHeaderIsAnArchive(TarEntryFormat format) => Assert.True(ArchiveHeader.IsArchive(Tar(format, "Dockerfile")));

    [Fact]
    public void APaxEntryNeedsTheHeaderAfterIt()
    {
        // A PAX entry's extended header ('x') comes first; Go reads on to the real header, at offset 1024 at the
        // earliest, which the 1024 bytes do not hold: Next fails and upstream does not unpack.
        var pax = Tar(TarEntryFormat.Pax, "Dockerfile", take: 4096);
        Assert.Equal((byte)'x', pax[156]);
        Assert.False(ArchiveHeader.IsArchive(pax.AsSpan(0, 1024)));
    }

    [Fact]
    public void ABrokenChecksumIsNot()
    {
        var tar = Tar(TarEntryFormat.Ustar, "Dockerfile");
        tar[0] ^= 1;
        Assert.False(ArchiveHeader.IsArchive(tar));
    }

    [Fact]
    public void LessThanABlockIsNot() => Assert.False(ArchiveHeader.IsArchive(Tar(TarEntryFormat.Ustar, "Dockerfile", take: 511)));

    [Fact]
    public void ZeroBlocksAreNot() => Assert.False(ArchiveHeader.IsArchive(new byte[1024]));

    [Fact]
    public void ADockerfileIsNot() =>
        Assert.False(ArchiveHeader.IsArchive(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("FROM alpine\nRUN echo hello\n", 40)))));
}
