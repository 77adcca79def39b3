namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary>
/// BuildKit v0.11.6's <c>buildctl</c> when <c>BUILDCTL</c> names one (built with Go 1.19, as the release was: newer
/// Go writes <c>\b</c> and <c>\f</c> where it wrote <c>\u0008</c> and <c>\u000c</c>); null otherwise. Only needed to
/// check or rewrite the recorded v0.11.6 dumps.
/// </summary>
internal static class BuildctlV011
{
    public static string? Path =>
        Environment.GetEnvironmentVariable("BUILDCTL") is { Length: > 0 } path && File.Exists(path) ? path : null;
}
