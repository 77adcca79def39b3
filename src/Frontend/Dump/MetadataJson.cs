using Pb;

namespace CSharpFrontend.Frontend.Dump;

internal sealed partial class LlbJson
{
    /// <summary>An op's metadata; <c>null</c> writes the zero value Go gets for a digest missing from the map.</summary>
    public void OpMetadata(GoJsonWriter w, OpMetadata? metadata)
    {
        metadata ??= new OpMetadata();
        w.StartObject();
        w.OptBool("ignore_cache", metadata.IgnoreCache);
        w.OptStringMap("description", metadata.Description);
        w.OptObject("export_cache", metadata.ExportCache, static (writer, export) =>
        {
            writer.StartObject();
            writer.OptBool("Value", export.Value);
            writer.EndObject();
        });
        w.Map("caps", metadata.Caps, omitEmpty: !format.WritesNonNullableZeroFields, static (writer, value) => writer.Bool(value));
        w.OptObject("progress_group", metadata.ProgressGroup, static (writer, group) =>
        {
            writer.StartObject();
            writer.OptString("id", group.Id);
            writer.OptString("name", group.Name);
            writer.OptBool("weak", group.Weak);
            writer.EndObject();
        });
        w.OptObject("linux_resources", metadata.LinuxResources, LinuxResources);
        w.EndObject();
    }

    private static void LinuxResources(GoJsonWriter w, LinuxResources resources)
    {
        w.StartObject();
        w.OptNumber("memory", resources.Memory);
        w.OptNumber("memorySwap", resources.MemorySwap);
        w.OptNumber("cpuShares", resources.CpuShares);
        w.OptNumber("cpuPeriod", resources.CpuPeriod);
        w.OptNumber("cpuQuota", resources.CpuQuota);
        w.OptString("cpusetCpus", resources.CpusetCpus);
        w.OptString("cpusetMems", resources.CpusetMems);
        w.EndObject();
    }

    /// <summary>A nested definition (build ops, source infos); its ops stay base64 bytes, as in Go.</summary>
    private void Definition(GoJsonWriter w, Definition definition)
    {
        w.StartObject();
        if (definition.Def.Count > 0)
        {
            w.Name("def");
            w.StartArray();
            foreach (var op in definition.Def)
            {
                w.Base64(op.Span);
            }

            w.EndArray();
        }

        w.Map("metadata", definition.Metadata, omitEmpty: !format.WritesNonNullableZeroFields, OpMetadata);
        w.OptObject("Source", definition.Source, Source);
        w.EndObject();
    }

    private void Source(GoJsonWriter w, Source source)
    {
        w.StartObject();
        w.Map("locations", source.Locations, omitEmpty: true, (writer, locations) =>
        {
            writer.StartObject();
            writer.OptArray("locations", locations.Locations_, Location);
            writer.EndObject();
        });
        w.OptArray("infos", source.Infos, SourceInfo);
        w.EndObject();
    }

    private void SourceInfo(GoJsonWriter w, SourceInfo info)
    {
        w.StartObject();
        w.OptString("filename", info.Filename);
        w.OptBytes("data", info.Data);
        w.OptObject("definition", info.Definition, Definition);
        w.OptString("language", info.Language);
        w.EndObject();
    }

    private void Location(GoJsonWriter w, Location location)
    {
        w.StartObject();
        w.OptNumber("sourceIndex", location.SourceIndex);
        w.OptArray("ranges", location.Ranges, (writer, range) =>
        {
            writer.StartObject();
            RangeEnd(writer, "start", range.Start);
            RangeEnd(writer, "end", range.End);
            writer.EndObject();
        });
        w.EndObject();
    }

    /// <summary>
    /// gogo's <c>Range</c> holds its positions by value: an unset one is still written, as <c>{}</c>;
    /// protobuf-go's holds pointers, left out when unset.
    /// </summary>
    private void RangeEnd(GoJsonWriter w, string name, Position? position)
    {
        if (position is null && !format.WritesNonNullableZeroFields)
        {
            return;
        }

        w.Name(name);
        Position(w, position);
    }

    private static void Position(GoJsonWriter w, Position? position)
    {
        w.StartObject();
        if (position is not null)
        {
            w.OptNumber("line", position.Line);
            w.OptNumber("character", position.Character);
        }

        w.EndObject();
    }
}
