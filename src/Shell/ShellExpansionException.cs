namespace CSharpFrontend.Shell;

/// <summary>Raised when a word cannot be expanded; <see cref="Exception.Message"/> carries BuildKit's text.</summary>
public sealed class ShellExpansionException : Exception
{
    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    public ShellExpansionException(ShellExpansionError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).Message)
    {
        Error = error;
    }

    /// <summary>The structured error.</summary>
    public ShellExpansionError Error { get; }

    /// <summary>The reason without the <c>failed to process</c> prefix.</summary>
    public string Reason => Error.Reason;
}
