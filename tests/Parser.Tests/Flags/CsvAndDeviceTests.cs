using CSharpFrontend.Parser.Flags;

namespace CSharpFrontend.Parser.Tests.Flags;

/// <summary>
/// The CSV reading of <c>--mount</c> and <c>--device</c> values (BuildKit v0.24.0: tonistiigi/go-csvvalue) and the
/// device fields (<c>instructions.ParseDevice</c>). Every expectation is what v0.24.0's <c>dockerfile2llb</c>
/// (<c>dockerfile2llb-labs</c> for <c>--device</c>) gives for <c>RUN --mount=X true</c> / <c>RUN --device=X true</c>.
/// </summary>
public sealed class CsvAndDeviceTests
{
    [Theory]
    [InlineData("\"target=/a,b\"", new[] { "target=/a,b" })]
    [InlineData("\"type=tmpfs\",\"target=/t\"", new[] { "type=tmpfs", "target=/t" })]
    [InlineData("type=tmpfs,\"target=/t\",\"size=1k\"", new[] { "type=tmpfs", "target=/t", "size=1k" })]
    [InlineData("target=/x,\"ro\"", new[] { "target=/x", "ro" })]
    [InlineData("target=/x,", new[] { "target=/x", "" })]
    [InlineData("\"target=/x\",", new[] { "target=/x", "" })]
    [InlineData(",target=/x", new[] { "", "target=/x" })]
    [InlineData("\"\"", new[] { "" })]
    [InlineData("\"\"\"\"", new[] { "\"" })]
    [InlineData("\"a\"", new[] { "a" })]
    public void FieldsAsCsvvalueSplitsThem(string value, string[] fields)
    {
        var (split, error) = CsvFields.Split(value);
        Assert.Null(error);
        Assert.Equal(fields, split);
    }

    /// <summary>The first field that is not key=value is named in the converter's error (v0.24.0's exact text).</summary>
    [Theory]
    [InlineData("target=/x,", "invalid field '' must be a key=value pair")]
    [InlineData(",target=/x", "invalid field '' must be a key=value pair")]
    [InlineData("target=/x,\"\",ro", "invalid field '' must be a key=value pair")]
    [InlineData("\"a\"", "invalid field 'a' must be a key=value pair")]
    [InlineData("\"\"\"\"", "invalid field '\"' must be a key=value pair")]
    public void EmptyAndQuotedFieldsReachTheMountParser(string value, string message) =>
        Assert.Equal(message, RunMount.Parse(value, Identity).Error);

    [Theory]
    [InlineData("", "failed to parse csv mounts: EOF")]
    [InlineData("type=bind,x\"y", "failed to parse csv mounts: parse error on line 1, column 12: bare \" in non-quoted-field")]
    [InlineData("a,b\"c,\"d", "failed to parse csv mounts: parse error on line 1, column 4: bare \" in non-quoted-field")]
    [InlineData("\"target=/x\"y", "failed to parse csv mounts: parse error on line 1, column 11: extraneous or missing \" in quoted-field")]
    [InlineData("\"target=/x", "failed to parse csv mounts: parse error on line 1, column 2: extraneous or missing \" in quoted-field")]
    [InlineData("\"target=/x\"\"", "failed to parse csv mounts: parse error on line 1, column 13: extraneous or missing \" in quoted-field")]
    [InlineData("\"a\"\"", "failed to parse csv mounts: parse error on line 1, column 5: extraneous or missing \" in quoted-field")]
    [InlineData("\"a\"b,\"c", "failed to parse csv mounts: parse error on line 1, column 3: extraneous or missing \" in quoted-field")]
    [InlineData("a,\"b\"c", "failed to parse csv mounts: parse error on line 1, column 5: extraneous or missing \" in quoted-field")]
    [InlineData(",\"a\"b", "failed to parse csv mounts: parse error on line 1, column 4: extraneous or missing \" in quoted-field")]
    [InlineData("\"a\",b\"c", "failed to parse csv mounts: parse error on line 1, column 6: bare \" in non-quoted-field")]
    [InlineData("\"a\",\"b", "failed to parse csv mounts: parse error on line 1, column 6: extraneous or missing \" in quoted-field")]
    [InlineData("a,\"b", "failed to parse csv mounts: parse error on line 1, column 4: extraneous or missing \" in quoted-field")]
    [InlineData("\"a\"\"b\"c", "failed to parse csv mounts: parse error on line 1, column 6: extraneous or missing \" in quoted-field")]
    [InlineData("a,b,\"c\"d", "failed to parse csv mounts: parse error on line 1, column 7: extraneous or missing \" in quoted-field")]
    [InlineData("\"a\",\"b\"x", "failed to parse csv mounts: parse error on line 1, column 7: extraneous or missing \" in quoted-field")]
    public void CsvErrorsAsV024WordsThem(string value, string message)
    {
        Assert.Equal(message, RunMount.Parse(value, Identity).Error);
        Assert.Equal(message, RunMount.CheckUnexpanded(value));
    }

    /// <summary>Columns count bytes; BuildKit reads a flag byte by byte, so an <c>é</c> in it is 4 bytes by then.</summary>
    [Theory]
    [InlineData("\u00e9,\"x", 7)]
    [InlineData("\"\u00e9\"x", 6)]
    public void CsvErrorColumnsCountTheBytesOfTheFlag(string value, int column) =>
        Assert.Equal(
            $"failed to parse csv mounts: parse error on line 1, column {column}: extraneous or missing \" in quoted-field",
            TestUtil.Error("FROM a\nRUN --mount='" + value + "' true\n").Message);

    [Theory]
    [InlineData("vendor.com/gpu=0", "vendor.com/gpu=0", false)]
    [InlineData("vendor.com/gpu=0,required", "vendor.com/gpu=0", true)]
    [InlineData("name=vendor.com/gpu=0,required=false", "vendor.com/gpu=0", false)]
    [InlineData("name=a,required=T", "a", true)]
    [InlineData("required,a", "a", true)]
    [InlineData("Required,a", "a", true)]
    [InlineData("a,REQUIRED=1", "a", true)]
    [InlineData("NAME=a", "a", false)]
    [InlineData("foo=bar,required", "foo=bar", true)]
    [InlineData("required", "", true)]
    public void DevicesAsV024ReadsThem(string value, string name, bool required) =>
        Assert.Equal((new RunDevice(name, required), (string?)null), RunDevice.Parse(value));

    [Theory]
    [InlineData("", "failed to parse csv devices: EOF")]
    [InlineData("\"a", "failed to parse csv devices: parse error on line 1, column 2: extraneous or missing \" in quoted-field")]
    [InlineData("a,b", "invalid field 'b' must be a key=value pair")]
    [InlineData("a,name=b", "device name already set to a")]
    [InlineData("name=b,name=c", "device name already set to b")]
    [InlineData("a,foo=b", "unexpected key 'foo' in 'foo=b'")]
    [InlineData("a,nme=b", "unexpected key 'nme' in 'nme=b' (did you mean name?)")]
    [InlineData("a=b,c=d", "unexpected key 'c' in 'c=d'")]
    [InlineData("a,=x", "unexpected key '' in '=x'")]
    [InlineData("a,required=maybe", "invalid value for required: maybe")]
    public void DeviceErrorsAsV024WordsThem(string value, string message) =>
        Assert.Equal(message, RunDevice.Parse(value).Error);

    private static string? Identity(string word, out string? error)
    {
        error = null;
        return word;
    }
}
