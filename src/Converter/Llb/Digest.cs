namespace CSharpFrontend.Converter.Llb;

/// <summary>A content digest in OCI form: <c>sha256:</c> followed by 64 lower-case hex digits.</summary>
public readonly record struct Digest(string Value)
{
    public static Digest Of(ReadOnlySpan<byte> content) =>
        new("sha256:" + Convert.ToHexStringLower(Sha256.HashData(content)));

    public override string ToString() => Value;
}
