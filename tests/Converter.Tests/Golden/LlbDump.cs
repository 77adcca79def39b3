using System.Globalization;
using System.Text;
using System.Text.Json;
using CSharpFrontend.Converter.Llb.Marshal;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Google.Protobuf.Reflection;
using Pb;

namespace CSharpFrontend.Converter.Tests.Golden;

/// <summary>
/// A readable, deterministic dump of a marshalled LLB graph: one block per op in marshal order, each named by a short
/// digest (12 hex digits), with every non-default field of the op and its metadata. Inputs, mount inputs and file
/// action inputs are written as the short digest of the op they refer to.
/// </summary>
public static class LlbDump
{
    private const int ShortDigestLength = 12;

    /// <summary>Renders <paramref name="result"/>; an empty graph (scratch) renders as a single line.</summary>
    public static string Render(MarshalResult result)
    {
        var text = new StringBuilder();
        if (result.Ops.IsEmpty)
        {
            return "(empty graph: scratch)\n";
        }

        for (var i = 0; i < result.Ops.Length; i++)
        {
            if (i > 0)
            {
                text.Append('\n');
            }

            RenderOp(text, result.Ops[i]);
        }

        return text.ToString();
    }

    /// <summary>The short form of a digest: its first 12 hex digits.</summary>
    public static string Short(string digest)
    {
        var hex = digest.StartsWith("sha256:", StringComparison.Ordinal) ? digest[7..] : digest;
        return hex.Length > ShortDigestLength ? hex[..ShortDigestLength] : hex;
    }

    private static void RenderOp(StringBuilder text, MarshalledOp marshalled)
    {
        var op = marshalled.Op;
        var inputs = op.Inputs.Select(i => Short(i.Digest) + (i.Index != 0 ? ":" + i.Index.ToString(CultureInfo.InvariantCulture) : "")).ToArray();
        var kind = op.OpCase == Op.OpOneofCase.None ? "result" : op.OpCase.ToString().ToLowerInvariant();
        text.Append("== ").Append(Short(marshalled.Digest.ToString())).Append(' ').Append(kind).Append('\n');
        if (inputs.Length > 0)
        {
            text.Append("  inputs: ").Append(string.Join(' ', inputs.Select((d, i) => $"[{i}]{d}"))).Append('\n');
        }

        var context = new InputContext(inputs);
        switch (op.OpCase)
        {
            case Op.OpOneofCase.Exec:
                RenderExec(text, op.Exec, context);
                break;
            case Op.OpOneofCase.File:
                RenderFile(text, op.File, context);
                break;
            case Op.OpOneofCase.Merge:
                text.Append("  merge: ").Append(string.Join(' ', op.Merge.Inputs.Select(i => context.Input(i.Input)))).Append('\n');
                break;
            case Op.OpOneofCase.Diff:
                text.Append("  diff: lower=").Append(op.Diff.Lower is { } lower ? context.Input(lower.Input) : "none")
                    .Append(" upper=").Append(op.Diff.Upper is { } upper ? context.Input(upper.Input) : "none").Append('\n');
                break;
            case Op.OpOneofCase.None:
                break;
            default:
                RenderMessage(text, (IMessage)Op.Descriptor.FindFieldByNumber(FieldNumber(op.OpCase)).Accessor.GetValue(op), 1, context);
                break;
        }

        if (op.Platform is { } platform)
        {
            var name = string.Join('/', new[] { platform.OS, platform.Architecture, platform.Variant }.Where(s => s.Length > 0));
            text.Append("  platform: ").Append(name);
            if (platform.OSVersion.Length > 0)
            {
                text.Append(" osversion=").Append(platform.OSVersion);
            }

            if (platform.OSFeatures.Count > 0)
            {
                text.Append(" osfeatures=").Append(string.Join(',', platform.OSFeatures));
            }

            text.Append('\n');
        }

        if (op.Constraints is { Filter.Count: > 0 } constraints)
        {
            text.Append("  constraints: ").Append(Json(constraints.Filter)).Append('\n');
        }

        RenderMetadata(text, marshalled.Metadata);
    }

    private static int FieldNumber(Op.OpOneofCase kind) => (int)kind;

    private static void RenderExec(StringBuilder text, ExecOp exec, InputContext context)
    {
        text.Append("  exec:\n");
        var meta = exec.Meta;
        if (meta is not null)
        {
            text.Append("    args: ").Append(Json(meta.Args)).Append('\n');
            foreach (var env in meta.Env)
            {
                text.Append("    env: ").Append(Quote(env)).Append('\n');
            }

            var rest = meta.Clone();
            rest.Args.Clear();
            rest.Env.Clear();
            RenderFields(text, rest, 2, context);
        }

        if (exec.Network != NetMode.Unset)
        {
            text.Append("    network: ").Append(exec.Network.ToString().ToLowerInvariant()).Append('\n');
        }

        if (exec.Security != SecurityMode.Sandbox)
        {
            text.Append("    security: ").Append(exec.Security.ToString().ToLowerInvariant()).Append('\n');
        }

        foreach (var mount in exec.Mounts)
        {
            text.Append("    mount ").Append(Quote(mount.Dest)).Append(' ').Append(mount.MountType.ToString().ToLowerInvariant());
            if (mount.MountType is not (MountType.Secret or MountType.Ssh) || mount.Input != 0 || mount.Output != 0)
            {
                // Secret and SSH mounts take no input; their index fields are shown only when set.
                text.Append(" input=").Append(context.Input(mount.Input)).Append(" output=").Append(mount.Output.ToString(CultureInfo.InvariantCulture));
            }

            if (mount.Readonly)
            {
                text.Append(" readonly");
            }

            if (mount.Selector.Length > 0)
            {
                text.Append(" selector=").Append(Quote(mount.Selector));
            }

            text.Append('\n');
            var rest = mount.Clone();
            rest.Dest = "";
            rest.MountType = MountType.Bind;
            rest.Input = 0;
            rest.Output = 0;
            rest.Readonly = false;
            rest.Selector = "";
            RenderFields(text, rest, 3, context);
        }

        var others = exec.Clone();
        others.Meta = null;
        others.Mounts.Clear();
        others.Network = NetMode.Unset;
        others.Security = SecurityMode.Sandbox;
        RenderFields(text, others, 2, context);
    }

    private static void RenderFile(StringBuilder text, FileOp file, InputContext context)
    {
        text.Append("  file:\n");
        for (var i = 0; i < file.Actions.Count; i++)
        {
            var action = file.Actions[i];
            text.Append("    action ").Append(i.ToString(CultureInfo.InvariantCulture)).Append(": ")
                .Append(action.ActionCase.ToString().ToLowerInvariant())
                .Append(" input=").Append(context.ActionInput(action.Input));
            if (action.ActionCase == FileAction.ActionOneofCase.Copy)
            {
                text.Append(" from=").Append(context.ActionInput(action.SecondaryInput));
            }

            text.Append(" output=").Append(action.Output.ToString(CultureInfo.InvariantCulture)).Append('\n');
            var body = (IMessage)FileAction.Descriptor.FindFieldByNumber((int)action.ActionCase).Accessor.GetValue(action);
            RenderFields(text, body, 3, context);
        }
    }

    private static void RenderMetadata(StringBuilder text, OpMetadata metadata)
    {
        if (metadata.Equals(new OpMetadata()))
        {
            return;
        }

        text.Append("  metadata:\n");
        foreach (var (key, value) in metadata.Description.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.Append("    ").Append(key).Append(": ").Append(Quote(value)).Append('\n');
        }

        if (metadata.Caps.Count > 0)
        {
            var caps = metadata.Caps.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value ? kv.Key : kv.Key + "=false");
            text.Append("    caps: ").Append(string.Join(' ', caps)).Append('\n');
        }

        if (metadata.ProgressGroup is { } group)
        {
            // The id is random upstream (ours is a stable hash); only the name and weak flag are pinned.
            text.Append("    progress_group: ").Append(Quote(group.Name)).Append(group.Weak ? " weak" : "").Append('\n');
        }

        var rest = metadata.Clone();
        rest.Description.Clear();
        rest.Caps.Clear();
        rest.ProgressGroup = null;
        RenderFields(text, rest, 2, InputContext.None);
    }

    private static void RenderMessage(StringBuilder text, IMessage message, int depth, InputContext context)
    {
        text.Append(Indent(depth)).Append(message.Descriptor.Name.Replace("Op", "", StringComparison.Ordinal).ToLowerInvariant()).Append(":\n");
        RenderFields(text, message, depth + 1, context);
    }

    /// <summary>Every field that is set: scalars inline, messages nested, maps sorted by key.</summary>
    private static void RenderFields(StringBuilder text, IMessage message, int depth, InputContext context)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            if (field.RealContainingOneof is { } oneof && oneof.Accessor.GetCaseFieldDescriptor(message) != field)
            {
                continue;
            }

            var inOneof = field.RealContainingOneof is not null;
            if (field.IsMap)
            {
                var entries = new List<(string Key, object? Value)>();
                var enumerator = ((System.Collections.IDictionary)value).GetEnumerator();
                while (enumerator.MoveNext())
                {
                    entries.Add((enumerator.Key.ToString() ?? "", enumerator.Value));
                }

                foreach (var (key, entryValue) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    text.Append(Indent(depth)).Append(field.Name).Append('[').Append(Quote(key)).Append("]: ");
                    AppendScalarOrMessage(text, field.MessageType.FindFieldByNumber(2), entryValue, depth, context);
                }
            }
            else if (field.IsRepeated)
            {
                var list = ((System.Collections.IList)value).Cast<object>().ToArray();
                if (list.Length == 0)
                {
                    continue;
                }

                if (field.FieldType == FieldType.Message)
                {
                    foreach (var item in list)
                    {
                        text.Append(Indent(depth)).Append(field.Name).Append(":\n");
                        RenderFields(text, (IMessage)item, depth + 1, context);
                    }
                }
                else
                {
                    text.Append(Indent(depth)).Append(field.Name).Append(": [")
                        .Append(string.Join(", ", list.Select(v => Scalar(field, v, context)))).Append("]\n");
                }
            }
            else if (field.FieldType == FieldType.Message)
            {
                if (value is null)
                {
                    continue;
                }

                text.Append(Indent(depth)).Append(field.Name).Append(": ");
                AppendScalarOrMessage(text, field, value, depth, context);
            }
            else if (inOneof || !IsDefault(value))
            {
                text.Append(Indent(depth)).Append(field.Name).Append(": ").Append(Scalar(field, value, context)).Append('\n');
            }
        }
    }

    private static void AppendScalarOrMessage(StringBuilder text, FieldDescriptor field, object? value, int depth, InputContext context)
    {
        if (field.FieldType == FieldType.Message)
        {
            var message = (IMessage?)value;
            var inner = new StringBuilder();
            if (message is not null)
            {
                RenderFields(inner, message, 0, context);
            }

            var lines = inner.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (lines.Length == 0)
            {
                text.Append("{}\n");
            }
            else if (lines.Length == 1 && !lines[0].EndsWith(':'))
            {
                text.Append("{ ").Append(lines[0]).Append(" }\n");
            }
            else
            {
                text.Append('\n');
                foreach (var line in lines)
                {
                    text.Append(Indent(depth + 1)).Append(line).Append('\n');
                }
            }
        }
        else
        {
            text.Append(Scalar(field, value!, context)).Append('\n');
        }
    }

    private static bool IsDefault(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        bool b => !b,
        int i => i == 0,
        long l => l == 0,
        uint u => u == 0,
        ulong u => u == 0,
        ByteString b => b.IsEmpty,
        Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture) == 0,
        _ => false,
    };

    private static string Scalar(FieldDescriptor field, object value, InputContext context) => value switch
    {
        string s => Quote(s),
        bool b => b ? "true" : "false",
        ByteString bytes => Quote(Encoding.UTF8.GetString(bytes.Span)),
        Enum e => e.ToString().ToLowerInvariant(),
        int i when field.Name == "mode" && i >= 0 => "0" + Convert.ToString(i, 8),
        uint u when field.Name == "mode" => "0" + Convert.ToString(u, 8),
        long l when field.Name == "input" => context.Input(l),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Indent(int depth) => new(' ', depth * 2);

    private static string Quote(string value) => JsonSerializer.Serialize(value, JsonOptions);

    private static string Json(RepeatedField<string> values) => JsonSerializer.Serialize(values.ToArray(), JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>How input indexes of one op read: as the short digests of its inputs.</summary>
    private sealed record InputContext(string[] Inputs)
    {
        public static InputContext None { get; } = new([]);

        public string Input(long index) => index switch
        {
            -1 => "scratch",
            >= 0 when index < Inputs.Length => Inputs[index],
            _ => "#" + index.ToString(CultureInfo.InvariantCulture),
        };

        /// <summary>File action inputs: an op input, an earlier action's output, or scratch (-1).</summary>
        public string ActionInput(long index) => index switch
        {
            -1 => "scratch",
            _ when index < Inputs.Length => Inputs[index],
            _ => "action" + (index - Inputs.Length).ToString(CultureInfo.InvariantCulture),
        };
    }
}
