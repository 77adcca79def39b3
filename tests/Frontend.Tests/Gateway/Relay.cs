namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>
/// Copies bytes both ways between the frontend's side and the daemon's, keeping what the frontend wrote, until
/// either side ends or <see cref="Cut"/> drops the connection (both directions closed at once).
/// </summary>
public sealed class Relay : IAsyncDisposable
{
    private readonly Stream _fromFrontend;
    private readonly Stream _toFrontend;
    private readonly Stream _daemon;
    private readonly MemoryStream _written = new();
    private readonly Lock _lock = new();
    private readonly Task _up;
    private readonly Task _down;
    private int _cut;

    /// <param name="fromFrontend">What the frontend writes (its stdout).</param>
    /// <param name="toFrontend">What the frontend reads (its stdin); closed when the connection is cut.</param>
    /// <param name="daemon">The daemon's connection.</param>
    public Relay(Stream fromFrontend, Stream toFrontend, Stream daemon)
    {
        _fromFrontend = fromFrontend;
        _toFrontend = toFrontend;
        _daemon = daemon;
        _up = Pump(fromFrontend, daemon, record: true);
        _down = Pump(daemon, toFrontend, record: false);
    }

    /// <summary>Every byte the frontend wrote so far.</summary>
    public byte[] FrontendBytes
    {
        get
        {
            lock (_lock)
            {
                return _written.ToArray();
            }
        }
    }

    /// <summary>Drops the connection: the daemon side closed, the frontend's input at end of file, nothing more relayed.</summary>
    public void Cut()
    {
        if (Interlocked.Exchange(ref _cut, 1) == 0)
        {
            _daemon.Dispose();
            _toFrontend.Dispose();
        }
    }

    /// <summary>Waits (bounded) until the frontend's output has ended.</summary>
    public async Task DrainAsync(TimeSpan timeout) => await Task.WhenAny(_up, Task.Delay(timeout));

    public async ValueTask DisposeAsync()
    {
        Cut();
        _fromFrontend.Dispose();
        await Task.WhenAny(Task.WhenAll(_up, _down), Task.Delay(2000));
    }

    private async Task Pump(Stream from, Stream to, bool record)
    {
        var buffer = new byte[16384];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer)) > 0)
            {
                if (record)
                {
                    lock (_lock)
                    {
                        _written.Write(buffer, 0, read);
                    }
                }

                if (Volatile.Read(ref _cut) == 0)
                {
                    await to.WriteAsync(buffer.AsMemory(0, read));
                    await to.FlushAsync();
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            if (record)
            {
                // Keep reading what the frontend writes after the cut, so the check of its output sees everything.
                await KeepRecording(from, buffer);
            }
        }
    }

    private async Task KeepRecording(Stream from, byte[] buffer)
    {
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer)) > 0)
            {
                lock (_lock)
                {
                    _written.Write(buffer, 0, read);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }
}
