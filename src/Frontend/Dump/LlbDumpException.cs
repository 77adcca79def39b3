namespace CSharpFrontend.Frontend.Dump;

/// <summary>The input could not be read as a <c>pb.Definition</c>; the message says why.</summary>
public sealed class LlbDumpException(string message, Exception? inner = null) : Exception(message, inner);
