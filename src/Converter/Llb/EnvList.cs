using System.Collections.Immutable;

namespace CSharpFrontend.Converter.Llb;

/// <summary>An ordered environment: setting a name moves it to the end, as BuildKit's env list does.</summary>
public sealed record EnvList(ImmutableArray<KeyValuePair<string, string>> Entries)
{
    public static EnvList Empty { get; } = new(ImmutableArray<KeyValuePair<string, string>>.Empty);

    public EnvList AddOrReplace(string key, string value) => new(Delete(key).Entries.Add(new(key, value)));

    public EnvList SetDefault(string key, string value) => TryGet(key, out _) ? this : new(Entries.Add(new(key, value)));

    public EnvList Delete(string key)
    {
        var index = IndexOf(key);
        return index < 0 ? this : new(Entries.RemoveAt(index));
    }

    public bool TryGet(string key, out string value)
    {
        var index = IndexOf(key);
        value = index < 0 ? "" : Entries[index].Value;
        return index >= 0;
    }

    /// <summary><c>KEY=value</c> strings in order.</summary>
    public ImmutableArray<string> ToArray() => [.. Entries.Select(e => e.Key + "=" + e.Value)];

    private int IndexOf(string key)
    {
        for (var i = 0; i < Entries.Length; i++)
        {
            if (Entries[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }

    public bool Equals(EnvList? other) => other is not null && Entries.SequenceEqual(other.Entries);

    public override int GetHashCode() => Entries.Length;
}
