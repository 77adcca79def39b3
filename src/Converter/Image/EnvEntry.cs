namespace CSharpFrontend.Converter.Image;

/// <summary>Reading <c>KEY=value</c> environment entries as BuildKit's Dockerfile frontend does.</summary>
public static class EnvEntry
{
    /// <summary>Splits at the first <c>=</c>; an entry without one is a key with an empty value.</summary>
    public static (string Key, string Value) Split(string entry)
    {
        var eq = entry.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? (entry, "") : (entry[..eq], entry[(eq + 1)..]);
    }

    /// <summary>The key of <paramref name="entry"/>: what precedes its first <c>=</c>, or all of it.</summary>
    public static string Key(string entry)
    {
        var eq = entry.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? entry : entry[..eq];
    }
}
