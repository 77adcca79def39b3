using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CSharpFrontend.E2E.Tests;

/// <summary>
/// How the daemon's builtin frontend takes part in a case: "builtin" for dockerd 20.10, "newBuiltin" for BuildKit
/// v0.11.6, "currentBuiltin" for BuildKit v0.24.0 (each "compare" unless the case says otherwise).
/// </summary>
internal enum BuiltinRole
{
    /// <summary>Both frontends build; the two images must be identical.</summary>
    Compare,

    /// <summary>The builtin frontend lacks the feature (it must fail); our image is checked against the expectations.</summary>
    Unsupported,
}

/// <summary>What a file in the image must look like; null members are not checked.</summary>
internal sealed record FileExpectation(string? Content, string? Type, string? Mode, int? Uid, int? Gid, string? Link, bool Absent);

/// <summary>A build that must fail: the output names the Dockerfile line (shifted by our syntax line) and these texts.</summary>
internal sealed record FailureExpectation(int? Line, ImmutableArray<string> Output);

/// <summary>A second build with <c>Arg</c> changed must see the cache mount's content of the first one in <c>File</c>.</summary>
internal sealed record CacheCheck(string Arg, string File);

/// <summary>
/// One directory of tests/e2e/cases: the Dockerfile, its context and case.json. <c>OldDaemonRejects</c>: texts of the
/// error our frontend must end with on the old daemon, which lacks a capability the case needs (empty: it builds).
/// <c>HttpArg</c>: a build arg that receives the base URL of <see cref="E2EHttpServer"/>. <c>Platform</c>: the
/// target platform asked for (docker build --platform, buildctl --opt platform=).
/// </summary>
internal sealed record E2ECase(
    string Name,
    string Directory,
    BuiltinRole Builtin,
    BuiltinRole NewBuiltin,
    string? Why,
    ImmutableSortedDictionary<string, string> Args,
    string? Target,
    ImmutableSortedDictionary<string, string> Secrets,
    ImmutableSortedDictionary<string, FileExpectation> ExpectFiles,
    ImmutableSortedDictionary<string, JsonNode?> ExpectConfig,
    FailureExpectation? Fails,
    CacheCheck? CacheCheck,
    ImmutableArray<string> OldDaemonRejects,
    string? HttpArg,
    string? Platform,
    string? ExpectArchitecture)
{
    /// <summary>The role of BuildKit v0.24.0's builtin frontend (dockerfile 1.18).</summary>
    public BuiltinRole CurrentBuiltin { get; init; } = BuiltinRole.Compare;

    /// <summary>Named contexts: <c>context:NAME=VALUE</c>; <c>local:DIR</c> is a directory of the case. buildctl only.</summary>
    public ImmutableSortedDictionary<string, string> Contexts { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Why the case runs on standalone buildkitd only (dockerd 20.10 cannot express it), or null.</summary>
    public string? BuildKitOnly { get; init; }

    /// <summary>On buildkitd, the lint subrequest (<c>docker build --check</c>) is run too and its report compared.</summary>
    public bool Check { get; init; }

    /// <summary>On buildkitd, ours builds first and the builtin frontend must find every step in the cache.</summary>
    public bool OursFirst { get; init; }

    public static string CasesDirectory => Path.Combine(TestPaths.RepoRoot, "tests", "e2e", "cases");

    public static IEnumerable<string> Names() =>
        System.IO.Directory.GetDirectories(CasesDirectory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static E2ECase Load(string name)
    {
        var directory = Path.Combine(CasesDirectory, name);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "case.json")))?.AsObject()
            ?? throw new InvalidDataException($"{name}/case.json is not an object");
        return new E2ECase(
            name,
            directory,
            Role(name, json["builtin"]?.GetValue<string>() ?? "compare"),
            Role(name, json["newBuiltin"]?.GetValue<string>() ?? "compare"),
            json["why"]?.GetValue<string>(),
            Strings(json["args"]),
            json["target"]?.GetValue<string>(),
            Strings(json["secrets"]),
            (json["expectFiles"]?.AsObject() ?? []).ToImmutableSortedDictionary(
                entry => entry.Key,
                entry => ReadFileExpectation(entry.Value!.AsObject()),
                StringComparer.Ordinal),
            (json["expectConfig"]?.AsObject() ?? []).ToImmutableSortedDictionary(
                entry => entry.Key,
                entry => entry.Value?.DeepClone(),
                StringComparer.Ordinal),
            json["fails"] is JsonObject fails
                ? new FailureExpectation(
                    fails["line"]?.GetValue<int>(),
                    [.. (fails["output"]?.AsArray() ?? []).Select(item => item!.GetValue<string>())])
                : null,
            json["cacheCheck"] is JsonObject cache
                ? new CacheCheck(cache["arg"]!.GetValue<string>(), cache["file"]!.GetValue<string>())
                : null,
            [.. (json["oldDaemon"]?["oursFails"]?.AsArray() ?? []).Select(item => item!.GetValue<string>())],
            json["httpArg"]?.GetValue<string>(),
            json["platform"]?.GetValue<string>(),
            json["expectArchitecture"]?.GetValue<string>())
        {
            CurrentBuiltin = Role(name, json["currentBuiltin"]?.GetValue<string>() ?? "compare"),
            Contexts = Strings(json["contexts"]),
            BuildKitOnly = json["buildkitOnly"]?.GetValue<string>(),
            OursFirst = json["oursFirst"]?.GetValue<bool>() ?? false,
            Check = json["check"]?.GetValue<bool>() ?? false,
        };
    }

    /// <summary>The role of the builtin frontend of the daemon under test: Docker 20.10's, BuildKit v0.11.6's or v0.24.0's.</summary>
    public BuiltinRole RoleOn(Daemon daemon) => daemon.IsOld ? Builtin : daemon.IsBuildKit011 ? NewBuiltin : CurrentBuiltin;

    private static BuiltinRole Role(string name, string text) => text switch
    {
        "compare" => BuiltinRole.Compare,
        "unsupported" => BuiltinRole.Unsupported,
        _ => throw new InvalidDataException($"{name}: unknown builtin role '{text}'"),
    };

    private static ImmutableSortedDictionary<string, string> Strings(JsonNode? node) =>
        (node?.AsObject() ?? []).ToImmutableSortedDictionary(entry => entry.Key, entry => entry.Value!.GetValue<string>(), StringComparer.Ordinal);

    private static FileExpectation ReadFileExpectation(JsonObject json) =>
        new(
            json["content"]?.GetValue<string>(),
            json["type"]?.GetValue<string>(),
            json["mode"]?.GetValue<string>(),
            json["uid"]?.GetValue<int>(),
            json["gid"]?.GetValue<int>(),
            json["link"]?.GetValue<string>(),
            json["absent"]?.GetValue<bool>() ?? false);
}
