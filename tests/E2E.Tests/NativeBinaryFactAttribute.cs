using CSharpFrontend.Tests.Shared;
using Xunit;

namespace CSharpFrontend.E2E.Tests;

/// <summary>A test of the published NativeAOT binary (<c>out/aot/csharp-frontend</c>, made by e2e set-up).</summary>
public sealed class NativeBinaryFactAttribute : FactAttribute
{
    public NativeBinaryFactAttribute()
    {
        Skip = RequiredTools.SkipReason(File.Exists(PathIfAny) ? null : Missing);
    }

    public const string Missing = "out/aot/csharp-frontend is missing: run scripts/publish-aot.sh (scripts/e2e-setup.sh does)";

    private static string PathIfAny => System.IO.Path.Combine(TestPaths.RepoRoot, "out", "aot", "csharp-frontend");

    /// <summary>The binary; a test failure naming what is missing when there is none.</summary>
    public static string Path => RequiredTools.Need(File.Exists(PathIfAny) ? PathIfAny : null, Missing);
}

/// <summary>A theory over the published NativeAOT binary (see <see cref="NativeBinaryFactAttribute"/>).</summary>
public sealed class NativeBinaryTheoryAttribute : TheoryAttribute
{
    public NativeBinaryTheoryAttribute()
    {
        Skip = new NativeBinaryFactAttribute().Skip;
    }
}
