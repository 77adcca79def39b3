using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace CSharpFrontend.Converter.Image;

/// <summary>
/// The image config's environment: <c>KEY=value</c> entries in order, as written. Persistent, with the first entry
/// of each key indexed, so that <see cref="Set"/> (BuildKit's addEnv, which scans the list) costs O(log n) and a
/// stage with thousands of ENV names builds its config in O(n log n), not O(n²).
/// </summary>
[CollectionBuilder(typeof(EnvEntries), nameof(Create))]
public sealed class EnvEntries : IReadOnlyList<string>, IEquatable<EnvEntries>
{
    private readonly ImmutableList<string> _entries;

    // Each key (what EnvEntry.Key gives, so never containing '=') and the index of its first entry.
    private readonly ImmutableDictionary<string, int> _first;

    private EnvEntries(ImmutableList<string> entries, ImmutableDictionary<string, int> first) =>
        (_entries, _first) = (entries, first);

    /// <summary>No entries.</summary>
    public static EnvEntries Empty { get; } =
        new(ImmutableList<string>.Empty, ImmutableDictionary.Create<string, int>(StringComparer.Ordinal));

    /// <summary>The entries given, in order, duplicate keys included (as an image config may hold them).</summary>
    public static EnvEntries Create(ReadOnlySpan<string> entries)
    {
        var list = ImmutableList.CreateBuilder<string>();
        var first = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            first.TryAdd(EnvEntry.Key(entry), list.Count);
            list.Add(entry);
        }

        return new EnvEntries(list.ToImmutable(), first.ToImmutable());
    }

    /// <summary>The number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>The entry at <paramref name="index"/>.</summary>
    public string this[int index] => _entries[index];

    /// <summary>Whether some entry has key <paramref name="key"/> (compared case-sensitively, as on Linux).</summary>
    public bool ContainsKey(string key) => _first.ContainsKey(key);

    /// <summary>
    /// Sets <paramref name="key"/> as ENV does: the first entry with that key (case-sensitive) is replaced in place,
    /// otherwise <c>key=value</c> is appended. A key containing <c>=</c> matches no entry, so it is appended.
    /// </summary>
    public EnvEntries Set(string key, string value)
    {
        var entry = key + "=" + value;
        if (_first.TryGetValue(key, out var index))
        {
            return new EnvEntries(_entries.SetItem(index, entry), _first);
        }

        var entryKey = EnvEntry.Key(entry);
        var first = _first.ContainsKey(entryKey) ? _first : _first.Add(entryKey, _entries.Count);
        return new EnvEntries(_entries.Add(entry), first);
    }

    /// <inheritdoc/>
    public IEnumerator<string> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(EnvEntries? other) =>
        other is not null && (ReferenceEquals(this, other) || (Count == other.Count && _entries.SequenceEqual(other._entries)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as EnvEntries);

    /// <inheritdoc/>
    public override int GetHashCode() => Structural.Hash(_entries);
}
