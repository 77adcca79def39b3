using Pb;

namespace CSharpFrontend.Frontend.Dump;

/// <summary>What an op does with each of its inputs: the label of the edge from that input.</summary>
internal static class InputRoles
{
    /// <summary>The role of input <paramref name="index"/> of <paramref name="op"/>; empty when the op does not say.</summary>
    public static string Of(Op op, int index)
    {
        IEnumerable<string> roles = op.OpCase switch
        {
            Op.OpOneofCase.Exec => op.Exec.Mounts.Where(mount => mount.Input == index && TakesInput(mount)).Select(mount => mount.Dest),
            Op.OpOneofCase.File => op.File.Actions.SelectMany(action => FileRoles(action, index)),
            Op.OpOneofCase.Merge => op.Merge.Inputs
                .Select((input, position) => (input.Input, position))
                .Where(pair => pair.Input == index)
                .Select(pair => "layer " + (pair.position + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Op.OpOneofCase.Diff => DiffRoles(op.Diff, index),
            Op.OpOneofCase.Build => BuildRoles(op.Build, index),
            _ => [],
        };
        return string.Join(", ", roles.Distinct());
    }

    /// <summary>Secret, SSH and tmpfs mounts leave their input field at zero; only bind and cache mounts read it.</summary>
    private static bool TakesInput(Mount mount) => mount.MountType is MountType.Bind or MountType.Cache;

    private static IEnumerable<string> FileRoles(FileAction action, int index)
    {
        if (action.Input == index)
        {
            yield return "base";
        }

        if (action.SecondaryInput == index)
        {
            yield return "copy source";
        }

        if (Owner(action) is { } owner && (UsesInput(owner.User, index) || UsesInput(owner.Group, index)))
        {
            yield return "owner lookup";
        }
    }

    private static ChownOpt? Owner(FileAction action) => action.ActionCase switch
    {
        FileAction.ActionOneofCase.Copy => action.Copy.Owner,
        FileAction.ActionOneofCase.Mkfile => action.Mkfile.Owner,
        FileAction.ActionOneofCase.Mkdir => action.Mkdir.Owner,
        FileAction.ActionOneofCase.Symlink => action.Symlink.Owner,
        _ => null,
    };

    private static bool UsesInput(UserOpt? user, int index) =>
        user is { UserCase: UserOpt.UserOneofCase.ByName } && user.ByName.Input == index;

    private static IEnumerable<string> DiffRoles(DiffOp diff, int index)
    {
        if (diff.Lower?.Input == index)
        {
            yield return "lower";
        }

        if (diff.Upper?.Input == index)
        {
            yield return "upper";
        }
    }

    private static IEnumerable<string> BuildRoles(BuildOp build, int index)
    {
        if (build.Builder == index)
        {
            yield return "builder";
        }

        foreach (var name in build.Inputs.Where(pair => pair.Value.Input == index).Select(pair => pair.Key).Order(StringComparer.Ordinal))
        {
            yield return name;
        }
    }
}
