namespace CSharpFrontend.Converter.Image;

/// <summary>Reading and updating <c>KEY=value</c> environment lists as BuildKit's Dockerfile frontend does.</summary>
public static class EnvEntry
{
    /// <summary>Splits at the first <c>=</c>; an entry without one is a key with an empty value.</summary>
    public static (string Key, string Value) Split(string entry)
    {
        var eq = entry.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? (entry, "") : (entry[..eq], entry[(eq + 1)..]);
    }

    /// <summary>
    /// Whether <paramref name="entry"/>'s key (what <see cref="Split"/> gives) is <paramref name="key"/>, without
    /// cutting the entry: an ENV scans the whole list, so this runs once per entry per ENV.
    /// </summary>
    public static bool HasKey(string entry, string key) =>
        entry.StartsWith(key, StringComparison.Ordinal)
        && (entry.Length == key.Length || entry[key.Length] == '=')
        && !key.Contains('=', StringComparison.Ordinal);

    /// <summary>Whether some entry has key <paramref name="key"/> (compared case-sensitively, as on Linux).</summary>
    public static bool Contains(IEnumerable<string> env, string key) => env.Any(e => HasKey(e, key));
}
