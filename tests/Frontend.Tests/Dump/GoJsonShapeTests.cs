using System.Text;
using CSharpFrontend.Frontend.Dump;
using Pb;

namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary>
/// Go's <c>encoding/json</c> details, pinned with the output of <c>buildctl debug dump-llb</c> (v0.11.6, Go 1.19):
/// HTML-safe and control-character escapes, raw non-ASCII, map keys in byte order, zero values, oneofs,
/// nil maps, messages held by value, strings that are not valid UTF-8.
/// </summary>
public sealed class GoJsonShapeTests
{
    [Fact]
    public void EscapesZeroValuesAndOneofsAreGos()
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

        var expected = string.Concat(Expected.Select(line => line + "\n"));
        Assert.Equal(expected, Encoding.UTF8.GetString(JsonLinesDump.Render(DefinitionReader.Read(Definitions.Of(ops, metadata)))));
    }

    [Fact]
    public void InvalidUtf8IsOneReplacementEscapePerByteAsInGo()
    {
        byte[] definition = [0x0a, 0x0d, 0x1a, 0x0b, 0x0a, 0x09, 0x61, 0xe2, 0x82, 0x41, 0xff, 0x7a, 0xef, 0xbf, 0xbd];
        var expected = """
{"Op":{"Op":{"source":{"identifier":"a\ufffd\ufffdA\ufffdz�"}}},"Digest":"sha256:93a923f0d97af267661398e6c3a3cdb020c94f371882c8e9fff5de4cd7e20970","OpMetadata":{"caps":null}}
""" + "\n";
        Assert.Equal(expected, Encoding.UTF8.GetString(JsonLinesDump.Render(DefinitionReader.Read(definition))));
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
}
