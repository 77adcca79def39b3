namespace CSharpFrontend.Converter.Llb.Marshal;

/// <summary>A graph that cannot be marshalled, with the message BuildKit's <c>llb</c> package gives for it.</summary>
public sealed class LlbMarshalException(string message) : Exception(message);
