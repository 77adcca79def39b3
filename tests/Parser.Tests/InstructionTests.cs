namespace CSharpFrontend.Parser.Tests;

public sealed class InstructionTests
{
    [Fact]
    public void FromWithStageAndPlatform()
    {
        var ast = TestUtil.Ast("ARG BASE=alpine\nARG X\nFROM --platform=$BUILDPLATFORM ${BASE} AS Build-1\nRUN x\nFROM build-1\n");
        Assert.Equal(2, ast.MetaArgs.Length);
        Assert.Equal(new ArgDefinition("BASE", "alpine", ""), ast.MetaArgs[0].Args[0]);
        Assert.Null(ast.MetaArgs[1].Args[0].Value);
        var s = ast.Stages[0];
        Assert.Equal("build-1", s.Name);
        Assert.Equal("${BASE}", s.BaseName);
        Assert.Equal("$BUILDPLATFORM", s.Platform);
        Assert.Equal("FROM --platform=$BUILDPLATFORM ${BASE} AS Build-1", s.SourceCode);
        Assert.Single(s.Commands);
        Assert.Equal("", ast.Stages[1].Name);
        Assert.Equal("", ast.Stages[1].Platform);
    }

    [Theory]
    [InlineData("FROM a AS 1x", "invalid name for build stage: \"1x\", name can't start with a number or contain symbols")]
    [InlineData("FROM a b", "FROM requires either one or three arguments")]
    [InlineData("FROM", "FROM requires either one or three arguments")]
    [InlineData("FROM --plat=x a", "unknown flag: --plat")]
    [InlineData("FROM --platfrm=x a", "unknown flag: --platfrm (did you mean platform?)")]
    [InlineData("FROM --platform a", "missing a value on flag: --platform")]
    public void FromErrors(string text, string message)
    {
        var e = TestUtil.Error(text);
        Assert.Equal(message, e.Message);
        Assert.Equal(DiagnosticLayer.Instruction, e.Layer);
    }

    [Fact]
    public void RunShellAndExecForms()
    {
        var shell = TestUtil.Single<RunInstruction>("RUN   echo  hi  ");
        Assert.Equal(["echo  hi"], shell.CmdLine.ToArray());
        Assert.True(shell.PrependShell);
        Assert.Equal("RUN   echo  hi  ", shell.Original);
        Assert.Equal("RUN   echo  hi", shell.SourceCode);
        var exec = TestUtil.Single<RunInstruction>("RUN [\"echo\", \"hi\"]");
        Assert.Equal(["echo", "hi"], exec.CmdLine.ToArray());
        Assert.False(exec.PrependShell);
        var invalid = TestUtil.Single<RunInstruction>("RUN [\"echo\", 'hi']");
        Assert.True(invalid.PrependShell);
        Assert.Equal(["[\"echo\", 'hi']"], invalid.CmdLine.ToArray());
    }

    [Fact]
    public void RunFlags()
    {
        var run = TestUtil.Single<RunInstruction>("RUN --mount=type=cache,target=/c --mount=type=secret,id=x --network=none --security=insecure echo");
        Assert.Equal(["type=cache,target=/c", "type=secret,id=x"], run.Mounts.ToArray());
        Assert.Equal("none", run.Network);
        Assert.Equal("insecure", run.Security);
        Assert.Equal(["mount", "network", "security"], run.FlagsUsed.ToArray());
        var plain = TestUtil.Single<RunInstruction>("RUN echo");
        Assert.Equal("default", plain.Network);
        Assert.Equal("sandbox", plain.Security);
        Assert.Empty(plain.FlagsUsed);
    }

    [Theory]
    [InlineData("RUN --mont=type=cache echo", "unknown flag: --mont (did you mean mount?)")]
    [InlineData("RUN --network=foo echo", "invalid network mode \"foo\"")]
    [InlineData("RUN --security=foo echo", "security \"foo\" is not valid")]
    [InlineData("RUN --network=none --network=host echo", "duplicate flag specified: --network")]
    [InlineData("RUN --mount echo", "missing a value on flag: --mount")]
    [InlineData("RUN --mount=from=$X,target=/x echo", "'from' doesn't support variable expansion, define alias stage instead")]
    [InlineData("RUN --mount=type=bind,x\\\"y echo", "failed to parse csv mounts: parse error on line 1, column 12: bare \" in non-quoted-field")]
    [InlineData("COPY --link=maybe a b", "expecting boolean value for flag --link, not: maybe")]
    [InlineData("COPY --link= a b", "missing a value on flag: --link")]
    [InlineData("COPY --foo=bar a b", "unknown flag: --foo (did you mean from?)")]
    [InlineData("ADD --chown a b", "missing a value on flag: --chown")]
    [InlineData("ENV --x=1 A=B", "unknown flag: --x")]
    [InlineData("MAINTAINER --boo joe", "unknown flag: --boo")]
    public void FlagErrors(string line, string message)
    {
        var e = TestUtil.Error("FROM a\n" + line + "\n");
        Assert.Equal(message, e.Message);
        Assert.Equal(2, e.Range.StartLine);
        Assert.Equal($"dockerfile parse error on line 2: {message}", e.ToBuildKitMessage());
    }

    [Fact]
    public void StopsignalAndArgIgnoreFlagsLikeBuildKit()
    {
        Assert.Equal("SIGKILL", TestUtil.Single<StopsignalInstruction>("STOPSIGNAL --x SIGKILL").Signal);
        Assert.Equal("A", TestUtil.Single<ArgInstruction>("ARG --x A").Args[0].Key);
    }

    [Fact]
    public void CopyAndAddFlags()
    {
        var c = TestUtil.Single<CopyInstruction>("COPY --from=build --chown=1:1 --chmod=755 --link --parents --exclude=*.md --exclude=x a b /d/");
        Assert.Equal("build", c.From);
        Assert.Equal("1:1", c.Chown);
        Assert.Equal("755", c.Chmod);
        Assert.True(c.Link);
        Assert.True(c.Parents);
        Assert.Equal(["*.md", "x"], c.ExcludePatterns.ToArray());
        Assert.Equal(["a", "b"], c.SourcesAndDest.SourcePaths.ToArray());
        Assert.Equal("/d/", c.SourcesAndDest.DestPath);

        var a = TestUtil.Single<AddInstruction>("ADD --checksum=sha256:abc --keep-git-dir=false --unpack https://x/y.tgz /d");
        Assert.Equal("sha256:abc", a.Checksum);
        Assert.False(a.KeepGitDir);
        Assert.True(a.Unpack);
        var plain = TestUtil.Single<AddInstruction>("ADD [\"a b\", \"/c\"]");
        Assert.Null(plain.KeepGitDir);
        Assert.Null(plain.Unpack);
        Assert.Equal(["a b"], plain.SourcesAndDest.SourcePaths.ToArray());
    }

    [Theory]
    [InlineData("COPY a", "COPY requires at least two arguments, but only one was provided. Destination could not be determined")]
    [InlineData("ADD a", "ADD requires at least two arguments, but only one was provided. Destination could not be determined")]
    [InlineData("ENV", "ENV requires at least one argument")]
    [InlineData("LABEL", "LABEL requires at least one argument")]
    [InlineData("ONBUILD", "ONBUILD requires at least one argument")]
    [InlineData("HEALTHCHECK", "HEALTHCHECK requires at least one argument")]
    [InlineData("EXPOSE", "EXPOSE requires at least one argument")]
    [InlineData("VOLUME", "VOLUME requires at least one argument")]
    [InlineData("ARG", "ARG requires at least one argument")]
    [InlineData("MAINTAINER", "MAINTAINER requires exactly one argument")]
    [InlineData("WORKDIR", "WORKDIR requires exactly one argument")]
    [InlineData("USER", "USER requires exactly one argument")]
    [InlineData("STOPSIGNAL", "STOPSIGNAL requires exactly one argument")]
    [InlineData("SHELL", "SHELL requires at least one argument")]
    [InlineData("SHELL []", "SHELL requires at least one argument")]
    [InlineData("SHELL bash -c", "SHELL requires the arguments to be in JSON form")]
    [InlineData("ONBUILD FROM scratch", "FROM isn't allowed as an ONBUILD trigger")]
    [InlineData("ONBUILD maintainer me", "MAINTAINER isn't allowed as an ONBUILD trigger")]
    [InlineData("ONBUILD ONBUILD RUN touch foobar", "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed")]
    [InlineData("FOO bar", "unknown instruction: FOO (did you mean FROM?)")]
    [InlineData("foo bar", "unknown instruction: foo (did you mean from?)")]
    [InlineData("XYZZY bar", "unknown instruction: XYZZY")]
    [InlineData("RUNN x", "unknown instruction: RUNN (did you mean RUN?)")]
    [InlineData("copyy a b", "unknown instruction: copyy (did you mean copy?)")]
    [InlineData("ARG =x", "ARG names can not be blank")]
    [InlineData("ENV =x", "ENV names can not be blank")]
    [InlineData("VOLUME [\"\"]", "VOLUME specified can not be an empty string")]
    [InlineData("HEALTHCHECK NONE x", "HEALTHCHECK NONE takes no arguments")]
    [InlineData("HEALTHCHECK FOO x", "Unknown type \"FOO\" in HEALTHCHECK (try CMD)")]
    [InlineData("HEALTHCHECK CMD", "Missing command after HEALTHCHECK CMD")]
    [InlineData("HEALTHCHECK --interval=50ns CMD x", "Interval \"interval\" cannot be less than 1ms")]
    [InlineData("HEALTHCHECK --timeout=5 CMD x", "time: missing unit in duration \"5\"")]
    [InlineData("HEALTHCHECK --timeout=5y CMD x", "time: unknown unit \"y\" in duration \"5y\"")]
    [InlineData("HEALTHCHECK --timeout=abc CMD x", "time: invalid duration \"abc\"")]
    [InlineData("HEALTHCHECK --retries=-1 CMD x", "--retries cannot be negative (-1)")]
    [InlineData("HEALTHCHECK --retries=x CMD x", "strconv.ParseInt: parsing \"x\": invalid syntax")]
    [InlineData("HEALTHCHECK --retries=99999999999 CMD x", "strconv.ParseInt: parsing \"99999999999\": value out of range")]
    [InlineData("HEALTHCHECK --intervall=1s CMD x", "unknown flag: --intervall (did you mean interval?)")]
    public void InstructionErrors(string line, string message)
    {
        var e = TestUtil.Error("FROM a\n" + line + "\n");
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void EnvAndLabelPairs()
    {
        var env = TestUtil.Single<EnvInstruction>("ENV A=1 B=\"x y\" C=");
        Assert.Equal([new KeyValuePair("A", "1", false), new KeyValuePair("B", "\"x y\"", false), new KeyValuePair("C", "", false)], env.Env.ToArray());
        var legacy = TestUtil.Single<EnvInstruction>("ENV A  hello   world");
        Assert.Equal([new KeyValuePair("A", "hello   world", true)], legacy.Env.ToArray());
        var label = TestUtil.Single<LabelInstruction>("LABEL \"com.x\"=\"y\" a=b");
        Assert.Equal([new KeyValuePair("\"com.x\"", "\"y\"", false), new KeyValuePair("a", "b", false)], label.Labels.ToArray());
    }

    [Theory]
    [InlineData("ENV A", "ENV must have two arguments")]
    [InlineData("LABEL A", "LABEL must have two arguments")]
    [InlineData("ENV A=1 B", "Syntax error - can't find = in \"B\". Must be of the form: name=value")]
    [InlineData("RUN [\"a\", 1]", "when using JSON array syntax, arrays must be comprised of strings only")]
    [InlineData("COPY [\"a\", {\"b\": null}]", "when using JSON array syntax, arrays must be comprised of strings only")]
    public void SyntaxErrors(string line, string message)
    {
        var r = TestUtil.Parse("FROM a\n" + line + "\n");
        Assert.Null(r.Syntax);
        var e = r.FirstError!;
        Assert.Equal(message, e.Message);
        Assert.Equal(DiagnosticLayer.Syntax, e.Layer);
        Assert.Equal(message, e.ToBuildKitMessage());
    }

    [Fact]
    public void ArgForms()
    {
        var arg = TestUtil.Single<ArgInstruction>("ARG a b= c=\"d e\" f=g=h");
        Assert.Equal(
            [new ArgDefinition("a", null, ""), new ArgDefinition("b", "", ""), new ArgDefinition("c", "\"d e\"", ""), new ArgDefinition("f", "g=h", "")],
            arg.Args.ToArray());
    }

    [Fact]
    public void CmdEntrypointAndShell()
    {
        Assert.Equal(["a", "b"], TestUtil.Single<CmdInstruction>("CMD [\"a\",\"b\"]").CmdLine.ToArray());
        Assert.Empty(TestUtil.Single<CmdInstruction>("CMD []").CmdLine);
        Assert.False(TestUtil.Single<CmdInstruction>("CMD []").PrependShell);
        Assert.Equal(["echo $x"], TestUtil.Single<EntrypointInstruction>("ENTRYPOINT echo $x").CmdLine.ToArray());
        Assert.Empty(TestUtil.Single<EntrypointInstruction>("ENTRYPOINT").CmdLine);
        Assert.Equal(["pwsh", "-c"], TestUtil.Single<ShellInstruction>("SHELL [\"pwsh\", \"-c\"]").Shell.ToArray());
    }

    [Fact]
    public void Healthcheck()
    {
        var h = TestUtil.Single<HealthcheckInstruction>("HEALTHCHECK --interval=30s --timeout=1m30s --start-period=1.5s --start-interval=2s --retries=3 CMD curl -f x");
        Assert.Equal(new HealthcheckConfig(["CMD-SHELL", "curl -f x"], 30_000_000_000, 90_000_000_000, 1_500_000_000, 2_000_000_000, 3) with { Test = h.Health.Test }, h.Health);
        Assert.Equal(["CMD-SHELL", "curl -f x"], h.Health.Test.ToArray());
        var json = TestUtil.Single<HealthcheckInstruction>("HEALTHCHECK cmd [\"a\", \"b\"]");
        Assert.Equal(["CMD", "a", "b"], json.Health.Test.ToArray());
        var none = TestUtil.Single<HealthcheckInstruction>("HEALTHCHECK --interval=bogus none");
        Assert.Equal(["NONE"], none.Health.Test.ToArray());
    }

    [Fact]
    public void SimpleInstructions()
    {
        Assert.Equal(["443/tcp", "80", "8080"], TestUtil.Single<ExposeInstruction>("EXPOSE 8080 80 443/tcp").Ports.ToArray());
        Assert.Equal(["/a", "/b"], TestUtil.Single<VolumeInstruction>("VOLUME /a /b").Volumes.ToArray());
        Assert.Equal(["/a"], TestUtil.Single<VolumeInstruction>("VOLUME [\" /a \"]").Volumes.ToArray());
        Assert.Equal("a b", TestUtil.Single<UserInstruction>("USER a b").User);
        Assert.Equal("/x y", TestUtil.Single<WorkdirInstruction>("WORKDIR /x y").Path);
        Assert.Equal("me <m@x>", TestUtil.Single<MaintainerInstruction>("MAINTAINER me <m@x>").Maintainer);
    }

    [Fact]
    public void OnbuildExpression()
    {
        var ob = TestUtil.Single<OnbuildInstruction>("  onbuild   RUN --mount=type=cache,target=/x echo hi");
        Assert.Equal("RUN --mount=type=cache,target=/x echo hi", ob.Expression);
        Assert.Equal("RUN", ob.Trigger.Keyword);
        Assert.Equal(["--mount=type=cache,target=/x"], ob.Trigger.Flags.ToArray());
    }

    [Fact]
    public void InstructionBeforeFromIsAnError()
    {
        var e = TestUtil.Error("RUN x\nFROM a\n");
        Assert.Equal("no build stage in current context", e.Message);
        Assert.Equal("no build stage in current context", e.ToBuildKitMessage());
    }

    [Fact]
    public void DocComments()
    {
        var ast = TestUtil.Ast("# foo sets foo\nARG foo=bar\n\n# base defines first stage\nFROM busybox AS base\n# this is irrelevant\nARG foo\n# bar defines bar\n# baz is something else\nARG bar baz=123\n");
        Assert.Equal("defines first stage", ast.Stages[0].DocComment);
        Assert.Equal("sets foo", ast.MetaArgs[0].Args[0].DocComment);
        var args = (ArgInstruction)ast.Stages[0].Commands[1];
        Assert.Equal("defines bar", args.Args[0].DocComment);
        Assert.Equal("is something else", args.Args[1].DocComment);
    }

    [Fact]
    public void RangesCoverContinuations()
    {
        var ast = TestUtil.Ast("FROM a\n  RUN echo \\\n   hi\nCOPY <<EOF /x\nbody\nEOF\n");
        var run = ast.Stages[0].Commands[0];
        Assert.Equal(new SourceRange(new SourcePosition(2, 3), new SourcePosition(3, 6)), run.Range);
        Assert.Equal("RUN echo    hi", run.Original);
        var copy = ast.Stages[0].Commands[1];
        Assert.Equal(4, copy.Range.StartLine);
        Assert.Equal(6, copy.Range.EndLine);
    }
}
