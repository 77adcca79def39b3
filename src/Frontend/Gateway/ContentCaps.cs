using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>
/// The caps an op needs by what it contains, whether or not its metadata declares them. BuildKit v0.24.0's LLB client
/// never declares a copy's pattern or mode-string caps (the ops stay byte-identical to upstream's here too), so a
/// daemon without them would silently ignore <c>--exclude</c>/<c>--parents</c>/symbolic <c>--chmod</c>; checking
/// the content refuses such a build with upstream's cap message instead.
/// </summary>
public static class ContentCaps
{
    public static IEnumerable<string> Of(Pb.Op op)
    {
        if (op.OpCase != Pb.Op.OpOneofCase.File)
        {
            yield break;
        }

        foreach (var action in op.File.Actions)
        {
            if (action.ActionCase != Pb.FileAction.ActionOneofCase.Copy)
            {
                continue;
            }

            if (action.Copy.IncludePatterns.Count > 0 || action.Copy.ExcludePatterns.Count > 0)
            {
                yield return CapId.FileCopyIncludeExcludePatterns;
            }

            if (action.Copy.ModeStr.Length > 0)
            {
                yield return CapId.FileCopyModeString;
            }
        }
    }
}
