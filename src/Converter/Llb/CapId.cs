namespace CSharpFrontend.Converter.Llb;

/// <summary>LLB capability ids, as BuildKit's solver names them (solver/pb caps).</summary>
public static class CapId
{
    public const string SourceImage = "source.image";
    public const string SourceImageResolveMode = "source.image.resolvemode";
    public const string SourceImageLayerLimit = "source.image.layerlimit";
    public const string SourceLocal = "source.local";
    public const string SourceLocalUnique = "source.local.unique";
    public const string SourceLocalSessionId = "source.local.sessionid";
    public const string SourceLocalIncludePatterns = "source.local.includepatterns";
    public const string SourceLocalFollowPaths = "source.local.followpaths";
    public const string SourceLocalExcludePatterns = "source.local.excludepatterns";
    public const string SourceLocalSharedKeyHint = "source.local.sharedkeyhint";
    public const string SourceLocalDiffer = "source.local.differ";
    public const string SourceGit = "source.git";
    public const string SourceGitKeepDir = "source.git.keepgitdir";
    public const string SourceGitFullUrl = "source.git.fullurl";
    public const string SourceGitHttpAuth = "source.git.httpauth";
    public const string SourceGitKnownSshHosts = "source.git.knownsshhosts";
    public const string SourceGitMountSshSock = "source.git.mountsshsock";
    public const string SourceGitSubdir = "source.git.subdir";
    public const string SourceHttp = "source.http";
    public const string SourceHttpChecksum = "source.http.checksum";
    public const string SourceHttpPerm = "source.http.perm";

    /// <summary>Misspelled upstream; the misspelling is the id daemons know.</summary>
    public const string SourceHttpUidGid = "soruce.http.uidgid";
    public const string SourceOciLayout = "source.ocilayout";
    public const string ExecMetaBase = "exec.meta.base";
    public const string ExecMetaCgroupParent = "exec.meta.cgroup.parent";
    public const string ExecMetaNetwork = "exec.meta.network";
    public const string ExecMetaProxy = "exec.meta.proxyenv";
    public const string ExecMetaSecurity = "exec.meta.security";
    public const string ExecMetaSetsDefaultPath = "exec.meta.setsdefaultpath";
    public const string ExecMetaUlimit = "exec.meta.ulimit";
    public const string ExecMetaCdi = "exec.meta.cdi";
    public const string ExecMetaRemoveMountStubsRecursive = "exec.meta.removemountstubs.recursive";
    public const string ExecMountBind = "exec.mount.bind";
    public const string ExecMountBindReadWriteNoOutput = "exec.mount.bind.readwrite-nooutput";
    public const string ExecMountCache = "exec.mount.cache";
    public const string ExecMountCacheSharing = "exec.mount.cache.sharing";
    public const string ExecMountSelector = "exec.mount.selector";
    public const string ExecMountTmpfs = "exec.mount.tmpfs";
    public const string ExecMountTmpfsSize = "exec.mount.tmpfs.size";
    public const string ExecMountSecret = "exec.mount.secret";
    public const string ExecMountSsh = "exec.mount.ssh";
    public const string ExecCgroupsMounted = "exec.cgroup";
    public const string ExecSecretEnv = "exec.secretenv";
    public const string FileBase = "file.base";
    public const string FileRmWildcard = "file.rm.wildcard";
    public const string FileCopyIncludeExcludePatterns = "file.copy.includeexcludepatterns";
    public const string FileRmNoFollowSymlink = "file.rm.nofollowsymlink";
    public const string FileCopyRequiredPaths = "file.copy.requiredpaths";
    public const string SourceGitSkipSubmodules = "source.git.skipsubmodules";
    public const string FileCopyModeString = "file.copy.modestring";
    public const string SourceGitChecksum = "source.git.checksum";
    public const string Constraints = "constraints";
    public const string Platform = "platform";
    public const string MetaIgnoreCache = "meta.ignorecache";
    public const string MetaDescription = "meta.description";
    public const string MetaExportCache = "meta.exportcache";
    public const string MergeOp = "mergeop";
    public const string DiffOp = "diffop";

    /// <summary>Every id above.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        SourceImage, SourceImageResolveMode, SourceImageLayerLimit, SourceLocal, SourceLocalUnique, SourceLocalSessionId,
        SourceLocalIncludePatterns, SourceLocalFollowPaths, SourceLocalExcludePatterns, SourceLocalSharedKeyHint,
        SourceLocalDiffer, SourceGit, SourceGitKeepDir, SourceGitFullUrl, SourceGitHttpAuth, SourceGitKnownSshHosts,
        SourceGitMountSshSock, SourceGitSubdir, SourceHttp, SourceHttpChecksum, SourceHttpPerm, SourceHttpUidGid,
        SourceOciLayout, ExecMetaBase, ExecMetaCgroupParent, ExecMetaNetwork, ExecMetaProxy, ExecMetaSecurity,
        ExecMetaSetsDefaultPath, ExecMetaUlimit, ExecMetaCdi, ExecMetaRemoveMountStubsRecursive, ExecMountBind,
        ExecMountBindReadWriteNoOutput, ExecMountCache, ExecMountCacheSharing, ExecMountSelector, ExecMountTmpfs,
        ExecMountTmpfsSize, ExecMountSecret, ExecMountSsh, ExecCgroupsMounted, ExecSecretEnv, FileBase, FileRmWildcard,
        FileCopyIncludeExcludePatterns, FileRmNoFollowSymlink, FileCopyRequiredPaths, FileCopyModeString, SourceGitChecksum, SourceGitSkipSubmodules, Constraints, Platform, MetaIgnoreCache, MetaDescription,
        MetaExportCache, MergeOp, DiffOp,
    ];
}
