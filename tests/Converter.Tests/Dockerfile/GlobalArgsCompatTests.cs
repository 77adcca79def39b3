using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Profiles;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// The global ARGs in the v0.11 profile, as v0.11.6's convert.go reads them (no v0.11.6 binary is here; the expected
/// values follow its source): every name is in the map (<c>metaArgsToMap</c>, an ARG without a value as the empty
/// string), a default that fails to expand is taken as empty (<c>ProcessWordWithMatches</c>'s error dropped), and a
/// stage's ARG takes the last global definition of its name, with or without a value. v0.24's environment list
/// (golden cases <c>global-args-env-list</c>, <c>error-global-arg-expansion</c>) differs in each.
/// </summary>
public sealed class GlobalArgsCompatTests
{
    private static readonly ConvertOptions V011 = TestConversion.Options with { Profile = BuildKitProfile.V0_11 };

    private static string[] Env(string dockerfile) => [.. TestConversion.Convert(dockerfile, V011).Image.Config.Env];

    [Fact]
    public void AFailedDefaultIsEmpty() =>
        Assert.Contains("X=", Env("ARG A=${B:?required}\nFROM scratch\nARG A\nENV X=$A\n"));

    [Fact]
    public void AnArgWithoutAValueIsSetEmpty() =>
        Assert.Contains("X=set", Env("ARG A\nARG B=${A+set}\nFROM scratch\nARG B\nENV X=$B\n"));

    [Fact]
    public void AStageArgTakesTheLastDefinitionEvenWithoutAValue() =>
        Assert.Contains("X=", Env("ARG A=1\nARG A\nFROM scratch\nARG A\nENV X=$A\n"));

    [Fact]
    public void AnEmptyGlobalArgMakesABlankBaseName() =>
        Assert.Equal(
            "base name (${A-alpine}) should not be blank",
            Assert.Throws<ConvertException>(() => TestConversion.Convert("ARG A\nFROM ${A-alpine}\n", V011)).Message);
}
