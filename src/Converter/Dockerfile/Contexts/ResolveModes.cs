using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Dockerfile.Contexts;

/// <summary>The resolve mode as BuildKit's <c>ResolveMode.String()</c> writes it.</summary>
public static class ResolveModes
{
    /// <summary><c>default</c>, <c>pull</c> or <c>local</c>.</summary>
    public static string Name(ResolveMode mode) => mode switch
    {
        ResolveMode.ForcePull => "pull",
        ResolveMode.PreferLocal => "local",
        _ => "default",
    };
}
