using CSharpFrontend.Converter.Dockerfile;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// STOPSIGNAL values as moby/sys/signal's <c>ParseSignal</c> (v0.24.0's vendored copy) takes them on Linux: a number
/// <c>strconv.Atoi</c> reads, other than 0; or a name of <c>SignalMap</c> (signal_linux.go), upper-cased, one
/// <c>SIG</c> prefix removed.
/// </summary>
public sealed class SignalsTests
{
    /// <summary>signal_linux.go's <c>SignalMap</c> keys.</summary>
    private static readonly string[] LinuxNames =
    [
        "ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL", "PIPE", "POLL",
        "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP", "TTIN", "TTOU", "URG", "USR1",
        "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ", "RTMIN", "RTMIN+1", "RTMIN+2", "RTMIN+3", "RTMIN+4", "RTMIN+5",
        "RTMIN+6", "RTMIN+7", "RTMIN+8", "RTMIN+9", "RTMIN+10", "RTMIN+11", "RTMIN+12", "RTMIN+13", "RTMIN+14",
        "RTMIN+15", "RTMAX-14", "RTMAX-13", "RTMAX-12", "RTMAX-11", "RTMAX-10", "RTMAX-9", "RTMAX-8", "RTMAX-7",
        "RTMAX-6", "RTMAX-5", "RTMAX-4", "RTMAX-3", "RTMAX-2", "RTMAX-1", "RTMAX",
    ];

    public static TheoryData<string> Names() => [.. LinuxNames];

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryLinuxNameWithOrWithoutSigInAnyCase(string name)
    {
        Assert.True(Signals.IsValid(name));
        Assert.True(Signals.IsValid("SIG" + name));
        Assert.True(Signals.IsValid("sig" + name.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("9", true)]
    [InlineData("+9", true)]
    [InlineData("-9", true)]
    [InlineData("2147483647", true)]
    [InlineData("0", false)]
    [InlineData("-0", false)]
    [InlineData("99999999999", false)]
    [InlineData(" 9", false)]
    [InlineData("9 ", false)]
    [InlineData("", false)]
    [InlineData("SIG", false)]
    [InlineData("SIGSIGKILL", false)]
    [InlineData("KIL", false)]
    [InlineData("RTMIN+16", false)]
    [InlineData("RTMAX-15", false)]
    [InlineData("SIGRTMIN+0", false)]
    [InlineData("EMT", false)]
    public void NumbersAndOtherNames(string signal, bool valid) => Assert.Equal(valid, Signals.IsValid(signal));
}
