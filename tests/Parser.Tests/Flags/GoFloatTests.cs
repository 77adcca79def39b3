using CSharpFrontend.Parser.Flags;

namespace CSharpFrontend.Parser.Tests.Flags;

/// <summary>
/// Go's <c>strconv.ParseFloat</c> on numbers go-units never hands it (its number always ends in a digit, a dot or a
/// space): an exponent needs a digit after <c>e</c>/<c>p</c> and its sign (<c>readFloat</c>), so each of these is a
/// syntax error. <see cref="TmpfsSizeTests"/> has the values as v0.24.0's <c>dockerfile2llb</c> reads them.
/// </summary>
public sealed class GoFloatTests
{
    [Theory]
    [InlineData("1e")]
    [InlineData("1E")]
    [InlineData("1e+")]
    [InlineData("1.5e-")]
    [InlineData("0x1p")]
    [InlineData("0x1p-")]
    [InlineData("0x1P+")]
    [InlineData("")]
    [InlineData("+")]
    public void AnExponentOrNumberWithoutDigitsIsASyntaxError(string text) => Assert.Null(GoFloat.Parse(text));
}
