using Pb;

namespace CSharpFrontend.Converter.Llb.Marshal;

/// <summary>Metadata of two occurrences of one op: the later one's values win, caps add up.</summary>
internal static class MetadataMerge
{
    public static OpMetadata Merge(OpMetadata first, OpMetadata second)
    {
        var merged = first.Clone();
        merged.IgnoreCache |= second.IgnoreCache;
        foreach (var (key, value) in second.Description)
        {
            merged.Description[key] = value;
        }

        if (second.ExportCache is not null)
        {
            merged.ExportCache = second.ExportCache.Clone();
        }

        foreach (var cap in second.Caps.Keys)
        {
            merged.Caps[cap] = true;
        }

        if (second.ProgressGroup is not null)
        {
            merged.ProgressGroup = second.ProgressGroup.Clone();
        }

        return merged;
    }

    /// <summary>The metadata part of constraints, as an op's <c>OpMetadata</c>.</summary>
    public static OpMetadata From(OpConstraints constraints)
    {
        var metadata = new OpMetadata { IgnoreCache = constraints.IgnoreCache };
        foreach (var (key, value) in constraints.Description)
        {
            metadata.Description[key] = value;
        }

        foreach (var cap in constraints.Caps)
        {
            metadata.Caps[cap] = true;
        }

        if (constraints.ExportCache is { } export)
        {
            metadata.ExportCache = new ExportCache { Value = export };
        }

        if (constraints.ProgressGroup is { } group)
        {
            metadata.ProgressGroup = new ProgressGroup { Id = group.Id, Name = group.Name, Weak = group.Weak };
        }

        return metadata;
    }
}
