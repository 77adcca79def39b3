using CSharpFrontend.Converter.Image;

namespace CSharpFrontend.Converter.Llb;

/// <summary>Go's <c>encoding/json</c> output for the string arrays BuildKit puts into source attrs.</summary>
public static class GoJson
{
    /// <summary><c>["a","b"]</c>, or <c>null</c> for no array (as Go marshals a nil slice).</summary>
    public static string StringArray(IEnumerable<string>? values) =>
        values is null ? "null" : new GoJsonBuilder(indent: null).StringArray(values).ToString();

    /// <summary>A JSON string with Go's escaping.</summary>
    public static string String(string value) => GoJsonBuilder.AppendString(new System.Text.StringBuilder(), value).ToString();
}
