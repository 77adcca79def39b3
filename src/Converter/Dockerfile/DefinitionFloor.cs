using System.Collections.Immutable;
using System.Text;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>
/// A lower bound of the marshalled definition's size, kept while stages are dispatched, so that a definition certain to
/// exceed <see cref="ConvertOptions.MaxDefinitionBytes"/> is refused at the instruction that crosses the limit instead
/// of after the whole graph has been built and marshalled (memory bounded by the limit, not by the input's expansion).
/// The RUNs of a stage and of the stages it is based on form one chain of exec ops, each distinct from the others, so
/// every one of them is in the definition; counted for each, only bytes its marshalled form certainly has
/// (<see cref="ExecOpFloor"/>), and once per chain the source file its locations point into.
/// </summary>
internal sealed class DefinitionFloor(long maxBytes, SourceMapSpec? sourceMap)
{
    private readonly Dictionary<StageDispatch, Chain> _chains = new(ReferenceEqualityComparer.Instance);

    /// <exception cref="ConvertException">The stage's chain alone is over the limit.</exception>
    public void AddRun(StageDispatch stage, ExecOpFloor op)
    {
        if (!_chains.TryGetValue(stage, out var chain))
        {
            chain = stage.Base is { } @base ? _chains.GetValueOrDefault(@base) : default;
        }

        var total = chain.Bytes + op.Bytes(sourceMap is not null);
        if (sourceMap is not null && !chain.Located)
        {
            // Definition.source.infos: the file, named, with its text.
            total += WireSize.Field(WireSize.StringField(sourceMap.Filename) + WireSize.BytesField(sourceMap.Data.Length));
        }

        _chains[stage] = new Chain(total, chain.Located || sourceMap is not null);
        if (total > maxBytes)
        {
            throw new ConvertException(
                $"the build definition is over BuildKit's message limit of {MessageLimit.Format(maxBytes)}: the RUN instructions up to here alone take {total} bytes");
        }
    }

    /// <summary>
    /// Before any stage is dispatched: refuses a definition certain to exceed the limit from the instructions alone, so
    /// that a Dockerfile of many RUNs is refused before their exec ops are built (memory bounded by the syntax tree).
    /// Each RUN of a stage that will be dispatched is counted with only what its exec op holds whatever the base image
    /// and the environment are (<see cref="CertainExecOp"/>): the command words of the exec form or of the shell form
    /// without its shell, the command description, the keys, digests and caps. Stages are walked in file order, a
    /// stage's chain continuing its base stage's, as <see cref="AddRun"/> does while dispatching.
    /// </summary>
    /// <exception cref="ConvertException">A stage's RUNs alone are over the limit.</exception>
    public static void CheckInstructions(IEnumerable<StageDispatch> stages, IReadOnlySet<StageDispatch> dispatched, long maxBytes, SourceMapSpec? sourceMap)
    {
        var floor = new DefinitionFloor(maxBytes, sourceMap);
        foreach (var stage in stages)
        {
            if (!dispatched.Contains(stage) || stage.FromContext || stage.Stage is not { } parsed)
            {
                continue;
            }

            foreach (var instruction in parsed.Commands)
            {
                if (instruction is RunInstruction run)
                {
                    var hasInput = floor._chains.ContainsKey(stage) || stage.Base is { } @base && floor._chains.ContainsKey(@base);
                    try
                    {
                        floor.AddRun(stage, CertainExecOp(run, hasInput));
                    }
                    catch (ConvertException e)
                    {
                        throw e.At(run.Range);
                    }
                }
            }
        }
    }

    /// <summary>What a RUN's exec op holds whatever the stage's shell, environment, working directory and step name are.</summary>
    private static ExecOpFloor CertainExecOp(RunInstruction run, bool hasInput)
    {
        // Heredocs replace the command; the shell form's shell comes from the image or SHELL, unknown here.
        var args = !run.Files.IsEmpty ? [] : run.CmdLine;
        return new ExecOpFloor(hasInput, args, EmptyEnvironment, "", run.Original.Trim(), "", run.Range);
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyEnvironment = new Dictionary<string, string>();

    private readonly record struct Chain(long Bytes, bool Located);
}

/// <summary>
/// What one RUN's exec op certainly puts in the marshalled <c>pb.Definition</c>: its <c>def</c> entry (the input's
/// digest when it runs on a state with an output, the args, environment and working directory, the root mount at
/// <c>/</c>, the platform and worker constraints every exec op carries), its <c>metadata</c> entry keyed by its digest
/// (the command and step name descriptions, the base exec cap and the bind mount cap of a root with an input) and its
/// <c>source.locations</c>
/// entry (every op has one; with a source map it holds the instruction's lines). Fields that may be left out (zero
/// values, optional settings) are not counted; a length prefix counts the bytes of the smallest length it can have.
/// </summary>
internal sealed record ExecOpFloor(bool HasInput, ImmutableArray<string> Args, IReadOnlyDictionary<string, string> Env, string Dir, string Description, string Name, SourceRange Range)
{
    /// <summary><c>sha256:</c> and 64 hex digits.</summary>
    private const int DigestLength = 71;

    private const string CustomNameKey = "llb.customname";

    public long Bytes(bool located)
    {
        var meta = 0L;
        foreach (var arg in Args)
        {
            meta += WireSize.StringField(arg);
        }

        foreach (var (key, value) in Env)
        {
            meta += WireSize.Field(Encoding.UTF8.GetByteCount(key) + 1 + Encoding.UTF8.GetByteCount(value));
        }

        meta += WireSize.StringField(Dir);

        // ExecOp{meta, mounts: [Mount{dest: "/"}]}; Op{inputs, exec, platform: {...}, constraints: {}}.
        var exec = (meta > 0 ? WireSize.Field(meta) : 0) + WireSize.Field(WireSize.StringField("/"));
        var op = (HasInput ? WireSize.Field(WireSize.Field(DigestLength)) : 0) + WireSize.Field(exec) + WireSize.Field(0) + WireSize.Field(0);
        var opMetadata = WireSize.Field(WireSize.StringField(Names.CommandKey) + WireSize.StringField(Description))
            + WireSize.Field(WireSize.StringField(CustomNameKey) + WireSize.StringField(Name))
            + Cap(CapId.ExecMetaBase) + (HasInput ? Cap(CapId.ExecMountBind) : 0);
        var metadata = WireSize.Field(WireSize.Field(DigestLength) + WireSize.Field(opMetadata));
        var location = WireSize.Field(DigestLength);
        if (located)
        {
            // Locations{Location{ranges: [Range{start: {line}, end: {line}}]}}: characters are 0, left out.
            var range = WireSize.Field(1 + WireSize.Varint(Range.Start.Line)) + WireSize.Field(1 + WireSize.Varint(Range.End.Line));
            location += WireSize.Field(WireSize.Field(WireSize.Field(range)));
        }

        return WireSize.Field(op) + metadata + WireSize.Field(location);
    }

    /// <summary>A <c>caps</c> entry: the cap's name, true.</summary>
    private static long Cap(string capId) => WireSize.Field(WireSize.StringField(capId) + 2);
}

/// <summary>Protobuf wire sizes of length-delimited fields numbered under 16 (one-byte tags).</summary>
internal static class WireSize
{
    /// <summary>Tag, length prefix and <paramref name="payload"/> bytes.</summary>
    public static long Field(long payload) => 1 + Varint(payload) + payload;

    /// <summary>A string field; an empty one is left out.</summary>
    public static long StringField(string value) => value.Length == 0 ? 0 : Field(Encoding.UTF8.GetByteCount(value));

    /// <summary>A bytes field; an empty one is left out.</summary>
    public static long BytesField(long length) => length == 0 ? 0 : Field(length);

    public static int Varint(long value)
    {
        var size = 1;
        for (var v = (ulong)value; v >= 0x80; v >>= 7)
        {
            size++;
        }

        return size;
    }
}
