using System.Collections.Immutable;

namespace CSharpFrontend.Converter.Llb;

/// <summary>An owner for created files: user and optional group, each by name or numeric id.</summary>
public sealed record ChownSpec(UserSpec? User, UserSpec? Group)
{
    /// <summary>BuildKit's <c>user[:group]</c> reading: numbers (and <c>root</c>) are ids, anything else a name.</summary>
    public static ChownSpec Parse(string spec)
    {
        var parts = spec.Split(':', 2);
        return new ChownSpec(UserSpec.Parse(parts[0]), parts.Length > 1 ? UserSpec.Parse(parts[1]) : null);
    }
}

/// <summary>A user or group by name (looked up in the destination's /etc files) or by id.</summary>
public sealed record UserSpec(string Name, uint Id)
{
    public static UserSpec ById(uint id) => new("", id);

    public static UserSpec ByName(string name) => new(name, 0);

    internal static UserSpec Parse(string text) =>
        text == "root" ? ById(0) : int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, null, out var id)
            ? ById(unchecked((uint)id))
            : ByName(text);
}

/// <summary>One action of a FileOp.</summary>
public abstract record FileAction;

/// <summary>Copies <see cref="Src"/> of <see cref="Source"/> to <see cref="Dest"/> of the FileOp's state.</summary>
public sealed record CopyAction(LlbState Source, string Src, string Dest) : FileAction
{
    public ChownSpec? Owner { get; init; }

    /// <summary>Permission bits to set; null keeps the source's (written as -1).</summary>
    public int? Mode { get; init; }

    /// <summary>A symbolic or non-octal mode string (<c>--chmod=u+x</c>), for daemons that understand it.</summary>
    public string ModeString { get; init; } = "";

    public bool FollowSymlinks { get; init; }

    public bool CopyDirContentsOnly { get; init; }

    public bool AttemptUnpack { get; init; }

    public bool CreateDestPath { get; init; }

    public bool AllowWildcard { get; init; }

    public bool AllowEmptyWildcard { get; init; }

    public bool AlwaysReplaceExistingDestPaths { get; init; }

    public ImmutableArray<string> IncludePatterns { get; init; } = [];

    public ImmutableArray<string> ExcludePatterns { get; init; } = [];

    public ImmutableArray<string> RequiredPaths { get; init; } = [];

    /// <summary>Creation time to set, nanoseconds since the Unix epoch; null keeps it (written as -1).</summary>
    public long? CreatedTime { get; init; }
}

public sealed record MkdirAction(string Path, int Mode) : FileAction
{
    public bool MakeParents { get; init; }

    public ChownSpec? Owner { get; init; }

    public long? CreatedTime { get; init; }
}

public sealed record MkfileAction(string Path, int Mode, ReadOnlyMemory<byte> Data) : FileAction
{
    public ChownSpec? Owner { get; init; }

    public long? CreatedTime { get; init; }
}

public sealed record RmAction(string Path) : FileAction
{
    public bool AllowNotFound { get; init; }

    public bool AllowWildcard { get; init; }
}

public sealed record SymlinkAction(string OldPath, string NewPath) : FileAction
{
    public ChownSpec? Owner { get; init; }

    public long? CreatedTime { get; init; }
}

/// <summary>Actions applied in order, each on the result of the one before: one FileOp.</summary>
public sealed record FileChain(ImmutableArray<FileAction> Actions)
{
    public static FileChain Of(FileAction action) => new([action]);

    public FileChain Then(FileAction action) => new(Actions.Add(action));
}
