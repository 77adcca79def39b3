using CSharpFrontend.Converter.Llb.Marshal;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>
/// BuildKit's gRPC message limit: buildkitd receives a definition in one message (a gateway <c>Solve</c> or
/// <c>buildctl build</c>'s request) of at most 16 MiB and fails a larger one daemon-side with a transport error;
/// the converter refuses it first, with a message that says why.
/// </summary>
public static class MessageLimit
{
    public const long DefaultBytes = 16L << 20;

    /// <summary>Throws <see cref="ConvertException"/> when the marshalled definition is over <paramref name="maxBytes"/>.</summary>
    public static void Check(MarshalResult definition, long maxBytes)
    {
        var size = definition.Size;
        if (size > maxBytes)
        {
            throw new ConvertException($"the build definition is {size} bytes, over BuildKit's message limit of {Format(maxBytes)}");
        }
    }

    /// <summary><c>16 MiB</c> for a whole number of MiB, else the bytes.</summary>
    public static string Format(long bytes) => bytes % (1 << 20) == 0 ? $"{bytes >> 20} MiB" : $"{bytes} bytes";
}
