using Pb;

namespace CSharpFrontend.Frontend.Dump;

/// <summary>
/// JSON of LLB messages in the shape of a BuildKit release's Go structs under <c>encoding/json</c>, as
/// <paramref name="format"/> says: Go field names or json tags, <c>omitempty</c> where the tag has it,
/// oneofs as a wrapper object named after the Go field, enums as numbers.
/// </summary>
/// <remarks>
/// Fields that the release does not know (later additions to the schema, such as the passthrough op, a copy's
/// required paths, the metadata's Linux resources; for v0.11.6 also symlink actions and CDI devices) are written
/// after the known ones, named as in the proto file, and only when set; a definition that the release can
/// express therefore dumps exactly as it does.
/// </remarks>
internal sealed partial class LlbJson(DumpFormat format)
{
    public void Op(GoJsonWriter w, Op op)
    {
        w.StartObject();
        w.OptArray("inputs", op.Inputs, Input);
        w.Name("Op");
        switch (op.OpCase)
        {
            case Pb.Op.OpOneofCase.Exec:
                Wrapped(w, "exec", op.Exec, ExecOp);
                break;
            case Pb.Op.OpOneofCase.Source:
                Wrapped(w, "source", op.Source, SourceOp);
                break;
            case Pb.Op.OpOneofCase.File:
                Wrapped(w, "file", op.File, FileOp);
                break;
            case Pb.Op.OpOneofCase.Build:
                Wrapped(w, "build", op.Build, BuildOp);
                break;
            case Pb.Op.OpOneofCase.Merge:
                Wrapped(w, "merge", op.Merge, MergeOp);
                break;
            case Pb.Op.OpOneofCase.Diff:
                Wrapped(w, "diff", op.Diff, DiffOp);
                break;
            case Pb.Op.OpOneofCase.Passthrough:
                Wrapped(w, "passthrough", op.Passthrough, PassthroughOp);
                break;
            default:
                UnsetOneof(w);
                break;
        }

        w.OptObject("platform", op.Platform, Platform);
        w.OptObject("constraints", op.Constraints, WorkerConstraints);
        w.EndObject();
    }

    /// <summary>A oneof member: <c>{"name":{...}}</c>.</summary>
    private static void Wrapped<T>(GoJsonWriter w, string name, T value, Action<GoJsonWriter, T> write)
        where T : class
    {
        w.StartObject();
        w.OptObject(name, value, write);
        w.EndObject();
    }

    /// <summary>A oneof with no member set: the nil interface (gogo) or the empty wrapper struct (<c>json.go</c>).</summary>
    private void UnsetOneof(GoJsonWriter w)
    {
        if (format.UnsetOneofIsEmptyObject)
        {
            w.StartObject();
            w.EndObject();
        }
        else
        {
            w.Null();
        }
    }

    /// <summary>An input or output index, or another field gogo wrote even when zero.</summary>
    private void NonNullable(GoJsonWriter w, string name, long value)
    {
        if (format.WritesNonNullableZeroFields)
        {
            w.Number(name, value);
        }
        else
        {
            w.OptNumber(name, value);
        }
    }

    private void Input(GoJsonWriter w, Input input)
    {
        w.StartObject();
        if (format.WritesNonNullableZeroFields)
        {
            w.Name("digest");
            w.String(input.Digest);
        }
        else
        {
            w.OptString("digest", input.Digest);
        }

        NonNullable(w, "index", input.Index);
        w.EndObject();
    }

    private static void Platform(GoJsonWriter w, Platform platform)
    {
        w.StartObject();
        w.OptString("Architecture", platform.Architecture);
        w.OptString("OS", platform.OS);
        w.OptString("Variant", platform.Variant);
        w.OptString("OSVersion", platform.OSVersion);
        w.OptStrings("OSFeatures", platform.OSFeatures);
        w.EndObject();
    }

    private static void WorkerConstraints(GoJsonWriter w, WorkerConstraints constraints)
    {
        w.StartObject();
        w.OptStrings("filter", constraints.Filter);
        w.EndObject();
    }

    private static void SourceOp(GoJsonWriter w, SourceOp source)
    {
        w.StartObject();
        w.OptString("identifier", source.Identifier);
        w.OptStringMap("attrs", source.Attrs);
        w.EndObject();
    }

    private void BuildOp(GoJsonWriter w, BuildOp build)
    {
        w.StartObject();
        NonNullable(w, "builder", build.Builder);
        w.Map("inputs", build.Inputs, omitEmpty: true, (writer, input) => IndexOnly(writer, input.Input));
        w.OptObject("def", build.Def, Definition);
        w.OptStringMap("attrs", build.Attrs);
        w.EndObject();
    }

    private void MergeOp(GoJsonWriter w, MergeOp merge)
    {
        w.StartObject();
        w.OptArray("inputs", merge.Inputs, (writer, input) => IndexOnly(writer, input.Input));
        w.EndObject();
    }

    private void DiffOp(GoJsonWriter w, DiffOp diff)
    {
        w.StartObject();
        w.OptObject("lower", diff.Lower, (writer, lower) => IndexOnly(writer, lower.Input));
        w.OptObject("upper", diff.Upper, (writer, upper) => IndexOnly(writer, upper.Input));
        w.EndObject();
    }

    private static void PassthroughOp(GoJsonWriter w, PassthroughOp passthrough)
    {
        w.StartObject();
        w.OptString("id", passthrough.Id);
        w.OptNumbers("outputs", passthrough.Outputs);
        w.EndObject();
    }

    /// <summary>The many one-field messages <c>{"input":N}</c>.</summary>
    private void IndexOnly(GoJsonWriter w, long input)
    {
        w.StartObject();
        NonNullable(w, "input", input);
        w.EndObject();
    }
}
