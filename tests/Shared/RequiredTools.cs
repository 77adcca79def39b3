namespace CSharpFrontend.Tests.Shared;

/// <summary>
/// Programs a test takes from the machine (buildctl, Graphviz, a registry). Without one the test is skipped on a
/// developer's machine, but under <c>E2E_REQUIRED=1</c> (CI) it runs and fails, naming what is missing: CI never
/// passes by skipping.
/// </summary>
internal static class RequiredTools
{
    /// <summary>True under <c>E2E_REQUIRED=1</c>.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("E2E_REQUIRED") == "1";

    /// <summary>The skip reason for an attribute: <paramref name="missing"/>, unless tools are required.</summary>
    public static string? SkipReason(string? missing) => Required ? null : missing;

    /// <summary><paramref name="path"/>, or a failure saying <paramref name="missing"/> when it is null.</summary>
    public static string Need(string? path, string missing) =>
        path ?? throw new Xunit.Sdk.XunitException("required tool missing (E2E_REQUIRED=1): " + missing);
}
