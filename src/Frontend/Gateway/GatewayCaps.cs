namespace CSharpFrontend.Frontend.Gateway;

/// <summary>Gateway API capability ids (frontend/gateway/pb/caps.go).</summary>
public static class GatewayCaps
{
    /// <summary><c>solve.base</c>.</summary>
    public const string SolveBase = "solve.base";

    /// <summary><c>solve.inlinereturn</c>.</summary>
    public const string SolveInlineReturn = "solve.inlinereturn";

    /// <summary><c>resolveimage</c>.</summary>
    public const string ResolveImage = "resolveimage";

    /// <summary><c>resolveimage.resolvemode</c>.</summary>
    public const string ResolveImageResolveMode = "resolveimage.resolvemode";

    /// <summary><c>readfile</c>.</summary>
    public const string ReadFile = "readfile";

    /// <summary><c>return</c>: results go through the Return call.</summary>
    public const string ReturnResult = "return";

    /// <summary><c>returnmap</c>: several refs in one result.</summary>
    public const string ReturnMap = "returnmap";

    /// <summary><c>statfile</c>.</summary>
    public const string StatFile = "statfile";

    /// <summary><c>importcaches</c>.</summary>
    public const string ImportCaches = "importcaches";

    /// <summary><c>proto.refarray</c>: refs as <c>Ref</c> messages rather than bare ids.</summary>
    public const string ProtoRefArray = "proto.refarray";

    /// <summary><c>frontend.inputs</c>.</summary>
    public const string FrontendInputs = "frontend.inputs";

    /// <summary><c>gateway.warnings</c>: the Warn call.</summary>
    public const string Warnings = "gateway.warnings";

    /// <summary><c>gateway.solve.evaluate</c>.</summary>
    public const string EvaluateSolve = "gateway.solve.evaluate";

    /// <summary>The caps a daemon that reports none had (grpcclient's frozen <c>defaultCaps</c>).</summary>
    public static IReadOnlyList<string> Defaults { get; } = [SolveBase, SolveInlineReturn, ResolveImage, ReadFile];

    /// <summary>The LLB caps a daemon that reports none had (grpcclient's frozen <c>defaultLLBCaps</c>).</summary>
    public static IReadOnlyList<string> DefaultLlb { get; } =
    [
        "source.image", "source.local", "source.local.unique", "source.local.sessionid", "source.local.includepatterns",
        "source.local.followpaths", "source.local.excludepatterns", "source.local.sharedkeyhint", "source.git",
        "source.git.keepgitdir", "source.git.fullurl", "source.http", "source.http.checksum", "source.http.perm",
        "soruce.http.uidgid" /* sic, upstream */, "source.buildop.llbfilename", "exec.meta.base", "exec.meta.proxyenv", "exec.mount.bind",
        "exec.mount.cache", "exec.mount.cache.sharing", "exec.mount.selector", "exec.mount.tmpfs", "exec.mount.secret",
        "constraints", "platform", "meta.ignorecache", "meta.description", "meta.exportcache",
    ];
}
