using Pb;

namespace CSharpFrontend.Frontend.Dump;

/// <summary>
/// JSON of LLB messages in the shape of BuildKit v0.11.6's gogo-generated Go structs under
/// <c>encoding/json</c>: Go field names or json tags, <c>omitempty</c> where the tag has it,
/// oneofs as a wrapper object named after the Go interface field, enums as numbers.
/// </summary>
/// <remarks>
/// Fields that v0.11.6 does not know (later additions to the schema, such as the passthrough op,
/// symlink actions or CDI devices) are written after the known ones, named as in the proto file,
/// and only when set; a definition that v0.11.6 can express therefore dumps exactly as it does.
/// </remarks>
internal static partial class LlbJson
{
    public static void Op(GoJsonWriter w, Op op)
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
                w.Null();
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

    private static void Input(GoJsonWriter w, Input input)
    {
        w.StartObject();
        w.Name("digest");
        w.String(input.Digest);
        w.Number("index", input.Index);
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

    private static void BuildOp(GoJsonWriter w, BuildOp build)
    {
        w.StartObject();
        w.Number("builder", build.Builder);
        w.Map("inputs", build.Inputs, omitEmpty: true, static (writer, input) => IndexOnly(writer, input.Input));
        w.OptObject("def", build.Def, Definition);
        w.OptStringMap("attrs", build.Attrs);
        w.EndObject();
    }

    private static void MergeOp(GoJsonWriter w, MergeOp merge)
    {
        w.StartObject();
        w.OptArray("inputs", merge.Inputs, static (writer, input) => IndexOnly(writer, input.Input));
        w.EndObject();
    }

    private static void DiffOp(GoJsonWriter w, DiffOp diff)
    {
        w.StartObject();
        w.OptObject("lower", diff.Lower, static (writer, lower) => IndexOnly(writer, lower.Input));
        w.OptObject("upper", diff.Upper, static (writer, upper) => IndexOnly(writer, upper.Input));
        w.EndObject();
    }

    private static void PassthroughOp(GoJsonWriter w, PassthroughOp passthrough)
    {
        w.StartObject();
        w.OptString("id", passthrough.Id);
        w.OptNumbers("outputs", passthrough.Outputs);
        w.EndObject();
    }

    /// <summary>The many one-field messages <c>{"input":N}</c> whose index is always written.</summary>
    private static void IndexOnly(GoJsonWriter w, long input)
    {
        w.StartObject();
        w.Number("input", input);
        w.EndObject();
    }
}
