using System.Text;
using System.Text.RegularExpressions;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Dockerfile.Contexts;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Parser;
using CSharpFrontend.Converter.Tests.Contexts;
using Google.Protobuf;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// The definition floor's arithmetic, exactly: what it counts for a RUN is the size Google.Protobuf gives the same
/// messages (ops.proto) holding only the fields the floor names — the exec op's <c>def</c> entry (input digest, args,
/// env, cwd, the root mount, an empty platform and constraints), its <c>metadata</c> entry (the command and step
/// name descriptions, the caps <c>exec.meta.base</c> and, with an input, <c>exec.mount.bind</c>) and its
/// <c>source.locations</c> entry — and once per chain of stages the <c>source.infos</c> entry of the file.
/// </summary>
public sealed class DefinitionFloorTests
{
    private static readonly string Digest = "sha256:" + new string('0', 64);

    private const string CommandKey = "com.docker.dockerfile.v1.command";

    public static TheoryData<bool, string[], string[], string, string, string, int, int> Ops() => new()
    {
        { false, ["/bin/sh", "-c", "echo hi"], [], "/", "RUN echo hi", "[1/2] RUN echo hi", 2, 2 },
        { true, ["/bin/sh", "-c", "echo hi"], ["PATH=/usr/bin"], "/", "RUN echo hi", "[2/3] RUN echo hi", 3, 3 },
        // Lengths and lines that take two- and three-byte varints; non-ASCII text counted in UTF-8 bytes.
        { true, ["sh", "-c", new string('x', 200)], ["A=" + new string('a', 130), "ÜBER=größe"], "/wörk", "RUN x", "[3/9] RUN " + new string('y', 127), 127, 300 },
        { false, [new string('z', 20_000)], ["K=" + new string('v', 17_000)], "/d", new string('d', 16_384), "n", 16_383, 70_000 },
        { true, ["x"], [], "", "RUN x", "RUN x", 1, 1 },
    };

    [Theory]
    [MemberData(nameof(Ops))]
    public void ARunCountsItsMarshalledFields(bool hasInput, string[] args, string[] env, string dir, string description, string name, int startLine, int endLine)
    {
        var floor = Floor(hasInput, args, env, dir, description, name, startLine, endLine);
        Assert.Equal(Marshalled(hasInput, args, env, dir, description, name, startLine, endLine, located: false), floor.Bytes(located: false));
        Assert.Equal(Marshalled(hasInput, args, env, dir, description, name, startLine, endLine, located: true), floor.Bytes(located: true));
    }

    [Fact]
    public void ARunsChainContinuesItsBaseStage()
    {
        var ops = new[] { Op(1, 10), Op(2, 200), Op(3, 3000) };
        var sizes = ops.Select(op => op.Bytes(located: false)).ToArray();
        var a = new StageDispatch(null, "alpine", "a");
        var b = new StageDispatch(null, "a", "b") { Base = a };
        var total = sizes.Sum();

        // Up to the limit is accepted; one byte less refuses the RUN that crosses it, with the chain's total.
        Run(total, null, (a, ops[0]), (a, ops[1]), (b, ops[2]));
        Assert.Equal(total, Refused(total - 1, null, (a, ops[0]), (a, ops[1]), (b, ops[2])));

        // Once the stage has its own chain, its later RUNs continue it.
        var c = new StageDispatch(null, "a", "c") { Base = a };
        Assert.Equal(total + sizes[0], Refused(total + sizes[0] - 1, null, (a, ops[0]), (a, ops[1]), (c, ops[2]), (c, ops[0])));
    }

    [Fact]
    public void AStageWithoutABaseStageStartsItsOwnChain()
    {
        var small = Op(1, 10);
        var large = Op(2, 3000);
        var a = new StageDispatch(null, "alpine", "a");
        var other = new StageDispatch(null, "busybox", "other");
        var limit = large.Bytes(located: false);
        Run(limit, null, (a, small), (other, large));
        Assert.Equal(limit, Refused(limit - 1, null, (a, small), (other, large)));

        // A base stage without RUNs of its own: the chain starts empty.
        var empty = new StageDispatch(null, "alpine", "empty");
        var onEmpty = new StageDispatch(null, "empty", "on-empty") { Base = empty };
        Run(limit, null, (a, small), (onEmpty, large));
    }

    [Fact]
    public void WithASourceMapEachChainCountsTheFileOnce()
    {
        var data = Encoding.UTF8.GetBytes("FROM alpine\n" + new string('#', 300) + "\n");
        var map = new SourceMapSpec("Dockerfile.dev", data);
        var info = new Pb.Source { Infos = { new Pb.SourceInfo { Filename = "Dockerfile.dev", Data = ByteString.CopyFrom(data) } } }.CalculateSize();
        var ops = new[] { Op(2, 10), Op(3, 200), Op(200, 3000) };
        var sizes = ops.Select(op => op.Bytes(located: true)).ToArray();
        var a = new StageDispatch(null, "alpine", "a");
        var b = new StageDispatch(null, "a", "b") { Base = a };
        var other = new StageDispatch(null, "alpine", "other");

        var total = info + sizes.Sum();
        Run(total, map, (a, ops[0]), (a, ops[1]), (b, ops[2]));
        Assert.Equal(total, Refused(total - 1, map, (a, ops[0]), (a, ops[1]), (b, ops[2])));

        // A second chain counts the file again (each is a definition of its own as far as the floor knows).
        Assert.Equal(info + sizes[2], Refused(info + sizes[2] - 1, map, (a, ops[0]), (other, ops[2])));
    }

    /// <summary>An empty file is named but has no data field (proto3 leaves an empty bytes field out).</summary>
    [Fact]
    public void AnEmptyFileCountsItsNameAlone()
    {
        var info = new Pb.Source { Infos = { new Pb.SourceInfo { Filename = "Dockerfile" } } }.CalculateSize();
        var op = Op(1, 10);
        var a = new StageDispatch(null, "alpine", "a");
        var total = info + op.Bytes(located: true);
        Assert.Equal(total, Refused(total - 1, new SourceMapSpec("Dockerfile", ReadOnlyMemory<byte>.Empty), (a, op)));
    }

    [Fact]
    public void TheLimitIsWrittenInMebibytesWhenWhole()
    {
        var op = Op(1, 1 << 20);
        var error = Assert.Throws<ConvertException>(() => new DefinitionFloor(1 << 20, null).AddRun(new StageDispatch(null, "alpine", "a"), op));
        Assert.Equal($"the build definition is over BuildKit's message limit of 1 MiB: the RUN instructions up to here alone take {op.Bytes(false)} bytes", error.Message);
    }

    /// <summary>
    /// Before dispatch, each RUN is counted with what its op holds whatever the image: the exec form's words or the
    /// shell form's command line without the shell, the instruction as written as the command description, no
    /// environment, directory or step name; an input from the chain's second RUN on. Refused at the RUN that crosses.
    /// The descriptions (<c>com.docker.dockerfile.v1.command</c>) are those dockerfile2llb v0.24.0 writes for these RUNs.
    /// </summary>
    [Fact]
    public void TheInstructionCheckCountsTheWordsAsWritten()
    {
        const string dockerfile = "FROM alpine\nRUN echo hi\n  RUN [\"/bin/echo\", \"ünï\"]  \nRUN <<EOF\necho in heredoc\nEOF\n";
        var first = Marshalled(false, ["echo hi"], [], "", "RUN echo hi", "", 2, 2, located: false);
        var second = Marshalled(true, ["/bin/echo", "ünï"], [], "", "RUN [\"/bin/echo\", \"ünï\"]", "", 3, 3, located: false);
        var heredoc = Marshalled(true, [], [], "", "RUN <<EOF", "", 4, 6, located: false);

        var atSecond = Assert.Throws<ConvertException>(() => TestConversion.Convert(dockerfile, TestConversion.Options with { MaxDefinitionBytes = first + second - 1 }));
        Assert.Equal(first + second, TotalIn(atSecond));
        Assert.Equal(3, atSecond.Range?.StartLine);

        var atHeredoc = Assert.Throws<ConvertException>(() => TestConversion.Convert(dockerfile, TestConversion.Options with { MaxDefinitionBytes = first + second + heredoc - 1 }));
        Assert.Equal(first + second + heredoc, TotalIn(atHeredoc));
        Assert.Equal(4, atHeredoc.Range?.StartLine);
    }

    /// <summary>Only stages the target needs are counted, a stage's RUNs after its base stage's; with a source map, the file once.</summary>
    [Fact]
    public void TheInstructionCheckFollowsTheTargetsStages()
    {
        const string dockerfile = "FROM alpine AS base\nRUN a\nFROM base AS next\nRUN bb\nFROM busybox AS unused\nRUN ccc\n";
        var data = Encoding.UTF8.GetBytes(dockerfile);
        var info = new Pb.Source { Infos = { new Pb.SourceInfo { Filename = "Dockerfile", Data = ByteString.CopyFrom(data) } } }.CalculateSize();
        var a = Marshalled(false, ["a"], [], "", "RUN a", "", 2, 2, located: true);
        var bb = Marshalled(true, ["bb"], [], "", "RUN bb", "", 4, 4, located: true);
        var ccc = Marshalled(false, ["ccc"], [], "", "RUN ccc", "", 6, 6, located: true);
        var options = TestConversion.Options with { SourceMap = new SourceMapSpec("Dockerfile", data) };

        var next = Assert.Throws<ConvertException>(() => TestConversion.Convert(dockerfile, options with { Target = "next", MaxDefinitionBytes = info + a + bb - 1 }));
        Assert.Equal(info + a + bb, TotalIn(next));
        Assert.Equal(4, next.Range?.StartLine);

        var unused = Assert.Throws<ConvertException>(() => TestConversion.Convert(dockerfile, options with { Target = "unused", MaxDefinitionBytes = info + ccc - 1 }));
        Assert.Equal(info + ccc, TotalIn(unused));
        Assert.Equal(6, unused.Range?.StartLine);
    }

    /// <summary>A stage a named context stands for never runs its instructions: its RUNs are not counted.</summary>
    [Fact]
    public void AStageANamedContextStandsForIsNotCounted()
    {
        var dockerfile = "FROM alpine AS build\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"RUN echo {i}\n")) + "FROM build\nRUN used\n";
        var options = TestConversion.Options with { MaxDefinitionBytes = 4_000 };
        Assert.StartsWith("the build definition is over", Assert.Throws<ConvertException>(() => TestConversion.Convert(dockerfile, options)).Message);
        var context = new NamedContext(Sources.Local("ctxdir", new LocalOptions { SharedKeyHint = "ctxdir" }), null);
        var contexts = new FakeContexts(new Dictionary<string, NamedContext> { ["build"] = context });
        Assert.NotEmpty(TestConversion.Convert(dockerfile, options with { NamedContexts = contexts }).Definition.ToBytes());
    }

    private static long TotalIn(ConvertException error)
    {
        var match = Regex.Match(error.Message, "^the build definition is over BuildKit's message limit of [0-9]+ bytes: the RUN instructions up to here alone take ([0-9]+) bytes$");
        Assert.True(match.Success, error.Message);
        return long.Parse(match.Groups[1].Value);
    }

    private static ExecOpFloor Op(int line, int argLength) =>
        Floor(true, ["sh", "-c", new string('r', argLength)], ["E=1"], "/w", "RUN r", "RUN r", line, line);

    private static ExecOpFloor Floor(bool hasInput, string[] args, string[] env, string dir, string description, string name, int startLine, int endLine) =>
        new(hasInput, [.. args], env.Select(e => e.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]), dir, description, name, SourceRange.Lines(startLine, endLine));

    private static void Run(long maxBytes, SourceMapSpec? map, params (StageDispatch Stage, ExecOpFloor Op)[] runs)
    {
        var floor = new DefinitionFloor(maxBytes, map);
        foreach (var (stage, op) in runs)
        {
            floor.AddRun(stage, op);
        }
    }

    /// <summary>The total the last RUN is refused with (every RUN before it accepted).</summary>
    private static long Refused(long maxBytes, SourceMapSpec? map, params (StageDispatch Stage, ExecOpFloor Op)[] runs)
    {
        var floor = new DefinitionFloor(maxBytes, map);
        foreach (var (stage, op) in runs[..^1])
        {
            floor.AddRun(stage, op);
        }

        return TotalIn(Assert.Throws<ConvertException>(() => floor.AddRun(runs[^1].Stage, runs[^1].Op)));
    }

    /// <summary>The messages with only the floor's fields, as Google.Protobuf marshals them.</summary>
    private static long Marshalled(bool hasInput, string[] args, string[] env, string dir, string description, string name, int startLine, int endLine, bool located)
    {
        var exec = new Pb.ExecOp { Mounts = { new Pb.Mount { Dest = "/" } } };
        if (args.Length > 0 || env.Length > 0 || dir.Length > 0)
        {
            exec.Meta = new Pb.Meta { Args = { args }, Env = { env }, Cwd = dir };
        }

        var op = new Pb.Op { Exec = exec, Platform = new Pb.Platform(), Constraints = new Pb.WorkerConstraints() };
        var metadata = new Pb.OpMetadata { Caps = { ["exec.meta.base"] = true } };
        if (hasInput)
        {
            op.Inputs.Add(new Pb.Input { Digest = Digest });
            metadata.Caps["exec.mount.bind"] = true;
        }

        // An empty description is left out of the floor: a writer may leave out a map entry's empty value.
        metadata.Description[CommandKey] = description;
        if (name.Length > 0)
        {
            metadata.Description["llb.customname"] = name;
        }

        var definition = new Pb.Definition { Def = { op.ToByteString() }, Metadata = { [Digest] = metadata } };
        var locations = new Pb.Locations();
        if (located)
        {
            locations.Locations_.Add(new Pb.Location { Ranges = { new Pb.Range { Start = new Pb.Position { Line = startLine }, End = new Pb.Position { Line = endLine } } } });
        }

        // Without a source map the locations entry is its key alone (a writer may leave out an empty value).
        var location = located
            ? new Pb.Source { Locations = { [Digest] = locations } }.CalculateSize()
            : Entry(Entry(Digest.Length));
        var size = definition.CalculateSize() + location;
        return name.Length > 0 ? size : size + EmptyEntryKey();
    }

    /// <summary>The <c>llb.customname</c> entry with an empty value, which the floor counts as its key alone.</summary>
    private static int EmptyEntryKey() => Entry(Entry(Encoding.UTF8.GetByteCount("llb.customname")));

    /// <summary>A length-delimited field numbered under 16: a one-byte tag, the length's varint, the payload.</summary>
    private static int Entry(int payload) => 1 + CodedOutputStream.ComputeLengthSize(payload) + payload;
}
