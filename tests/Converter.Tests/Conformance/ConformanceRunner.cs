using System.Text.Json.Nodes;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Image;

namespace CSharpFrontend.Converter.Tests.Conformance;

/// <summary>How one case compared: each dimension checked, with the first difference found.</summary>
internal sealed record CaseOutcome(string Name, bool Accepted, bool Graph, bool Metadata, bool Image, bool Rejected, bool SameMessage, string Detail)
{
    public bool Passed => Accepted ? Graph && Metadata && Image : Rejected && SameMessage;
}

/// <summary>Converts a case and compares the result with the reference's.</summary>
internal static class ConformanceRunner
{
    public static CaseOutcome Run(ConformanceCase testCase)
    {
        ConvertResult? result = null;
        string? error = null;
        try
        {
            result = DockerfileConverter.ConvertAsync(testCase.Dockerfile, testCase.Options).AsTask().GetAwaiter().GetResult();
        }
        catch (ConvertException ex)
        {
            error = ex.Message;
        }
        catch (Exception ex)
        {
            return new CaseOutcome(testCase.Name, testCase.Accepted, false, false, false, false, false, "crash: " + ex);
        }

        if (!testCase.Accepted)
        {
            var expected = testCase.ExpectedError ?? "";
            var same = error == expected;
            return new CaseOutcome(testCase.Name, false, false, false, false, error is not null, same,
                error is null ? "accepted, the reference rejected: " + expected : same ? "" : $"message: ours \"{error}\", reference \"{expected}\"");
        }

        if (result is null)
        {
            return new CaseOutcome(testCase.Name, true, false, false, false, false, false, "rejected: " + error);
        }

        var reference = ReferenceDefinition.Load(testCase.Corpus, testCase.Name);
        var expectedDigests = reference.OpsByDigest.Keys.Order(StringComparer.Ordinal).ToArray();
        var ours = result.Definition.Ops.Select(o => o.Digest.Value).Order(StringComparer.Ordinal).ToArray();
        var head = reference.Definition.Def.Count == 0 ? null : reference.Head;
        var graph = expectedDigests.SequenceEqual(ours) && head == result.Definition.Head?.Value;
        var detail = graph ? "" : GraphDifference(reference, result);
        var metadata = graph && MetadataMatches(testCase, reference, result, ref detail);
        var image = ImageMatches(testCase, result, ref detail);
        return new CaseOutcome(testCase.Name, true, graph, metadata, image, false, false, detail);
    }

    private static bool MetadataMatches(ConformanceCase testCase, ReferenceDefinition reference, ConvertResult result, ref string detail)
    {
        var variants = testCase.MetadataVariants;
        foreach (var op in result.Definition.Ops)
        {
            var ours = GraphAssert.Hex(GraphAssert.WithoutGroupId(result.Definition.Definition.Metadata[op.Digest.Value]));
            var theirs = GraphAssert.Hex(GraphAssert.WithoutGroupId(reference.Definition.Metadata[op.Digest.Value]));
            if (ours == theirs || variants.TryGetValue(op.Digest.Value, out var allowed) && allowed.Contains(ours))
            {
                continue;
            }

            detail = $"metadata of {op.Digest}: ours {result.Definition.Definition.Metadata[op.Digest.Value]}, reference {reference.Definition.Metadata[op.Digest.Value]}";
            return false;
        }

        return true;
    }

    private static bool ImageMatches(ConformanceCase testCase, ConvertResult result, ref string detail)
    {
        var expected = testCase.ExpectedImage;
        var ours = JsonNode.Parse(ImageConfigWriter.ToJson(result.Image, result.ImageLayout));
        if (JsonNode.DeepEquals(expected, ours))
        {
            return true;
        }

        if (detail.Length == 0)
        {
            detail = $"image: ours {ours?.ToJsonString()}\nreference {expected?.ToJsonString()}";
        }

        return false;
    }

    private static string GraphDifference(ReferenceDefinition reference, ConvertResult result)
    {
        var theirs = reference.OpsByDigest;
        var ours = result.Definition.Ops.ToDictionary(o => o.Digest.Value, o => o);
        var missing = theirs.Where(kv => !ours.ContainsKey(kv.Key)).Select(kv => $"  - {kv.Key[7..19]} {reference.Definition.Metadata[kv.Key].Description} {kv.Value}");
        var extra = ours.Where(kv => !theirs.ContainsKey(kv.Key)).Select(kv => $"  + {kv.Key[7..19]} {kv.Value.Metadata.Description} {kv.Value.Op}");
        return "graph differs:\n" + string.Join("\n", missing.Concat(extra));
    }
}
