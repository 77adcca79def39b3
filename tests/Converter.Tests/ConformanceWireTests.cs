using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Converter.Llb.Wire;
using CSharpFrontend.Tests.Shared;
using Pb;

namespace CSharpFrontend.Converter.Tests;

/// <summary>
/// Every reference definition decodes with our schema and re-encodes with our marshal rules to the same bytes:
/// each op (so the same digest), each metadata entry, and the definition as a whole.
/// </summary>
public sealed class ConformanceWireTests
{
    public static TheoryData<string, string> Cases() => ReferenceDefinition.AcceptedCases();

    [Fact]
    public void CorpusHasCasesToCheck() => Assert.True(Cases().Count >= 600, $"only {Cases().Count} cases found");

    /// <summary>v0.24.0 writes the op's oneof after platform and constraints (Go protobuf); v0.11.6 in number order (gogo).</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void OpsReencodeToTheSameBytesAndDigests(string corpus, string caseName)
    {
        var reference = ReferenceDefinition.Load(ReferenceCorpus.Named(corpus), caseName);
        var order = corpus == "v0.11" ? OpFieldOrder.NumberOrder : OpFieldOrder.OneofLast;
        foreach (var opBytes in reference.Definition.Def)
        {
            var op = Op.Parser.ParseFrom(opBytes);
            var reencoded = GoWireWriter.Write(op, order);
            Assert.Equal(Convert.ToHexString(opBytes.Span), Convert.ToHexString(reencoded));
            Assert.Contains(Digest.Of(reencoded).Value, reference.Definition.Metadata.Keys);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DefinitionReencodesToTheSameBytes(string corpus, string caseName)
    {
        var reference = ReferenceDefinition.Load(ReferenceCorpus.Named(corpus), caseName);
        Assert.Equal(Convert.ToHexString(reference.Bytes), Convert.ToHexString(GoWireWriter.Write(reference.Definition)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MetadataEntriesReencodeToTheSameBytes(string corpus, string caseName)
    {
        var reference = ReferenceDefinition.Load(ReferenceCorpus.Named(corpus), caseName);
        foreach (var (digest, metadata) in RawMetadataEntries(reference.Bytes))
        {
            Assert.Equal(Convert.ToHexString(metadata), Convert.ToHexString(GoWireWriter.Write(reference.Definition.Metadata[digest])));
        }
    }

    [Fact]
    public void EmptyMapValuesAreWrittenAsGoDoes()
    {
        var metadata = new OpMetadata();
        metadata.Description["com.docker.dockerfile.v1.command"] = "";
        metadata.Caps["b"] = false;
        metadata.Caps["a"] = true;

        // description entry: key + empty value (12 00); caps in key order, the false value written (10 00).
        Assert.Equal(
            "12240A20636F6D2E646F636B65722E646F636B657266696C652E76312E636F6D6D616E641200" + "2A050A01611001" + "2A050A01621000",
            Convert.ToHexString(GoWireWriter.Write(metadata)));
    }

    [Fact]
    public void MapKeysAreSortedByUtf8Bytes()
    {
        var source = new SourceOp { Identifier = "x" };
        source.Attrs["\uFF21"] = "1"; // U+FF21 sorts before U+1F600 in UTF-8, after it in UTF-16 code units
        source.Attrs["\U0001F600"] = "2";
        source.Attrs["a"] = "3";
        var op = new Op { Source = source };
        var keys = Op.Parser.ParseFrom(GoWireWriter.Write(op)).Source.Attrs.Keys.ToArray();
        Assert.Equal(["a", "\uFF21", "\U0001F600"], keys);
    }

    /// <summary>The raw (digest, metadata bytes) entries of field 2 of a definition, read straight off the wire.</summary>
    private static IEnumerable<(string Digest, byte[] Metadata)> RawMetadataEntries(byte[] definition)
    {
        var input = new Google.Protobuf.CodedInputStream(definition);
        var entries = new List<(string, byte[])>();
        while (input.ReadTag() is var tag and not 0)
        {
            if (Google.Protobuf.WireFormat.GetTagFieldNumber(tag) != 2)
            {
                input.SkipLastField();
                continue;
            }

            var entry = new Google.Protobuf.CodedInputStream(input.ReadBytes().ToByteArray());
            string key = "";
            byte[] value = [];
            while (entry.ReadTag() is var entryTag and not 0)
            {
                if (Google.Protobuf.WireFormat.GetTagFieldNumber(entryTag) == 1)
                {
                    key = entry.ReadString();
                }
                else
                {
                    value = entry.ReadBytes().ToByteArray();
                }
            }

            entries.Add((key, value));
        }

        return entries;
    }
}
