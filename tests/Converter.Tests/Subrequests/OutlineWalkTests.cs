using CSharpFrontend.Converter.Dockerfile;

namespace CSharpFrontend.Converter.Tests.Subrequests;

/// <summary>
/// Which stages the outline of a target reads (v0.24.0's outline.go: the target, then its base stage's outline, then
/// the stages it copies or mounts from, each name taken from the first stage that has it) and the order of its rows
/// (by line). Every expected text is what <c>buildctl build --opt requestid=frontend.outline</c> printed on buildkitd
/// v0.24.0 for the same Dockerfile (builtin <c>dockerfile.v0</c>).
/// </summary>
public sealed class OutlineWalkTests
{
    // Global ARGs computed from each other (A from B from C), one never used; a secret and an SSH socket asked for in
    // the base stage, the target and a stage copied from, the target's own s1 required where the base's is not.
    private const string Chained =
        "# C the c\nARG C=c\nARG B=${C}b\nARG A=$B\nARG UNUSED=u\nFROM scratch AS base\nARG A\n" +
        "RUN --mount=type=secret,id=s1 --mount=type=ssh,id=k1,required=true echo $A\n" +
        "FROM scratch AS other\nARG D=d\nRUN --mount=type=secret,id=s2,required=true --mount=type=ssh,id=k2 echo $D\n" +
        "FROM base AS final\nCOPY --from=other /a /a\nRUN --mount=type=secret,id=s1,required=true --mount=type=ssh,id=k0 true\n";

    // A diamond: d builds on c and copies from b, both of which copy from a; a's base and platform come from global ARGs.
    private const string Diamond =
        "ARG PLAT=linux/amd64\nARG IMG=scratch\nFROM --platform=$PLAT $IMG AS a\nARG AA=1\nRUN --mount=type=secret,id=x echo $AA\n" +
        "FROM scratch AS b\nCOPY --from=a /x /x\nFROM scratch AS c\nCOPY --from=a /y /y\nARG CC=2\nRUN echo $CC\n" +
        "FROM c AS d\nCOPY --from=b /z /z\nARG DD\nRUN --mount=type=ssh echo $DD\n";

    private static string OutlineText(string dockerfile, string target = "") =>
        TestConversion.Convert(dockerfile, TestConversion.Options with { Target = target, MarshalDefinition = false }).Outline.ToText();

    [Fact]
    public void TheTargetsOwnMountsComeFirstAndArgsFollowTheirDependencies() =>
        Assert.Equal(
            "TARGET: final\n\nBUILD ARG   VALUE   DESCRIPTION\nC           c       the c\nB           cb      \nA           cb      \nD           d       \n\n" +
            "SECRET   REQUIRED\ns2       true\ns1       true\n\nSSH   REQUIRED\nk1    true\nk2    \nk0    \n\n",
            OutlineText(Chained));

    [Fact]
    public void TheBaseStageAloneHasOnlyItsOwn() =>
        Assert.Equal(
            "TARGET: base\n\nBUILD ARG   VALUE   DESCRIPTION\nC           c       the c\nB           cb      \nA           cb      \n\n" +
            "SECRET   REQUIRED\ns1       \n\nSSH   REQUIRED\nk1    true\n\n",
            OutlineText(Chained, "base"));

    [Theory]
    [InlineData("d", "DD                        \n\nSECRET   REQUIRED\nx        \n\nSSH       REQUIRED\ndefault   \n\n")]
    [InlineData("c", "\nSECRET   REQUIRED\nx        \n\n")]
    public void AStageReachedTwiceCountsOnce(string target, string tail)
    {
        var expected = $"TARGET: {target}\n\nBUILD ARG   VALUE         DESCRIPTION\nPLAT        linux/amd64   \nIMG         scratch       \n" +
                       "AA          1             \nCC          2             \n" + tail;
        Assert.Equal(expected, OutlineText(Diamond, target));
    }

    [Fact]
    public void AStageCopiedFromBringsWhatItsOwnCopiesUse() =>
        Assert.Equal(
            "TARGET: b\n\nBUILD ARG   VALUE         DESCRIPTION\nPLAT        linux/amd64   \nIMG         scratch       \nAA          1             \n\n" +
            "SECRET   REQUIRED\nx        \n\n",
            OutlineText(Diamond, "b"));

    [Fact]
    public void AnUnnamedTargetPrintsNoTargetTable() =>
        Assert.Equal(
            "BUILD ARG   VALUE   DESCRIPTION\nX           1       \n\nSECRET   REQUIRED\na        \n\n",
            OutlineText("# desc here\nFROM scratch\nARG X=1\nRUN --mount=type=secret,id=a true\n"));

    [Fact]
    public void ColumnsAreAsWideAsTheirCharactersNotTheirUtf16Units() =>
        Assert.Equal(
            "BUILD ARG   VALUE   DESCRIPTION\nV           \U0001F600\u00e9      \nW           abc     \n\n",
            OutlineText("FROM scratch\nARG V=\U0001F600\u00e9\nARG W=abc\nRUN echo $V $W\n"));
}
