using Xunit.Abstractions;
using Xunit.Sdk;

namespace CSharpFrontend.E2E.Tests;

/// <summary>
/// Discovers a skipped theory as one skipped test per data row (xunit reports a skipped theory as a single test), so
/// that the summary counts each case that did not run.
/// </summary>
public sealed class PerCaseSkipDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public const string TypeName = "CSharpFrontend.E2E.Tests.PerCaseSkipDiscoverer";

    public const string AssemblyName = "CSharpFrontend.E2E.Tests";

    protected override IEnumerable<IXunitTestCase> CreateTestCasesForSkip(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, string skipReason)
    {
        var cases = new List<IXunitTestCase>();
        foreach (var dataAttribute in testMethod.Method.GetCustomAttributes(typeof(DataAttribute)))
        {
            var discovererAttribute = dataAttribute.GetCustomAttributes(typeof(DataDiscovererAttribute)).First();
            var names = discovererAttribute.GetConstructorArguments().Cast<string>().ToList();
            var discovererType = SerializationHelper.GetType(names[1], names[0]);
            var discoverer = ExtensibilityPointFactory.GetDataDiscoverer(DiagnosticMessageSink, discovererType);
            foreach (var row in discoverer.GetData(dataAttribute, testMethod.Method) ?? [])
            {
                cases.AddRange(CreateTestCasesForSkippedDataRow(discoveryOptions, testMethod, theoryAttribute, row, skipReason));
            }
        }

        return cases.Count > 0 ? cases : base.CreateTestCasesForSkip(discoveryOptions, testMethod, theoryAttribute, skipReason);
    }
}
