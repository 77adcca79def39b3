namespace CSharpFrontend.Frontend.Resolve;

/// <summary>A base image that could not be resolved; the message names the image and says why.</summary>
public sealed class ResolveException : Exception
{
    /// <summary>Creates the exception for <paramref name="image"/> (a normalized reference).</summary>
    public ResolveException(string image, string reason, Exception? inner = null)
        : base($"{image}: {reason}", inner)
    {
        Image = image;
        Reason = reason;
    }

    /// <summary>The normalized reference that failed.</summary>
    public string Image { get; }

    /// <summary>What went wrong, without the image name.</summary>
    public string Reason { get; }
}
