using static CSharpFrontend.Parser.Tests.RunMountParsing;

namespace CSharpFrontend.Parser.Tests.Flags;

/// <summary>
/// <c>RUN --mount</c> fields as BuildKit v0.24.0 reads them (instructions/commands_runmount.go). Each case is
/// checked against v0.24.0's <c>dockerfile2llb</c> for <c>RUN --mount=X true</c>: the error it prints, or the mount
/// it writes (read-only flag, secret/ssh uid, gid and mode, tmpfs or cache options).
/// </summary>
public sealed class RunMountFieldTests
{
    [Theory]
    [InlineData("1", true)]
    [InlineData("t", true)]
    [InlineData("T", true)]
    [InlineData("TRUE", true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("0", false)]
    [InlineData("f", false)]
    [InlineData("F", false)]
    [InlineData("FALSE", false)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    public void BooleansAreGoParseBools(string value, bool readOnly)
    {
        Assert.Equal(readOnly, Ok("target=/x,ro=" + value).ReadOnly);
        Assert.Equal(readOnly, Ok("target=/x,readonly=" + value).ReadOnly);
        Assert.Equal(!readOnly, Ok("target=/x,rw=" + value).ReadOnly);
        Assert.Equal(!readOnly, Ok("target=/x,readwrite=" + value).ReadOnly);
        Assert.Equal(readOnly, Ok("type=secret,id=s,required=" + value).Required);
        Assert.Equal(readOnly, Ok("type=ssh,required=" + value).Required);
    }

    [Theory]
    [InlineData("target=/x,readonly", true)]
    [InlineData("type=cache,target=/x,readonly", true)]
    [InlineData("type=cache,target=/x,readwrite", false)]
    [InlineData("target=/x,readwrite", false)]
    [InlineData("type=ssh", true)]
    [InlineData("type=tmpfs,target=/t,ro", true)]
    public void BareReadOnlyAndReadWrite(string spec, bool readOnly) => Assert.Equal(readOnly, Ok(spec).ReadOnly);

    [Fact]
    public void SecretAndSshTakeOwnerAndMode()
    {
        var ssh = Ok("type=ssh,mode=0600,uid=1,gid=2");
        Assert.Equal((384UL, 1UL, 2UL), (ssh.Mode!.Value, ssh.Uid!.Value, ssh.Gid!.Value));
        var secret = Ok("type=secret,id=s,mode=0400,uid=1,gid=2");
        Assert.Equal((256UL, 1UL, 2UL), (secret.Mode!.Value, secret.Uid!.Value, secret.Gid!.Value));
    }

    [Fact]
    public void NumbersUpToThirtyTwoBits()
    {
        var m = Ok("type=cache,target=/x,mode=37777777777,uid=4294967295,gid=0");
        Assert.Equal((4_294_967_295UL, 4_294_967_295UL, 0UL), (m.Mode!.Value, m.Uid!.Value, m.Gid!.Value));
    }

    [Fact]
    public void SecretTargetOrSourceAloneIsEnough()
    {
        Assert.Equal("/x", Ok("type=secret,target=/x").Target);
        Assert.Equal("/s", Ok("type=secret,src=/s").Source);
        Assert.False(Ok("type=secret,id=s,required=false").Required);
        Assert.True(Ok("type=ssh,required=1").Required);
    }

    [Fact]
    public void SharingIsCaseInsensitive() => Assert.Equal("shared", Ok("type=cache,target=/x,sharing=SHARED").CacheSharing);

    [Theory]
    [InlineData("type=secret,id=s,required=maybe", "invalid value for required: maybe")]
    [InlineData("type=secret,required", "invalid secret mount. one of source, target required")]
    [InlineData("type=cache,target=/x,uid=1a", "invalid value 1a for uid")]
    [InlineData("type=cache,target=/x,uid=+1", "invalid value +1 for uid")]
    [InlineData("type=cache,target=/x,uid=1_0", "invalid value 1_0 for uid")]
    [InlineData("type=cache,target=/x,mode=40000000000", "invalid value 40000000000 for mode")]
    [InlineData("type=cache,target=/x,mode=", "invalid value  for mode")]
    [InlineData("type=tmpfs,target=/t,mode=0700", "mode not allowed for \"tmpfs\" type mounts")]
    [InlineData("type=tmpfs,target=/t,sharing=shared", "invalid cache sharing set for tmpfs mount")]
    [InlineData("type=ssh,sharing=shared", "invalid cache sharing set for ssh mount")]
    [InlineData("type=tmpfs,target=/t,ro=tRUE", "invalid value for ro: tRUE")]
    [InlineData("target=/x,ro=yes", "invalid value for ro: yes")]
    public void Errors(string spec, string message) => Assert.Equal(message, RunMount.Parse(spec, Identity).Error);

    /// <summary>The parse-time check finds <c>from</c> in any case, after fields without a value.</summary>
    [Theory]
    [InlineData("FROM=${X}")]
    [InlineData("ro,from=${X}")]
    public void FromWithAVariableIsRefusedBeforeExpansion(string spec) =>
        Assert.Equal("'from' doesn't support variable expansion, define alias stage instead", RunMount.CheckUnexpanded(spec));

    [Fact]
    public void NullArgumentsAreRefused()
    {
        Assert.Throws<ArgumentNullException>(() => RunMount.Parse(null!, Identity));
        Assert.Throws<ArgumentNullException>(() => RunMount.Parse("target=/x", null!));
        Assert.Throws<ArgumentNullException>(() => RunMount.CheckUnexpanded(null!));
    }

    /// <summary>An expander that fails without saying why still fails the mount (a fallback text of ours).</summary>
    [Fact]
    public void AnExpanderFailureWithoutTextStillFails()
    {
        string? Silent(string word, out string? error)
        {
            error = null;
            return null;
        }

        Assert.Equal("failed to expand mount value", RunMount.Parse("target=$X", Silent).Error);
    }

    /// <summary>Every key of upstream's list is a suggestion (v0.24.0: <c>KEYx=1</c> suggests <c>KEY</c>).</summary>
    [Theory]
    [InlineData("type")]
    [InlineData("from")]
    [InlineData("source")]
    [InlineData("target")]
    [InlineData("readonly")]
    [InlineData("id")]
    [InlineData("sharing")]
    [InlineData("required")]
    [InlineData("size")]
    [InlineData("mode")]
    [InlineData("uid")]
    [InlineData("gid")]
    [InlineData("src")]
    [InlineData("dst")]
    [InlineData("destination")]
    [InlineData("ro")]
    [InlineData("rw")]
    [InlineData("readwrite")]
    [InlineData("env")]
    public void EveryKeyIsSuggested(string key) =>
        Assert.Equal($"unexpected key '{key}x' in '{key}x=1' (did you mean {key}?)", RunMount.Parse(key + "x=1", Identity).Error);

    [Theory]
    [InlineData("type=bnd", "unsupported mount type \"bnd\" (did you mean bind?)")]
    [InlineData("type=tmpf", "unsupported mount type \"tmpf\" (did you mean tmpfs?)")]
    [InlineData("type=secrt", "unsupported mount type \"secrt\" (did you mean secret?)")]
    [InlineData("type=sshh", "unsupported mount type \"sshh\" (did you mean ssh?)")]
    [InlineData("type=cache,sharing=share", "unsupported sharing value \"share\" (did you mean shared?)")]
    [InlineData("type=cache,sharing=privat", "unsupported sharing value \"privat\" (did you mean private?)")]
    public void TypesAndSharingModesAreSuggested(string spec, string message) =>
        Assert.Equal(message, RunMount.Parse(spec, Identity).Error);

    [Fact]
    public void PrivateSharingIsAccepted() => Assert.Equal("private", Ok("type=cache,target=/x,sharing=private").CacheSharing);

    [Fact]
    public void LongKeyNamesAndBareRequiredForSsh()
    {
        var m = Ok("source=/s,destination=/d");
        Assert.Equal(("/s", "/d"), (m.Source, m.Target));
        Assert.True(Ok("type=ssh,required").Required);
    }

    [Theory]
    [InlineData("=x", "unexpected key '' in '=x' (did you mean id?)")]
    [InlineData("type=Bnd", "unsupported mount type \"Bnd\" (did you mean bind?)")]
    [InlineData("type=cache,target=/x,sharing=Privat", "unsupported sharing value \"Privat\" (did you mean private?)")]
    [InlineData("type=cache,target=/x,mode=8", "invalid value 8 for mode")]
    [InlineData("type=cache,target=/x,uid=1:", "invalid value 1: for uid")]
    public void MoreErrors(string spec, string message) => Assert.Equal(message, RunMount.Parse(spec, Identity).Error);

    [Fact]
    public void AVariableAfterTheFirstCharacterOfFromIsRefused() =>
        Assert.Equal("'from' doesn't support variable expansion, define alias stage instead", RunMount.CheckUnexpanded("from=a$X"));
}
