namespace CSharpFrontend.Converter.Llb.Wire;

/// <summary>Where an op's <c>oneof op</c> (exec, source, file, ...) goes among its fields on the wire.</summary>
public enum OpFieldOrder
{
    /// <summary>Google's Go protobuf (BuildKit v0.12 and later): inputs, platform, constraints, then the oneof.</summary>
    OneofLast,

    /// <summary>gogo protobuf (BuildKit v0.11 and earlier): every field in number order.</summary>
    NumberOrder,
}
