namespace CSharpFrontend.Converter.Llb.Wire;

/// <summary>A write-only stream that keeps nothing but the number of bytes written to it.</summary>
internal sealed class CountingStream : Stream
{
    public long Count { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Count;

    public override long Position
    {
        get => Count;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Count += count;

    public override void Write(ReadOnlySpan<byte> buffer) => Count += buffer.Length;

    public override void WriteByte(byte value) => Count++;

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
