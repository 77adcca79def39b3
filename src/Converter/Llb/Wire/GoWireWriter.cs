using Google.Protobuf;
using Pb;

namespace CSharpFrontend.Converter.Llb.Wire;

/// <summary>
/// Serializes LLB messages exactly as BuildKit's Go marshaller does (deterministic: stable map order); the place of an
/// op's oneof depends on the protobuf library of the release (<see cref="OpFieldOrder"/>).
/// Google.Protobuf already writes fields in number order, skips default scalars and writes set sub-messages even
/// when empty; it differs from Go in map entries only: Go writes every key and value even when they hold a default
/// value (an empty description string, a false cap), and sorts the keys. This writer handles the messages that
/// carry maps and leaves the rest to the generated code.
/// </summary>
public static class GoWireWriter
{
    /// <summary>The bytes of an op; their SHA-256 is the op's digest.</summary>
    public static byte[] Write(Op op, OpFieldOrder order = OpFieldOrder.OneofLast) => Build(w => WriteOp(w, op, order));

    /// <summary>The bytes of an op's metadata, as stored in a definition's metadata map.</summary>
    public static byte[] Write(OpMetadata metadata) => Build(w => WriteOpMetadata(w, metadata));

    /// <summary>The bytes of a whole definition.</summary>
    public static byte[] Write(Definition definition) => Build(w => WriteDefinition(w, definition));

    private static byte[] Build(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        write(output);
        output.Flush();
        return buffer.ToArray();
    }

    private static void WriteOp(CodedOutputStream w, Op op, OpFieldOrder order)
    {
        foreach (var input in op.Inputs)
        {
            WriteMessage(w, 1, input);
        }

        if (order == OpFieldOrder.NumberOrder)
        {
            WriteOpOneof(w, op);
        }

        if (op.Platform is not null)
        {
            WriteMessage(w, 10, op.Platform);
        }

        if (op.Constraints is not null)
        {
            WriteMessage(w, 11, op.Constraints);
        }

        if (order == OpFieldOrder.OneofLast)
        {
            WriteOpOneof(w, op);
        }
    }

    private static void WriteOpOneof(CodedOutputStream w, Op op)
    {
        switch (op.OpCase)
        {
            case Op.OpOneofCase.Exec: WriteMessage(w, 2, op.Exec); break;
            case Op.OpOneofCase.Source: WriteNested(w, 3, op.Source, WriteSourceOp); break;
            case Op.OpOneofCase.File: WriteMessage(w, 4, op.File); break;
            case Op.OpOneofCase.Build: WriteNested(w, 5, op.Build, WriteBuildOp); break;
            case Op.OpOneofCase.Merge: WriteMessage(w, 6, op.Merge); break;
            case Op.OpOneofCase.Diff: WriteMessage(w, 7, op.Diff); break;
            case Op.OpOneofCase.Passthrough: WriteMessage(w, 8, op.Passthrough); break;
        }
    }

    private static void WriteSourceOp(CodedOutputStream w, SourceOp source)
    {
        WriteString(w, 1, source.Identifier);
        WriteStringMap(w, 2, source.Attrs);
    }

    private static void WriteBuildOp(CodedOutputStream w, BuildOp build)
    {
        if (build.Builder != 0)
        {
            w.WriteTag(1, WireFormat.WireType.Varint);
            w.WriteInt64(build.Builder);
        }

        foreach (var (key, value) in Sorted(build.Inputs))
        {
            WriteEntry(w, 2, key, e => WriteMessage(e, 2, value));
        }

        if (build.Def is not null)
        {
            WriteNested(w, 3, build.Def, WriteDefinition);
        }

        WriteStringMap(w, 4, build.Attrs);
    }

    private static void WriteDefinition(CodedOutputStream w, Definition definition)
    {
        foreach (var op in definition.Def)
        {
            w.WriteTag(1, WireFormat.WireType.LengthDelimited);
            w.WriteBytes(op);
        }

        foreach (var (digest, metadata) in Sorted(definition.Metadata))
        {
            WriteEntry(w, 2, digest, e => WriteNested(e, 2, metadata, WriteOpMetadata));
        }

        if (definition.Source is not null)
        {
            WriteNested(w, 3, definition.Source, WriteSource);
        }
    }

    private static void WriteOpMetadata(CodedOutputStream w, OpMetadata metadata)
    {
        if (metadata.IgnoreCache)
        {
            w.WriteTag(1, WireFormat.WireType.Varint);
            w.WriteBool(true);
        }

        WriteStringMap(w, 2, metadata.Description);
        if (metadata.ExportCache is not null)
        {
            WriteMessage(w, 4, metadata.ExportCache);
        }

        foreach (var (cap, enabled) in Sorted(metadata.Caps))
        {
            // Entry: key (tag + length + bytes), value (tag + one varint byte).
            w.WriteTag(5, WireFormat.WireType.LengthDelimited);
            w.WriteLength(1 + CodedOutputStream.ComputeStringSize(cap) + 2);
            w.WriteTag(1, WireFormat.WireType.LengthDelimited);
            w.WriteString(cap);
            w.WriteTag(2, WireFormat.WireType.Varint);
            w.WriteBool(enabled);
        }

        if (metadata.ProgressGroup is not null)
        {
            WriteMessage(w, 6, metadata.ProgressGroup);
        }

        if (metadata.LinuxResources is not null)
        {
            WriteMessage(w, 7, metadata.LinuxResources);
        }
    }

    private static void WriteSource(CodedOutputStream w, Source source)
    {
        foreach (var (digest, locations) in Sorted(source.Locations))
        {
            WriteEntry(w, 1, digest, e => WriteMessage(e, 2, locations));
        }

        foreach (var info in source.Infos)
        {
            WriteNested(w, 2, info, WriteSourceInfo);
        }
    }

    private static void WriteSourceInfo(CodedOutputStream w, SourceInfo info)
    {
        WriteString(w, 1, info.Filename);
        if (!info.Data.IsEmpty)
        {
            w.WriteTag(2, WireFormat.WireType.LengthDelimited);
            w.WriteBytes(info.Data);
        }

        if (info.Definition is not null)
        {
            WriteNested(w, 3, info.Definition, WriteDefinition);
        }

        WriteString(w, 4, info.Language);
    }

    private static void WriteStringMap(CodedOutputStream w, int field, IDictionary<string, string> map)
    {
        foreach (var (key, value) in Sorted(map))
        {
            // Entry: key and value, each tag + length + bytes, both always written.
            w.WriteTag(field, WireFormat.WireType.LengthDelimited);
            w.WriteLength(2 + CodedOutputStream.ComputeStringSize(key) + CodedOutputStream.ComputeStringSize(value));
            w.WriteTag(1, WireFormat.WireType.LengthDelimited);
            w.WriteString(key);
            w.WriteTag(2, WireFormat.WireType.LengthDelimited);
            w.WriteString(value);
        }
    }

    /// <summary>A map entry: key (always written), then the value written by <paramref name="writeValue"/>.</summary>
    private static void WriteEntry(CodedOutputStream w, int field, string key, Action<CodedOutputStream> writeValue) =>
        WriteLengthDelimited(w, field, Build(e =>
        {
            e.WriteTag(1, WireFormat.WireType.LengthDelimited);
            e.WriteString(key);
            writeValue(e);
        }));

    private static void WriteNested<T>(CodedOutputStream w, int field, T message, Action<CodedOutputStream, T> write) =>
        WriteLengthDelimited(w, field, Build(e => write(e, message)));

    private static void WriteMessage(CodedOutputStream w, int field, IMessage message)
    {
        w.WriteTag(field, WireFormat.WireType.LengthDelimited);
        w.WriteMessage(message);
    }

    private static void WriteString(CodedOutputStream w, int field, string value)
    {
        if (value.Length > 0)
        {
            w.WriteTag(field, WireFormat.WireType.LengthDelimited);
            w.WriteString(value);
        }
    }

    private static void WriteLengthDelimited(CodedOutputStream w, int field, byte[] bytes)
    {
        w.WriteTag(field, WireFormat.WireType.LengthDelimited);
        w.WriteBytes(UnsafeByteOperations.UnsafeWrap(bytes));
    }

    private static IEnumerable<KeyValuePair<string, TValue>> Sorted<TValue>(IDictionary<string, TValue> map)
    {
        if (map.Count <= 1)
        {
            return map;
        }

        var entries = map.ToArray();
        Array.Sort(entries, static (a, b) => Utf8Order.Instance.Compare(a.Key, b.Key));
        return entries;
    }
}
