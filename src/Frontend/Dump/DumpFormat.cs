using CSharpFrontend.Converter.Profiles;

namespace CSharpFrontend.Frontend.Dump;

/// <summary>
/// How one BuildKit release's <c>buildctl debug dump-llb</c> writes LLB messages as JSON: the behaviours in which
/// v0.11.6 (gogo-generated structs) and v0.24.0 (protobuf-go structs behind the JSON wrappers of
/// <c>solver/pb/json.go</c>) differ. The JSON writers read these fields; nothing else asks which release it is.
/// </summary>
/// <remarks>
/// Both write Go's <c>encoding/json</c> bytes of the structs: field names from the json tags, enums as numbers,
/// a oneof as an object named after the Go field holding one member, a file action's <c>input</c>,
/// <c>secondaryInput</c> and <c>output</c> always.
/// </remarks>
public sealed record DumpFormat
{
    /// <summary>BuildKit v0.24.0: every field of the protobuf-go structs has <c>omitempty</c>.</summary>
    public static DumpFormat V0_24 { get; } = new()
    {
        Name = BuildKitProfile.V0_24.Name,
        WritesNonNullableZeroFields = false,
        UnsetOneofIsEmptyObject = true,
        UserIdName = "byId",
        WritesSymlinkActions = false,
        ShortControlEscapes = true,
    };

    /// <summary>BuildKit v0.11.6: gogo's non-nullable fields are written even when zero.</summary>
    public static DumpFormat V0_11 { get; } = new()
    {
        Name = BuildKitProfile.V0_11.Name,
        WritesNonNullableZeroFields = true,
        UnsetOneofIsEmptyObject = false,
        UserIdName = "byID",
        WritesSymlinkActions = true,
        ShortControlEscapes = false,
    };

    /// <summary>Every format, one per <see cref="BuildKitProfile"/>, by the profile's name.</summary>
    public static IReadOnlyList<DumpFormat> All { get; } = [V0_24, V0_11];

    /// <summary>The format of the release <paramref name="profile"/> equals.</summary>
    public static DumpFormat For(BuildKitProfile profile) =>
        All.FirstOrDefault(format => format.Name == profile.Name)
        ?? throw new ArgumentException($"no dump format for BuildKit profile {profile.Name}", nameof(profile));

    /// <summary>The profile name: <c>v0.24</c>, <c>v0.11</c>.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Zero values of the fields gogo generated without <c>omitempty</c> are written: an input's <c>digest</c> and
    /// <c>index</c>, a mount's <c>input</c> and <c>output</c>, a named user's <c>input</c>, a build op's
    /// <c>builder</c>, the <c>input</c> of build, merge and diff inputs, as numbers; the metadata's <c>caps</c> and a
    /// nested definition's <c>metadata</c>, as <c>null</c> when empty; a range's <c>start</c> and <c>end</c>, as
    /// <c>{}</c> when unset (held by value). Without it (protobuf-go) all of them are left out when zero or unset.
    /// </summary>
    public required bool WritesNonNullableZeroFields { get; init; }

    /// <summary>
    /// An unset oneof (an op without an op, as the terminal op; a file action without an action; a user option
    /// with neither name nor id) is <c>{}</c>, the empty wrapper struct of <c>json.go</c>; otherwise <c>null</c>,
    /// the nil interface.
    /// </summary>
    public required bool UnsetOneofIsEmptyObject { get; init; }

    /// <summary>The name of a user option's numeric member: <c>byID</c> (gogo) or <c>byId</c> (<c>json.go</c>).</summary>
    public required string UserIdName { get; init; }

    /// <summary>
    /// A symlink file action is written as <c>{"symlink":{...}}</c>. v0.24.0's file action wrapper has no member
    /// for it, so there it is an empty action, <c>{}</c>; v0.11.6 does not know the action at all and it is written
    /// as one of the later additions, after the fields it knows.
    /// </summary>
    public required bool WritesSymlinkActions { get; init; }

    /// <summary>
    /// Backspace and form feed in strings are <c>\b</c> and <c>\f</c>, as Go 1.22 and later write them (v0.24.0's
    /// <c>buildctl</c> is built with Go 1.23), rather than <c>\u0008</c> and <c>\u000c</c> (v0.11.6, Go 1.19).
    /// </summary>
    public required bool ShortControlEscapes { get; init; }
}
