using Pb;

namespace CSharpFrontend.Frontend.Dump;

internal sealed partial class LlbJson
{
    private void FileOp(GoJsonWriter w, FileOp file)
    {
        w.StartObject();
        w.OptArray("actions", file.Actions, FileAction);
        w.EndObject();
    }

    private void FileAction(GoJsonWriter w, FileAction action)
    {
        w.StartObject();
        w.Number("input", action.Input);
        w.Number("secondaryInput", action.SecondaryInput);
        w.Number("output", action.Output);
        w.Name("Action");
        switch (action.ActionCase)
        {
            case Pb.FileAction.ActionOneofCase.Copy:
                Wrapped(w, "copy", action.Copy, Copy);
                break;
            case Pb.FileAction.ActionOneofCase.Mkfile:
                Wrapped(w, "mkfile", action.Mkfile, Mkfile);
                break;
            case Pb.FileAction.ActionOneofCase.Mkdir:
                Wrapped(w, "mkdir", action.Mkdir, Mkdir);
                break;
            case Pb.FileAction.ActionOneofCase.Rm:
                Wrapped(w, "rm", action.Rm, Rm);
                break;
            case Pb.FileAction.ActionOneofCase.Symlink when format.WritesSymlinkActions:
                Wrapped(w, "symlink", action.Symlink, Symlink);
                break;
            case Pb.FileAction.ActionOneofCase.Symlink:
                // v0.24.0's JSON wrapper of the action has no member for it: an empty wrapper.
                w.StartObject();
                w.EndObject();
                break;
            default:
                UnsetOneof(w);
                break;
        }

        w.EndObject();
    }

    private void Copy(GoJsonWriter w, FileActionCopy copy)
    {
        w.StartObject();
        w.OptString("src", copy.Src);
        w.OptString("dest", copy.Dest);
        w.OptObject("owner", copy.Owner, ChownOpt);
        w.OptNumber("mode", copy.Mode);
        w.OptBool("followSymlink", copy.FollowSymlink);
        w.OptBool("dirCopyContents", copy.DirCopyContents);
        w.OptBool("attemptUnpackDockerCompatibility", copy.AttemptUnpackDockerCompatibility);
        w.OptBool("createDestPath", copy.CreateDestPath);
        w.OptBool("allowWildcard", copy.AllowWildcard);
        w.OptBool("allowEmptyWildcard", copy.AllowEmptyWildcard);
        w.OptNumber("timestamp", copy.Timestamp);
        w.OptStrings("include_patterns", copy.IncludePatterns);
        w.OptStrings("exclude_patterns", copy.ExcludePatterns);
        w.OptBool("alwaysReplaceExistingDestPaths", copy.AlwaysReplaceExistingDestPaths);
        w.OptString("modeStr", copy.ModeStr);
        w.OptStrings("required_paths", copy.RequiredPaths);
        w.EndObject();
    }

    private void Mkfile(GoJsonWriter w, FileActionMkFile mkfile)
    {
        w.StartObject();
        w.OptString("path", mkfile.Path);
        w.OptNumber("mode", mkfile.Mode);
        w.OptBytes("data", mkfile.Data);
        w.OptObject("owner", mkfile.Owner, ChownOpt);
        w.OptNumber("timestamp", mkfile.Timestamp);
        w.EndObject();
    }

    private void Mkdir(GoJsonWriter w, FileActionMkDir mkdir)
    {
        w.StartObject();
        w.OptString("path", mkdir.Path);
        w.OptNumber("mode", mkdir.Mode);
        w.OptBool("makeParents", mkdir.MakeParents);
        w.OptObject("owner", mkdir.Owner, ChownOpt);
        w.OptNumber("timestamp", mkdir.Timestamp);
        w.EndObject();
    }

    private static void Rm(GoJsonWriter w, FileActionRm rm)
    {
        w.StartObject();
        w.OptString("path", rm.Path);
        w.OptBool("allowNotFound", rm.AllowNotFound);
        w.OptBool("allowWildcard", rm.AllowWildcard);
        w.EndObject();
    }

    private void Symlink(GoJsonWriter w, FileActionSymlink symlink)
    {
        w.StartObject();
        w.OptString("oldpath", symlink.Oldpath);
        w.OptString("newpath", symlink.Newpath);
        w.OptObject("owner", symlink.Owner, ChownOpt);
        w.OptNumber("timestamp", symlink.Timestamp);
        w.EndObject();
    }

    private void ChownOpt(GoJsonWriter w, ChownOpt chown)
    {
        w.StartObject();
        w.OptObject("user", chown.User, UserOpt);
        w.OptObject("group", chown.Group, UserOpt);
        w.EndObject();
    }

    private void UserOpt(GoJsonWriter w, UserOpt user)
    {
        w.StartObject();
        w.Name("User");
        switch (user.UserCase)
        {
            case Pb.UserOpt.UserOneofCase.ByName:
                Wrapped(w, "byName", user.ByName, (writer, named) =>
                {
                    writer.StartObject();
                    writer.OptString("name", named.Name);
                    NonNullable(writer, "input", named.Input);
                    writer.EndObject();
                });
                break;
            case Pb.UserOpt.UserOneofCase.ByID:
                w.StartObject();
                w.OptNumber(format.UserIdName, user.ByID);
                w.EndObject();
                break;
            default:
                UnsetOneof(w);
                break;
        }

        w.EndObject();
    }
}
