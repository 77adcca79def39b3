using System.Text;
using CSharpFrontend.Frontend.Dump;
using Pb;

namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary>
/// Go's <c>encoding/json</c> details, pinned with the output of <c>buildctl debug dump-llb</c> (v0.11.6, Go 1.19; and v0.24.0, Go 1.23.5):
/// HTML-safe and control-character escapes, raw non-ASCII, map keys in byte order, zero values, oneofs,
/// nil maps, messages held by value, strings that are not valid UTF-8.
/// </summary>
public sealed class GoJsonShapeTests
{
    [Fact]
    public void EscapesZeroValuesAndOneofsAreGos()
    {
        var expected = string.Concat(Expected.Select(line => line + "\n"));
        Assert.Equal(expected, Encoding.UTF8.GetString(JsonLinesDump.Render(ShapeDefinition(), DumpFormat.V0_11)));
    }

    /// <summary>Every op, field and nesting of Go's JSON shapes, with zero values and unset oneofs.</summary>
    internal static byte[] ShapeDefinition()
    {
        var special = "<a href=\"x\">&</a> \\ \u0001\u0008\u000c\u001f\u007f é \u2028\u2029 \U0001F600 \ufffd";
        var source = new Op { Source = new SourceOp { Identifier = special, Attrs = { ["\U0001F600"] = "astral", ["\ufffd"] = "bmp", ["b"] = "", ["a"] = "x" } }, Constraints = new WorkerConstraints() };
        var file = new Op
        {
            Inputs = { new Input { Digest = Definitions.DigestOf(source), Index = 0 } },
            File = new FileOp { Actions = {
                new FileAction { Input = -1, SecondaryInput = -1, Output = 0, Mkfile = new FileActionMkFile { Path = "/f", Mode = 420, Data = Google.Protobuf.ByteString.CopyFrom(0, 255, 1), Owner = new ChownOpt { User = new UserOpt { ByID = 0 }, Group = new UserOpt() } } },
                new FileAction { Input = 0, SecondaryInput = -1, Output = -1 },
                new FileAction { Input = 1, SecondaryInput = -1, Output = 1, Mkdir = new FileActionMkDir { Path = "/d", Owner = new ChownOpt { User = new UserOpt { ByName = new NamedUserOpt { Name = "app" } } } } },
            } },
        };
        var exec = new Op { Exec = new ExecOp { Meta = new Meta(), Mounts = { new Mount() }, Network = NetMode.None, Security = SecurityMode.Insecure } };
        var build = new Op { Build = new BuildOp { Builder = 0, Inputs = { ["ctx"] = new BuildInput() }, Def = new Definition { Def = { Google.Protobuf.ByteString.CopyFromUtf8("x") }, Source = new Source { Locations = { ["d"] = new Locations { Locations_ = { new Location { Ranges = { new Pb.Range() } } } } } } } } };
        var diff = new Op { Diff = new DiffOp { Lower = new LowerDiffInput() } };
        var empty = new Op();
        var ops = new[] { source, file, exec, build, diff, empty };
        var metadata = new Dictionary<int, OpMetadata> {
            [0] = new OpMetadata { IgnoreCache = true, Description = { ["llb.customname"] = special }, ExportCache = new ExportCache(), Caps = { ["z"] = false, ["a"] = true }, ProgressGroup = new ProgressGroup { Id = "p", Weak = true } },
            [2] = new OpMetadata(),
        };

        return Definitions.Of(ops, metadata);
    }

    /// <summary>What v0.24.0 knows beyond v0.11.6: symlink actions, CDI devices, exit codes, content cache, a copy's mode string.</summary>
    internal static byte[] V024ShapeDefinition()
    {
        var file = new Op
        {
            File = new FileOp { Actions = {
                new FileAction { Input = 0, SecondaryInput = 0, Output = 0, Symlink = new FileActionSymlink { Oldpath = "/a", Newpath = "/b", Timestamp = 1 } },
                new FileAction { Input = 2, SecondaryInput = 1, Output = -1, Copy = new FileActionCopy { Src = "/s", Dest = "/d", Mode = -1, ModeStr = "u+x", AlwaysReplaceExistingDestPaths = true, Owner = new ChownOpt { Group = new UserOpt { ByID = 7 } } } },
            } },
            Platform = new Platform { OS = "linux", Architecture = "arm64", Variant = "v8" },
        };
        var exec = new Op
        {
            Inputs = { new Input { Digest = Definitions.DigestOf(file), Index = 1 }, new Input() },
            Exec = new ExecOp
            {
                Meta = new Meta { Args = { "sh" }, ValidExitCodes = { 0, 3 } },
                Mounts = { new Mount { Input = 1, Output = 2, Dest = "/", ContentCache = MountContentCache.On }, new Mount { Input = -1, Output = -1, MountType = MountType.Secret, SecretOpt = new SecretOpt { ID = "s", Mode = 256 } } },
                CdiDevices = { new CDIDevice { Name = "vendor.com/gpu=0", Optional = true }, new CDIDevice() },
            },
        };
        var merge = new Op { Merge = new MergeOp { Inputs = { new MergeInput(), new MergeInput { Input = 1 } } } };
        var build = new Op { Build = new BuildOp { Builder = -1, Def = new Definition { Metadata = { ["m"] = new OpMetadata() }, Source = new Source { Infos = { new SourceInfo { Filename = "Dockerfile", Language = "Dockerfile" } }, Locations = { ["d"] = new Locations { Locations_ = { new Location { SourceIndex = 1, Ranges = { new Pb.Range { Start = new Position { Line = 2 } } } } } } } } } } };
        return Definitions.Of([file, exec, merge, build], new Dictionary<int, OpMetadata> { [1] = new OpMetadata { Caps = { ["exec.cdidevices"] = true } } });
    }

    [Fact]
    public void V024LeavesOutZeroValuesAndWritesUnsetOneofsAsEmptyObjects()
    {
        var expected = string.Concat(ExpectedV024.Select(line => line + "\n"));
        Assert.Equal(expected, Encoding.UTF8.GetString(JsonLinesDump.Render(ShapeDefinition(), DumpFormat.V0_24)));
    }

    [Fact]
    public void V024WritesWhatItKnowsBeyondV011AndDropsSymlinkActions()
    {
        var expected = string.Concat(ExpectedV024Additions.Select(line => line + "\n"));
        Assert.Equal(expected, Encoding.UTF8.GetString(JsonLinesDump.Render(V024ShapeDefinition(), DumpFormat.V0_24)));
    }

    [Fact]
    public void InvalidUtf8IsOneReplacementEscapePerByteAsInGo()
    {
        byte[] definition = [0x0a, 0x0d, 0x1a, 0x0b, 0x0a, 0x09, 0x61, 0xe2, 0x82, 0x41, 0xff, 0x7a, 0xef, 0xbf, 0xbd];
        var expected = """
{"Op":{"Op":{"source":{"identifier":"a\ufffd\ufffdA\ufffdz�"}}},"Digest":"sha256:93a923f0d97af267661398e6c3a3cdb020c94f371882c8e9fff5de4cd7e20970","OpMetadata":{"caps":null}}
""" + "\n";
        Assert.Equal(expected, Encoding.UTF8.GetString(JsonLinesDump.Render(DefinitionReader.Read(definition), DumpFormat.V0_11)));
    }

    private static readonly string[] Expected =
    [
        """
        {"Op":{"Op":{"source":{"identifier":"\u003ca href=\"x\"\u003e\u0026\u003c/a\u003e \\ \u0001\u0008\u000c\u001f é \u2028\u2029 😀 �","attrs":{"a":"x","b":"","�":"bmp","😀":"astral"}}},"constraints":{}},"Digest":"sha256:53aceebb29a927a0d3252277a4e8a45c16f550ec4305e16fd8187642e8828082","OpMetadata":{"ignore_cache":true,"description":{"llb.customname":"\u003ca href=\"x\"\u003e\u0026\u003c/a\u003e \\ \u0001\u0008\u000c\u001f é \u2028\u2029 😀 �"},"export_cache":{},"caps":{"a":true,"z":false},"progress_group":{"id":"p","weak":true}}}
        """,
        """
        {"Op":{"inputs":[{"digest":"sha256:53aceebb29a927a0d3252277a4e8a45c16f550ec4305e16fd8187642e8828082","index":0}],"Op":{"file":{"actions":[{"input":-1,"secondaryInput":-1,"output":0,"Action":{"mkfile":{"path":"/f","mode":420,"data":"AP8B","owner":{"user":{"User":{}},"group":{"User":null}}}}},{"input":0,"secondaryInput":-1,"output":-1,"Action":null},{"input":1,"secondaryInput":-1,"output":1,"Action":{"mkdir":{"path":"/d","owner":{"user":{"User":{"byName":{"name":"app","input":0}}}}}}}]}}},"Digest":"sha256:c2038ec4bea1a43fc1eaefd01a6658a06d1f8daae858f60d4edf096acfebdffa","OpMetadata":{"caps":null}}
        """,
        """
        {"Op":{"Op":{"exec":{"meta":{},"mounts":[{"input":0,"output":0}],"network":2,"security":1}}},"Digest":"sha256:4fca5933b07baacab229d65f6036e4073c2352b6a22a513f4d8486c1f8aea4f1","OpMetadata":{"caps":null}}
        """,
        """
        {"Op":{"Op":{"build":{"builder":0,"inputs":{"ctx":{"input":0}},"def":{"def":["eA=="],"metadata":null,"Source":{"locations":{"d":{"locations":[{"ranges":[{"start":{},"end":{}}]}]}}}}}}},"Digest":"sha256:9d31ab88bd22911704cac690681cfcfce3882ce879001c0dfbf0d56d28759cb3","OpMetadata":{"caps":null}}
        """,
        """
        {"Op":{"Op":{"diff":{"lower":{"input":0}}}},"Digest":"sha256:35c9d41bad12b5865c5be62b0570a29ed3a07030bec099bba332343285e7f071","OpMetadata":{"caps":null}}
        """,
        """
        {"Op":{"Op":null},"Digest":"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","OpMetadata":{"caps":null}}
        """,
    ];

    /// <summary><see cref="ShapeDefinition"/> as <c>buildctl debug dump-llb</c> v0.24.0 (Go 1.23.5) prints it.</summary>
    private static readonly string[] ExpectedV024 =
    [
        """
        {"Op":{"Op":{"source":{"identifier":"\u003ca href=\"x\"\u003e\u0026\u003c/a\u003e \\ \u0001\b\f\u001f é \u2028\u2029 😀 �","attrs":{"a":"x","b":"","�":"bmp","😀":"astral"}}},"constraints":{}},"Digest":"sha256:53aceebb29a927a0d3252277a4e8a45c16f550ec4305e16fd8187642e8828082","OpMetadata":{"ignore_cache":true,"description":{"llb.customname":"\u003ca href=\"x\"\u003e\u0026\u003c/a\u003e \\ \u0001\b\f\u001f é \u2028\u2029 😀 �"},"export_cache":{},"caps":{"a":true,"z":false},"progress_group":{"id":"p","weak":true}}}
        """,
        """
        {"Op":{"inputs":[{"digest":"sha256:53aceebb29a927a0d3252277a4e8a45c16f550ec4305e16fd8187642e8828082"}],"Op":{"file":{"actions":[{"input":-1,"secondaryInput":-1,"output":0,"Action":{"mkfile":{"path":"/f","mode":420,"data":"AP8B","owner":{"user":{"User":{}},"group":{"User":{}}}}}},{"input":0,"secondaryInput":-1,"output":-1,"Action":{}},{"input":1,"secondaryInput":-1,"output":1,"Action":{"mkdir":{"path":"/d","owner":{"user":{"User":{"byName":{"name":"app"}}}}}}}]}}},"Digest":"sha256:c2038ec4bea1a43fc1eaefd01a6658a06d1f8daae858f60d4edf096acfebdffa","OpMetadata":{}}
        """,
        """
        {"Op":{"Op":{"exec":{"meta":{},"mounts":[{}],"network":2,"security":1}}},"Digest":"sha256:4fca5933b07baacab229d65f6036e4073c2352b6a22a513f4d8486c1f8aea4f1","OpMetadata":{}}
        """,
        """
        {"Op":{"Op":{"build":{"inputs":{"ctx":{}},"def":{"def":["eA=="],"Source":{"locations":{"d":{"locations":[{"ranges":[{}]}]}}}}}}},"Digest":"sha256:9d31ab88bd22911704cac690681cfcfce3882ce879001c0dfbf0d56d28759cb3","OpMetadata":{}}
        """,
        """
        {"Op":{"Op":{"diff":{"lower":{}}}},"Digest":"sha256:35c9d41bad12b5865c5be62b0570a29ed3a07030bec099bba332343285e7f071","OpMetadata":{}}
        """,
        """
        {"Op":{"Op":{}},"Digest":"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","OpMetadata":{}}
        """,
    ];

    /// <summary><see cref="V024ShapeDefinition"/> as <c>buildctl debug dump-llb</c> v0.24.0 prints it.</summary>
    private static readonly string[] ExpectedV024Additions =
    [
        """
        {"Op":{"Op":{"file":{"actions":[{"input":0,"secondaryInput":0,"output":0,"Action":{}},{"input":2,"secondaryInput":1,"output":-1,"Action":{"copy":{"src":"/s","dest":"/d","owner":{"group":{"User":{"byId":7}}},"mode":-1,"alwaysReplaceExistingDestPaths":true,"modeStr":"u+x"}}}]}},"platform":{"Architecture":"arm64","OS":"linux","Variant":"v8"}},"Digest":"sha256:b680616c14aec46af18d1bd5261b609e72888095cf4f88043f8a33108c04dd80","OpMetadata":{}}
        """,
        """
        {"Op":{"inputs":[{"digest":"sha256:b680616c14aec46af18d1bd5261b609e72888095cf4f88043f8a33108c04dd80","index":1},{}],"Op":{"exec":{"meta":{"args":["sh"],"validExitCodes":[0,3]},"mounts":[{"input":1,"dest":"/","output":2,"contentCache":1},{"input":-1,"output":-1,"mountType":1,"secretOpt":{"ID":"s","mode":256}}],"cdiDevices":[{"name":"vendor.com/gpu=0","optional":true},{}]}}},"Digest":"sha256:56717b9b86ae39fc9474919e1c1e6a296d2af53e718e33edd1378294bb4e8228","OpMetadata":{"caps":{"exec.cdidevices":true}}}
        """,
        """
        {"Op":{"Op":{"merge":{"inputs":[{},{"input":1}]}}},"Digest":"sha256:f615dc2c5f4052d77a66fcbcc05b0b0e1044425254078b4f4f8c0fd00d8c8822","OpMetadata":{}}
        """,
        """
        {"Op":{"Op":{"build":{"builder":-1,"def":{"metadata":{"m":{}},"Source":{"locations":{"d":{"locations":[{"sourceIndex":1,"ranges":[{"start":{"line":2}}]}]}},"infos":[{"filename":"Dockerfile","language":"Dockerfile"}]}}}}},"Digest":"sha256:31e3837a41acda72257a9979fe3ec24776a5097396d36e7189532ed3791196df","OpMetadata":{}}
        """,
    ];
}
