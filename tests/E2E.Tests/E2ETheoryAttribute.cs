using Xunit.Sdk;

namespace CSharpFrontend.E2E.Tests;

/// <summary>A case that needs the daemon and images: skipped without them, failed without them when E2E_REQUIRED=1.</summary>
[XunitTestCaseDiscoverer(PerCaseSkipDiscoverer.TypeName, PerCaseSkipDiscoverer.AssemblyName)]
public sealed class E2ETheoryAttribute : TheoryAttribute
{
    public E2ETheoryAttribute()
    {
        if (!E2EEnvironment.Required && E2EEnvironment.MissingReason is { } reason)
        {
            Skip = "end-to-end suite not available: " + reason;
        }
    }
}
