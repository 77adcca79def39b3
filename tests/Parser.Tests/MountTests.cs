using static CSharpFrontend.Parser.Tests.RunMountParsing;

namespace CSharpFrontend.Parser.Tests;

public sealed class MountTests
{
    private static string Fail(string spec)
    {
        var (mount, error) = RunMount.Parse(spec, Identity);
        Assert.Null(mount);
        return error!;
    }

    [Fact]
    public void Defaults()
    {
        Assert.Equal(new RunMount("bind", "", "", "/x", true, 0, "", "", false, null, null, null, null), Ok("target=/x"));
        Assert.False(Ok("type=cache,target=/c").ReadOnly);
        Assert.False(Ok("type=tmpfs,target=/t").ReadOnly);
        Assert.True(Ok("type=secret,id=s").ReadOnly);
        Assert.False(Ok("type=bind,target=/x,rw").ReadOnly);
        Assert.True(Ok("type=cache,target=/x,ro").ReadOnly);
    }

    [Fact]
    public void AllKeys()
    {
        var m = Ok("type=cache,from=build,src=/s,dst=/d,id=c1,sharing=locked,mode=0755,uid=1000,gid=1001,readonly=false");
        Assert.Equal(new RunMount("cache", "build", "/s", "/d", false, 0, "c1", "locked", false, null, 493, 1000, 1001), m);
        Assert.Equal(64L * 1024 * 1024, Ok("type=tmpfs,target=/t,size=64m").SizeLimit);
        Assert.Equal(1536, Ok("type=tmpfs,target=/t,size=1.5k").SizeLimit);
        var s = Ok("type=secret,id=x,env=TOKEN,required");
        Assert.True(s.Required);
        Assert.Equal("TOKEN", s.Env);
        Assert.True(Ok("type=ssh,required=true").Required);
        Assert.Equal("/x", Ok("\"target=/x\"").Target);
        Assert.Equal("cache", Ok("Type=CACHE,target=/x").Type);
    }

    [Theory]
    [InlineData("typ=tmpfs", "unexpected key 'typ' in 'typ=tmpfs' (did you mean type?)")]
    [InlineData("type=tmpfs,targte=/x", "unexpected key 'targte' in 'targte=/x' (did you mean target?)")]
    [InlineData("xyzzy=bar", "unexpected key 'xyzzy' in 'xyzzy=bar'")]
    [InlineData("type=cahce", "unsupported mount type \"cahce\" (did you mean cache?)")]
    [InlineData("type=volume", "unsupported mount type \"volume\"")]
    [InlineData("type=cache,sharing=lockd", "unsupported sharing value \"lockd\" (did you mean locked?)")]
    [InlineData("type=bind,sharing=locked", "invalid cache sharing set for bind mount")]
    [InlineData("type=bind,mode=0700", "mode not allowed for \"bind\" type mounts")]
    [InlineData("type=tmpfs,uid=1", "uid not allowed for \"tmpfs\" type mounts")]
    [InlineData("type=bind,gid=1", "gid not allowed for \"bind\" type mounts")]
    [InlineData("type=bind,required", "unexpected key 'required' for mount type 'bind'")]
    [InlineData("type=cache,required=true", "unexpected key 'required' for mount type 'cache'")]
    [InlineData("type=bind,size=1m", "unexpected key 'size' for mount type 'bind'")]
    [InlineData("type=tmpfs,size=lots", "invalid value for size: lots")]
    [InlineData("type=bind,ro=maybe", "invalid value for ro: maybe")]
    [InlineData("type=bind,rw=2", "invalid value for rw: 2")]
    [InlineData("type=cache,mode=999", "invalid value 999 for mode")]
    [InlineData("type=cache,uid=-1", "invalid value -1 for uid")]
    [InlineData("type=cache,gid=4294967296", "invalid value 4294967296 for gid")]
    [InlineData("type=bind,target", "invalid field 'target' must be a key=value pair")]
    [InlineData("type=secret", "invalid secret mount. one of source, target required")]
    [InlineData("type=secret,id=a,from=b", "secret mount should not have a from")]
    [InlineData("type=secret,id=a,sharing=shared", "secret mount should not define sharing")]
    [InlineData("type=secret,id=a,src=b", "both source and id can't be set")]
    [InlineData("type=bind,x\"y", "failed to parse csv mounts: parse error on line 1, column 12: bare \" in non-quoted-field")]
    public void Errors(string spec, string message) => Assert.Equal(message, Fail(spec));

    [Fact]
    public void ExpanderIsAppliedToValuesAndErrorsPropagate()
    {
        string? Expand(string word, out string? error)
        {
            error = word.Contains("$BAD", StringComparison.Ordinal) ? "BAD: is not allowed to be unset" : null;
            return error is null ? word.Replace("$DIR", "/cache", StringComparison.Ordinal) : null;
        }

        Assert.Equal("/cache", RunMount.Parse("type=cache,target=$DIR", Expand).Mount!.Target);
        Assert.Equal("BAD: is not allowed to be unset", RunMount.Parse("type=cache,target=$BAD", Expand).Error);
    }

    [Fact]
    public void UnexpandedCheck()
    {
        Assert.Null(RunMount.CheckUnexpanded("type=bind,from=$"));
        Assert.Null(RunMount.CheckUnexpanded("type=bind,target=$X,typo=1"));
        Assert.Equal("'from' doesn't support variable expansion, define alias stage instead", RunMount.CheckUnexpanded("from=${X}"));
    }
}
