namespace CSharpFrontend.Frontend.Resolve;

/// <summary>
/// A failure talking to a registry (HTTP status, bad content, digest mismatch, unreachable host), before the image
/// it concerns is known; <see cref="RegistryImageResolver"/> turns it into a <see cref="ResolveException"/>.
/// </summary>
public sealed class RegistryFailure : Exception
{
    /// <summary>Creates the failure.</summary>
    public RegistryFailure(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
