using System.Runtime.CompilerServices;
using System.Collections.Immutable;
using System.Text;
using CSharpFrontend.Parser.Flags;
using CSharpFrontend.Parser.Grammar;
using CSharpFrontend.Parser.Syntax;
using CSharpFrontend.Parser.Text;
using CSharpFrontend.Shared;

namespace CSharpFrontend.Parser.Instructions;

/// <summary>BuildKit's instructions layer: nodes → typed instructions and stages, with its validation and messages.</summary>
internal static partial class InstructionParser
{
    /// <summary>Builds stages and meta ARGs; throws <see cref="ParseException"/> on the first error, as BuildKit does.</summary>
    public static Dockerfile Build(SyntaxTree tree)
    {
        var builder = new DockerfileBuilder(tree.Dialect == BuildKitDialect.V0_11);
        foreach (var node in tree.Nodes)
        {
            builder.Add(node);
        }

        return builder.Build(tree.EscapeToken, tree.Directives);
    }

    /// <summary>Converts one node to its typed instruction (BuildKit <c>ParseInstruction</c>).</summary>
    public static Instruction ParseInstruction(SyntaxNode node, bool legacy = false)
    {
        var req = new Request(node, legacy);
        return node.Keyword.ToLowerInvariant() switch
        {
            "env" => ParseEnv(req),
            "maintainer" => ParseMaintainer(req),
            "label" => ParseLabel(req),
            "add" => ParseAdd(req),
            "copy" => ParseCopy(req),
            "from" => ParseFrom(req),
            "onbuild" => ParseOnbuild(req),
            "workdir" => ParseWorkdir(req),
            "run" => ParseRun(req),
            "cmd" => ParseCmd(req),
            "healthcheck" => ParseHealthcheck(req),
            "entrypoint" => ParseEntrypoint(req),
            "expose" => ParseExpose(req),
            "user" => ParseUser(req),
            "volume" => ParseVolume(req),
            "stopsignal" => ParseStopsignal(req),
            "arg" => ParseArg(req),
            "shell" => ParseShell(req),
            _ => throw req.Fail(
                DiagnosticCodes.UnknownInstruction,
                Suggest.Wrap($"unknown instruction: {node.Keyword}", node.Keyword, Keywords.All, caseSensitive: false)),
        };
    }

    private static Instruction ParseEnv(Request req)
    {
        req.ParseNoFlags();
        return new EnvInstruction { Node = req.Node, Env = ParseKvps(req, "ENV") };
    }

    private static Instruction ParseLabel(Request req)
    {
        req.ParseNoFlags();
        return new LabelInstruction { Node = req.Node, Labels = ParseKvps(req, "LABEL") };
    }

    private static ImmutableArray<KeyValuePair> ParseKvps(Request req, string name)
    {
        var args = req.Args;
        if (args.Count == 0)
        {
            throw req.Fail(DiagnosticCodes.InvalidArguments, $"{name} requires at least one argument");
        }

        int stride = req.Legacy ? 2 : 3;
        if (args.Count % stride != 0)
        {
            throw req.Fail(DiagnosticCodes.InvalidArguments, $"Bad input to {name}, too many arguments");
        }

        var pairs = ImmutableArray.CreateBuilder<KeyValuePair>(args.Count / stride);
        for (int j = 0; j < args.Count; j += stride)
        {
            if (args[j].Length == 0)
            {
                throw req.Fail(DiagnosticCodes.InvalidArguments, $"{name} names can not be blank");
            }

            pairs.Add(new KeyValuePair(args[j], args[j + 1], req.Legacy ? req.Node.IsLegacyKeyValue : args[j + 2].Length == 0));
        }

        return pairs.MoveToImmutable();
    }

    private static Instruction ParseMaintainer(Request req)
    {
        if (req.Args.Count != 1)
        {
            throw req.Fail(DiagnosticCodes.InvalidArguments, "MAINTAINER requires exactly one argument");
        }

        req.ParseNoFlags();
        return new MaintainerInstruction { Node = req.Node, Maintainer = req.Args[0] };
    }

    private static SourcesAndDest ParseSourcesAndDest(Request req, string command)
    {
        var args = req.Args;
        string dest = args[^1];
        if (TryHeredoc(dest, req.Node.Range, req.Legacy) is not null)
        {
            throw req.Fail(DiagnosticCodes.InvalidArguments, $"{command} cannot accept a heredoc as a destination");
        }

        var lookup = new Dictionary<string, Heredoc>(StringComparer.Ordinal);
        foreach (var h in req.Node.Heredocs)
        {
            lookup[h.Name] = h;
        }

        var paths = ImmutableArray.CreateBuilder<string>();
        var contents = ImmutableArray.CreateBuilder<SourceContent>();
        for (int i = 0; i < args.Count - 1; i++)
        {
            var heredoc = TryHeredoc(args[i], req.Node.Range, req.Legacy);
            if (heredoc is null)
            {
                paths.Add(args[i]);
                continue;
            }

            string content = lookup.TryGetValue(heredoc.Name, out var body) ? body.Content : string.Empty;
            if (heredoc.Chomp)
            {
                content = ChompHeredocContent(content);
            }

            contents.Add(new SourceContent(heredoc.Name, content, heredoc.Expand));
        }

        return new SourcesAndDest(dest, paths.ToImmutable(), contents.ToImmutable());
    }

    private static Heredoc? TryHeredoc(string word, SourceRange range, bool legacy)
    {
        try
        {
            return SyntaxParser.ParseHeredoc(word, range, legacy);
        }
        catch (ParseException)
        {
            return null;
        }
    }

    /// <summary>Removes leading tabs from every line (BuildKit <c>ChompHeredocContent</c>).</summary>
    public static string ChompHeredocContent(string src)
    {
        var sb = new StringBuilder(src.Length);
        bool lineStart = true;
        foreach (char c in src)
        {
            if (lineStart && c == '\t')
            {
                continue;
            }

            lineStart = c == '\n';
            sb.Append(c);
        }

        return sb.ToString();
    }

    private static Instruction ParseAdd(Request req)
    {
        if (req.Args.Count < 2)
        {
            throw req.Fail(DiagnosticCodes.InvalidArguments, "ADD requires at least two arguments, but only one was provided. Destination could not be determined");
        }

        var f = req.Node.Flags.IsEmpty ? null : (req.Legacy
            ? req.Flags.AddString("chown").AddString("chmod").AddBool("link").AddBool("keep-git-dir").AddString("checksum")
            : req.Flags.AddStrings("exclude").AddString("chown").AddString("chmod").AddBool("link").AddBool("keep-git-dir").AddString("checksum").AddBool("unpack"));
        f?.Parse();
        var sd = ParseSourcesAndDest(req, "ADD");
        return new AddInstruction {
            Node = req.Node,
            SourcesAndDest = sd,
            Flags = FileFlagsOf(f),
            KeepGitDir = (f?.IsUsed("keep-git-dir") ?? false) ? (f?.Bool("keep-git-dir") ?? false) : null,
            Checksum = (f?.String("checksum") ?? string.Empty),
            Unpack = (f?.IsUsed("unpack") ?? false) ? (f?.Bool("unpack") ?? false) : null,
        };
    }

    private static Instruction ParseCopy(Request req)
    {
        if (req.Args.Count < 2)
        {
            throw req.Fail(DiagnosticCodes.InvalidArguments, "COPY requires at least two arguments, but only one was provided. Destination could not be determined");
        }

        var f = req.Node.Flags.IsEmpty ? null : (req.Legacy
            ? req.Flags.AddString("chown").AddString("from").AddString("chmod").AddBool("link")
            : req.Flags.AddStrings("exclude").AddBool("parents").AddString("chown").AddString("from").AddString("chmod").AddBool("link"));
        f?.Parse();
        var sd = ParseSourcesAndDest(req, "COPY");
        return new CopyInstruction {
            Node = req.Node,
            SourcesAndDest = sd,
            FromText = DocumentText.Within(req.Node.OriginalText, f?.String("from") ?? string.Empty),
            Flags = FileFlagsOf(f),
        };
    }

    /// <summary>The shared flags of COPY and ADD (a flag the instruction does not define reads as absent); the one shared value when none was given.</summary>
    private static FileFlags FileFlagsOf(BuildFlags? f) =>
        f is null ? FileFlags.None : new FileFlags(f.String("chown"), f.String("chmod"), f.Bool("link"), [.. f.Strings("exclude")], f.Bool("parents"));

    private static Instruction ParseFrom(Request req)
    {
        var args = req.Args;
        string stageName = string.Empty;
        if (args.Count == 3 && string.Equals(args[1], "as", StringComparison.OrdinalIgnoreCase))
        {
            stageName = args[2].ToLowerInvariant();
            if (!DockerfileGrammar.IsValidStageName(stageName))
            {
                throw req.Fail(DiagnosticCodes.InvalidArguments, $"invalid name for build stage: {GoQuoting.Quote(args[2])}, name can't start with a number or contain symbols");
            }
        }
        else if (args.Count != 1)
        {
            throw req.Fail(DiagnosticCodes.InvalidArguments, "FROM requires either one or three arguments");
        }

        var f = req.Node.Flags.IsEmpty ? null : req.Flags.AddString("platform");
        f?.Parse();
        return new FromInstruction {
            Node = req.Node,
            BaseName = args[0],
            StageName = stageName,
            Platform = (f?.String("platform") ?? string.Empty),
        };
    }

    private static Instruction ParseOnbuild(Request req)
    {
        if (req.Args.Count == 0 || req.Node.Child is null)
        {
            throw req.Fail(DiagnosticCodes.InvalidArguments, "ONBUILD requires at least one argument");
        }

        req.ParseNoFlags();
        string trigger = GoText.TrimSpace(req.Args[0]).ToUpperInvariant();
        switch (trigger)
        {
            case "ONBUILD":
                throw req.Fail(DiagnosticCodes.InvalidArguments, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
            case "MAINTAINER" or "FROM":
                throw req.Fail(DiagnosticCodes.InvalidArguments, $"{trigger} isn't allowed as an ONBUILD trigger");
        }

        string expression = DockerfileGrammar.WithoutOnbuildKeyword(req.Original);
        if (req.Node.Heredocs.Length > 0)
        {
            var sb = new StringBuilder(expression);
            foreach (var h in req.Node.Heredocs)
            {
                sb.Append('\n').Append(h.Content).Append(h.Name);
            }

            expression = sb.ToString();
        }

        return new OnbuildInstruction {
            Node = req.Node,
            Expression = expression,
            Trigger = req.Node.Child,
        };
    }

    private static Instruction ParseWorkdir(Request req)
    {
        if (req.Args.Count != 1)
        {
            throw req.Fail(DiagnosticCodes.InvalidArguments, "WORKDIR requires exactly one argument");
        }

        req.ParseNoFlags();
        return new WorkdirInstruction { Node = req.Node, Path = req.Args[0] };
    }

    /// <summary>The command words; a shell form's one word as its place in the Dockerfile when it is part of the line there.</summary>
    private static (ImmutableArray<string> Words, DocumentText Text) CommandOf(Request req)
    {
        var words = HandleJsonArgs(req.Args, req.Node.IsJson);
        return !req.Node.IsJson && words.Length == 1 ? (default, DocumentText.Within(req.Node.OriginalText, words[0])) : (words, default);
    }

    private static ImmutableArray<string> HandleJsonArgs(IReadOnlyList<string> args, bool isJson)
    {
        if (args.Count == 0)
        {
            return [];
        }

        if (args is ImmutableArray<string> words && (isJson || words.Length == 1))
        {
            // The node's own words, shared: nothing more kept per instruction.
            return words;
        }

        if (isJson)
        {
            return [.. args];
        }

        return args.Count == 1 ? [args[0]] : [string.Join(' ', args)];
    }

    private static ImmutableArray<ShellInlineFile> Files(Request req) =>
        req.Node.Heredocs.IsEmpty ? [] : [.. req.Node.Heredocs.Select(h => new ShellInlineFile(h.Name, h.Content, h.Chomp))];

    private static Instruction ParseRun(Request req)
    {
        var f = req.Node.Flags.IsEmpty ? null : (req.Legacy ? req.Flags : req.Flags.AddStrings("device")).AddStrings("mount").AddString("network", "default").AddString("security", "sandbox");
        f?.Parse();

        // BuildKit's RUN hooks check, in order, --device (current BuildKit), --mount, --network, --security.
        foreach (var d in f is null ? [] : f.Strings("device"))
        {
            if (RunDevice.Parse(d).Error is { } error)
            {
                throw req.Fail(DiagnosticCodes.InvalidFlag, error);
            }
        }

        IReadOnlyList<string> mounts = f is null ? [] : f.Strings("mount");
        foreach (var m in mounts)
        {
            if (RunMount.CheckUnexpanded(m) is { } error)
            {
                throw req.Fail(DiagnosticCodes.InvalidMount, error);
            }
        }

        string network = (f?.String("network") ?? "default");
        if (network is not ("default" or "none" or "host"))
        {
            throw req.Fail(DiagnosticCodes.InvalidFlag, $"invalid network mode {GoQuoting.Quote(network)}");
        }

        string security = (f?.String("security") ?? "sandbox");
        if (security is not ("sandbox" or "insecure"))
        {
            throw req.Fail(DiagnosticCodes.InvalidFlag, $"security {GoQuoting.Quote(security)} is not valid");
        }

        return new RunInstruction {
            Node = req.Node,
            Command = CommandOf(req),
            Files = Files(req),
            PrependShell = !req.Node.IsJson,
            Flags = f is null ? RunFlags.None : new RunFlags([.. mounts], network, security, [.. f.Strings("device")], [.. f.Used]),
        };
    }

    private static Instruction ParseCmd(Request req)
    {
        req.ParseNoFlags();
        return new CmdInstruction {
            Node = req.Node,
            Command = CommandOf(req),
            Files = Files(req),
            PrependShell = !req.Node.IsJson,
        };
    }

    private static Instruction ParseEntrypoint(Request req)
    {
        req.ParseNoFlags();
        return new EntrypointInstruction {
            Node = req.Node,
            Command = CommandOf(req),
            Files = Files(req),
            PrependShell = !req.Node.IsJson,
        };
    }

    private static Instruction ParseHealthcheck(Request req)
    {
        var args = req.Args;
        if (args.Count == 0)
        {
            throw req.Fail(DiagnosticCodes.InvalidArguments, "HEALTHCHECK requires at least one argument");
        }

        string typ = args[0].ToUpperInvariant();
        var rest = args.Skip(1).ToList();
        HealthcheckConfig health;
        if (typ == "NONE")
        {
            if (rest.Count != 0)
            {
                throw req.Fail(DiagnosticCodes.InvalidArguments, "HEALTHCHECK NONE takes no arguments");
            }

            health = new HealthcheckConfig([typ], 0, 0, 0, 0, 0);
        }
        else
        {
            var f = req.Node.Flags.IsEmpty ? null : (req.Legacy
                ? req.Flags.AddString("interval").AddString("timeout").AddString("start-period").AddString("retries")
                : req.Flags.AddString("interval").AddString("timeout").AddString("start-period").AddString("start-interval").AddString("retries"));
            f?.Parse();
            if (typ != "CMD")
            {
                throw req.Fail(DiagnosticCodes.InvalidArguments, $"Unknown type {GoQuoting.Quote(typ)} in HEALTHCHECK (try CMD)");
            }

            var cmd = HandleJsonArgs(rest, req.Node.IsJson);
            if (cmd.Length == 0)
            {
                throw req.Fail(DiagnosticCodes.InvalidArguments, "Missing command after HEALTHCHECK CMD");
            }

            if (!req.Node.IsJson)
            {
                typ = "CMD-SHELL";
            }

            long interval = Interval(req, f, "interval");
            long timeout = Interval(req, f, "timeout");
            long startPeriod = Interval(req, f, "start-period");
            long startInterval = Interval(req, f, "start-interval");
            int retries = 0;
            string r = (f?.String("retries") ?? string.Empty);
            if (r.Length > 0)
            {
                var (value, error) = ParseInt32(r);
                if (error is not null)
                {
                    throw req.Fail(DiagnosticCodes.InvalidFlag, error);
                }

                if (value < 0)
                {
                    throw req.Fail(DiagnosticCodes.InvalidFlag, $"--retries cannot be negative ({value})");
                }

                retries = value;
            }

            health = new HealthcheckConfig([typ, .. cmd], interval, timeout, startPeriod, startInterval, retries);
        }

        return new HealthcheckInstruction { Node = req.Node, Health = health };
    }

    private static long Interval(Request req, BuildFlags? f, string name)
    {
        string s = f?.String(name) ?? string.Empty;
        if (s.Length == 0)
        {
            return 0;
        }

        var (d, error) = GoDuration.Parse(s);
        if (error is not null)
        {
            throw req.Fail(DiagnosticCodes.InvalidFlag, error);
        }

        if (d == 0)
        {
            return 0;
        }

        if (d < 1_000_000)
        {
            throw req.Fail(DiagnosticCodes.InvalidFlag, $"Interval {GoQuoting.Quote(name)} cannot be less than 1ms");
        }

        return d;
    }

    /// <summary>Go <c>strconv.ParseInt(s, 10, 32)</c> with its error texts.</summary>
    private static (int Value, string? Error) ParseInt32(string s)
    {
        string body = s;
        bool neg = false;
        if (body.Length > 0 && body[0] is '+' or '-')
        {
            neg = body[0] == '-';
            body = body[1..];
        }

        if (body.Length == 0 || !body.All(char.IsAsciiDigit))
        {
            return (0, $"strconv.ParseInt: parsing {GoQuoting.Quote(s)}: invalid syntax");
        }

        long v = 0;
        foreach (char c in body)
        {
            v = (v * 10) + (c - '0');
            if (v > (long)int.MaxValue + 1)
            {
                return (0, $"strconv.ParseInt: parsing {GoQuoting.Quote(s)}: value out of range");
            }
        }

        if (neg)
        {
            v = -v;
        }

        if (v > int.MaxValue || v < int.MinValue)
        {
            return (0, $"strconv.ParseInt: parsing {GoQuoting.Quote(s)}: value out of range");
        }

        return ((int)v, null);
    }

    private static Instruction ParseExpose(Request req)
    {
        if (req.Args.Count == 0)
        {
            throw req.Fail(DiagnosticCodes.InvalidArguments, "EXPOSE requires at least one argument");
        }

        req.ParseNoFlags();
        var ports = req.Args.ToList();
        ports.Sort(StringComparer.Ordinal);
        return new ExposeInstruction { Node = req.Node, Ports = [.. ports] };
    }

    private static Instruction ParseUser(Request req)
    {
        if (req.Args.Count != 1)
        {
            throw req.Fail(DiagnosticCodes.InvalidArguments, "USER requires exactly one argument");
        }

        req.ParseNoFlags();
        return new UserInstruction { Node = req.Node, User = req.Args[0] };
    }

    private static Instruction ParseVolume(Request req)
    {
        if (req.Args.Count == 0)
        {
            throw req.Fail(DiagnosticCodes.InvalidArguments, "VOLUME requires at least one argument");
        }

        req.ParseNoFlags();
        var volumes = ImmutableArray.CreateBuilder<string>(req.Args.Count);
        foreach (var v in req.Args)
        {
            var t = GoText.TrimSpace(v);
            if (t.Length == 0)
            {
                throw req.Fail(DiagnosticCodes.InvalidArguments, "VOLUME specified can not be an empty string");
            }

            volumes.Add(t);
        }

        return new VolumeInstruction { Node = req.Node, Volumes = volumes.MoveToImmutable() };
    }

    private static Instruction ParseStopsignal(Request req)
    {
        if (req.Args.Count != 1)
        {
            throw req.Fail(DiagnosticCodes.InvalidArguments, "STOPSIGNAL requires exactly one argument");
        }

        return new StopsignalInstruction { Node = req.Node, Signal = req.Args[0] };
    }

    private static Instruction ParseArg(Request req)
    {
        if (req.Args.Count < 1)
        {
            throw req.Fail(DiagnosticCodes.InvalidArguments, "ARG requires at least one argument");
        }

        var defs = ImmutableArray.CreateBuilder<ArgDefinition>(req.Args.Count);
        foreach (var arg in req.Args)
        {
            int eq = arg.IndexOf('=');
            string key = eq < 0 ? arg : arg[..eq];
            string? value = eq < 0 ? null : arg[(eq + 1)..];
            if (eq >= 0 && key.Length == 0)
            {
                throw req.Fail(DiagnosticCodes.InvalidArguments, "ARG names can not be blank");
            }

            defs.Add(new ArgDefinition(key, value, DocComment(req.Node.PrevComments, key)));
        }

        return new ArgInstruction { Node = req.Node, Args = defs.MoveToImmutable() };
    }

    private static Instruction ParseShell(Request req)
    {
        req.ParseNoFlags();
        var shell = HandleJsonArgs(req.Args, req.Node.IsJson);
        if (shell.Length == 0)
        {
            throw req.Fail(DiagnosticCodes.InvalidArguments, "SHELL requires at least one argument");
        }

        if (!req.Node.IsJson)
        {
            throw req.Fail(DiagnosticCodes.InvalidArguments, "SHELL requires the arguments to be in JSON form");
        }

        return new ShellInstruction { Node = req.Node, Shell = shell };
    }

    internal static string DocComment(ImmutableArray<string> comments, string name)
    {
        if (name.Length == 0)
        {
            return string.Empty;
        }

        foreach (var line in comments)
        {
            if (line.StartsWith(name + " ", StringComparison.Ordinal))
            {
                return line[(name.Length + 1)..];
            }
        }

        return string.Empty;
    }

    /// <summary>Everything an instruction parser needs from a node (BuildKit's <c>parseRequest</c>).</summary>
    private sealed class Request : IFlagErrorSink
    {
        public Request(SyntaxNode node, bool legacy)
        {
            Legacy = legacy;
            Node = node;
            Args = node.Child is null ? node.Args : NodeArgs(node);
        }

        public SyntaxNode Node { get; }

        public bool Legacy { get; }

        public IReadOnlyList<string> Args { get; }

        public BuildFlags Flags => field ??= new BuildFlags(Node.Flags, this, Legacy);

        public string Original => Node.Original;

        /// <summary>Flag check of an instruction that defines no flags.</summary>
        public void ParseNoFlags()
        {
            if (!Node.Flags.IsEmpty)
            {
                Flags.Parse();
            }
        }

        public Exception FlagError(string message) => Fail(DiagnosticCodes.InvalidFlag, message);

        public ParseException Fail(string code, string message) =>
            new(new Diagnostic(code, DiagnosticSeverity.Error, message, Node.Range, DiagnosticLayer.Instruction));

        private static List<string> NodeArgs(SyntaxNode node)
        {
            var result = new List<string>(node.Args);
            for (var child = node.Child; child is not null; child = child.Child)
            {
                result.Add(child.Keyword);
                result.AddRange(child.Args);
            }

            return result;
        }
    }
}
