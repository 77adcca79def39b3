namespace CSharpFrontend.Converter.Image;

/// <summary>One entry of an image's <c>history</c> (OCI <c>History</c>); empty strings and false are not written.</summary>
public sealed record HistoryEntry
{
    /// <summary>The comment BuildKit's Dockerfile frontend puts on every entry it adds.</summary>
    public const string DockerfileComment = "buildkit.dockerfile.v0";

    /// <summary>The suffix of <see cref="CreatedBy"/> for instructions that ran as an LLB operation (RUN, COPY, ADD).</summary>
    public const string BuildKitSuffix = " # buildkit";

    /// <summary>When the layer was created; null = not written.</summary>
    public ImageTime? Created { get; init; }

    /// <summary>The command that created the layer.</summary>
    public string CreatedBy { get; init; } = "";

    /// <summary>The author of the entry.</summary>
    public string Author { get; init; } = "";

    /// <summary>A free comment.</summary>
    public string Comment { get; init; } = "";

    /// <summary>True when the entry added no filesystem layer.</summary>
    public bool EmptyLayer { get; init; }

    /// <summary>
    /// The entry BuildKit's Dockerfile frontend commits for an instruction: <paramref name="createdBy"/> with
    /// <see cref="BuildKitSuffix"/> when <paramref name="ranAsOperation"/>, comment <see cref="DockerfileComment"/>,
    /// <see cref="EmptyLayer"/> = not <paramref name="withLayer"/>, and <paramref name="created"/>
    /// (the SOURCE_DATE_EPOCH time, if any).
    /// </summary>
    public static HistoryEntry ForInstruction(string createdBy, bool withLayer, bool ranAsOperation = false, ImageTime? created = null) =>
        new()
        {
            CreatedBy = ranAsOperation ? createdBy + BuildKitSuffix : createdBy,
            Comment = DockerfileComment,
            EmptyLayer = !withLayer,
            Created = created,
        };
}
