using Pb;

namespace CSharpFrontend.Frontend.Dump;

/// <summary>A few words saying what an op does, and the node shape that shows its kind.</summary>
internal static class OpSummary
{
    public static string Describe(Op op) => op.OpCase switch
    {
        Op.OpOneofCase.Source => op.Source.Identifier,
        Op.OpOneofCase.Exec => string.Join(' ', op.Exec.Meta?.Args ?? []),
        Op.OpOneofCase.File => string.Join('\n', op.File.Actions.Select(DescribeAction)),
        Op.OpOneofCase.Build => "build",
        Op.OpOneofCase.Merge => $"merge of {op.Merge.Inputs.Count}",
        Op.OpOneofCase.Diff => "diff",
        Op.OpOneofCase.Passthrough => $"passthrough {op.Passthrough.Id}".TrimEnd(),
        _ => op.Inputs.Count > 0 ? "result" : "empty op",
    };

    public static string Shape(Op op) => op.OpCase switch
    {
        Op.OpOneofCase.Source => "ellipse",
        Op.OpOneofCase.Exec => "box",
        Op.OpOneofCase.File => "note",
        Op.OpOneofCase.Build => "box3d",
        Op.OpOneofCase.Merge => "invtriangle",
        Op.OpOneofCase.Diff => "doublecircle",
        _ => "plaintext",
    };

    private static string DescribeAction(FileAction action) => action.ActionCase switch
    {
        FileAction.ActionOneofCase.Copy => $"copy {action.Copy.Src} → {action.Copy.Dest}",
        FileAction.ActionOneofCase.Mkfile => $"mkfile {action.Mkfile.Path}",
        FileAction.ActionOneofCase.Mkdir => $"mkdir {action.Mkdir.Path}",
        FileAction.ActionOneofCase.Rm => $"rm {action.Rm.Path}",
        FileAction.ActionOneofCase.Symlink => $"symlink {action.Symlink.Newpath} → {action.Symlink.Oldpath}",
        _ => "(empty action)",
    };
}
