using System.Text.RegularExpressions;
using CSharpFrontend.Shared;

namespace CSharpFrontend.Converter.Llb;

/// <summary>
/// The grammar containerd's <c>platforms.Parse</c> accepts before it normalizes (BuildKit v0.24.0): no wildcard, at most
/// three components, the first <c>os[(osversion)]</c>, the others <c>[A-Za-z0-9_.-]+</c>; a single component must be a
/// known OS or architecture. Errors in its words.
/// </summary>
internal static partial class PlatformSpecifier
{
    private const string ComponentPattern = "^[A-Za-z0-9_.-]+$";
    private const string OsAndVersionPattern = @"^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.-]*)\))?$";

    /// <summary>The components of <paramref name="text"/> and the OS version of the first, or a FormatException.</summary>
    public static (string[] Parts, string OSVersion) Split(string text)
    {
        var quoted = GoQuoting.Quote(text);
        if (text.Contains('*'))
        {
            throw Invalid($"{quoted}: wildcards not yet supported");
        }

        var parts = text.Split('/', 4);
        var match = OsAndVersion().Match(parts[0]);
        if (!match.Success)
        {
            throw Invalid($"{GoQuoting.Quote(parts[0])} is an invalid OS component of {quoted}: OSAndVersion specifier component must match {GoQuoting.Quote(OsAndVersionPattern)}");
        }

        foreach (var part in parts.Skip(1))
        {
            if (!Component().IsMatch(part))
            {
                throw Invalid($"{GoQuoting.Quote(part)} is an invalid component of {quoted}: platform specifier component must match {GoQuoting.Quote(ComponentPattern)}");
            }
        }

        if (parts.Length == 4)
        {
            throw Invalid($"{quoted}: cannot parse platform specifier");
        }

        parts[0] = match.Groups[1].Value;
        return (parts, match.Groups[2].Value);
    }

    /// <summary>containerd's <c>isKnownArch</c>.</summary>
    public static bool IsKnownArch(string arch) => arch is "386" or "amd64" or "amd64p32" or "arm" or "armbe" or "arm64" or "arm64be"
        or "ppc64" or "ppc64le" or "loong64" or "mips" or "mipsle" or "mips64" or "mips64le" or "mips64p32" or "mips64p32le" or "ppc"
        or "riscv" or "riscv64" or "s390" or "s390x" or "sparc" or "sparc64" or "wasm";

    public static FormatException Unknown(string text) => Invalid($"{GoQuoting.Quote(text)}: unknown operating system or architecture");

    private static FormatException Invalid(string message) => new(message + ": invalid argument");

    // The patterns end in \z: .NET's $ also matches before a final newline, Go's does not.
    [GeneratedRegex(@"^[A-Za-z0-9_.-]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex Component();

    [GeneratedRegex(@"^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.-]*)\))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex OsAndVersion();
}
