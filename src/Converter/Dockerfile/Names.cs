using System.Globalization;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Parser;
using CSharpFrontend.Shell;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>Progress names and descriptions of ops: <c>[build 2/5] RUN make</c>, the command text, locations.</summary>
internal static class Names
{
    public const string CommandKey = "com.docker.dockerfile.v1.command";

    public static OpConstraints Internal(string name) => OpConstraints.None.WithCustomName("[internal] " + name);

    /// <summary>The step prefix <c>[stage i/n] </c>; counts the step. Stages without steps get no prefix.</summary>
    public static string Prefix(StageDispatch stage, string text, bool prefixPlatform, LlbPlatform? platform, IReadOnlyDictionary<string, string>? env)
    {
        if (stage.CmdTotal == 0)
        {
            return text;
        }

        var prefix = "[";
        if (prefixPlatform && platform is not null)
        {
            prefix += platform.FormatAll() + TargetPlatformSuffix(platform, env) + " ";
        }

        if (stage.StageName.Length > 0)
        {
            prefix += stage.StageName + " ";
        }

        stage.CmdIndex++;
        var width = (int)(1 + Math.Log10(stage.CmdTotal));
        return prefix + stage.CmdIndex.ToString(CultureInfo.InvariantCulture).PadLeft(width) + "/" +
               stage.CmdTotal.ToString(CultureInfo.InvariantCulture) + "] " + (stage.DispatchingOnBuild ? "ONBUILD " : "") + text;
    }

    /// <summary>The first word upper-cased (the instruction keyword as written may be lower case).</summary>
    public static string UppercaseCommand(string text)
    {
        var space = text.IndexOf(' ');
        return space < 0 ? text.ToUpperInvariant() : text[..space].ToUpperInvariant() + text[space..];
    }

    /// <summary>The command text with variables expanded where that works; unchanged where it does not.</summary>
    public static string ExpandForDisplay(ShellLexer lexer, string text, IReadOnlyDictionary<string, string> env) =>
        lexer.TryExpand(text, env, out var result, out _) ? result : text;

    public static OpConstraints Located(OpConstraints constraints, SourceMapSpec? sourceMap, SourceRange? range) =>
        sourceMap is null || range is not { } r
            ? constraints
            : constraints.WithLocation(new SourceLocation(sourceMap, [new LlbRange(r.Start.Line, 0, r.End.Line, 0)]));

    private static string TargetPlatformSuffix(LlbPlatform platform, IReadOnlyDictionary<string, string>? env)
    {
        if (env is null || PlatformFromEnv(env) is not { } target)
        {
            return "";
        }

        target = (target with
        {
            OS = target.OS.Length == 0 ? platform.OS : target.OS,
            Architecture = target.Architecture.Length == 0 ? platform.Architecture : target.Architecture,
        }).Normalize();
        if (target.OS == platform.OS && target.Architecture != platform.Architecture)
        {
            return "->" + target.Architecture + (target.Variant.Length > 0 ? "/" + target.Variant : "");
        }

        return target.OS != platform.OS ? "->" + target.FormatAll() : "";
    }

    private static LlbPlatform? PlatformFromEnv(IReadOnlyDictionary<string, string> env)
    {
        if (env.TryGetValue("TARGETPLATFORM", out var text))
        {
            try
            {
                return LlbPlatform.Parse(text);
            }
            catch (FormatException)
            {
            }
        }

        var set = false;
        string os = "", arch = "", variant = "";
        if (env.TryGetValue("TARGETOS", out var o))
        {
            (os, set) = (o, true);
        }

        if (env.TryGetValue("TARGETARCH", out var a))
        {
            (arch, set) = (a, true);
        }

        if (env.TryGetValue("TARGETVARIANT", out var v))
        {
            (variant, set) = (v, true);
        }

        return set ? new LlbPlatform(os, arch, variant) : null;
    }
}
