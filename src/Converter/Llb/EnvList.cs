using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace CSharpFrontend.Converter.Llb;

/// <summary>
/// An ordered environment: setting a name moves it to the end, as BuildKit's env list does. Persistent: each
/// change shares structure with the list it came from and costs O(log n), so a stage with thousands of ARG or ENV
/// names builds its environment in O(n log n), not O(n²).
/// </summary>
public sealed class EnvList : IReadOnlyDictionary<string, string>, IEquatable<EnvList>
{
    // Entries by the sequence number of their last setting (which orders them), and each name's number.
    private readonly ImmutableSortedDictionary<long, KeyValuePair<string, string>> _ordered;
    private readonly ImmutableDictionary<string, long> _sequence;
    private readonly long _next;

    private EnvList(ImmutableSortedDictionary<long, KeyValuePair<string, string>> ordered, ImmutableDictionary<string, long> sequence, long next) =>
        (_ordered, _sequence, _next) = (ordered, sequence, next);

    public static EnvList Empty { get; } = new(
        ImmutableSortedDictionary<long, KeyValuePair<string, string>>.Empty, ImmutableDictionary.Create<string, long>(StringComparer.Ordinal), 0);

    /// <summary>The entries in order.</summary>
    public IEnumerable<KeyValuePair<string, string>> Entries => _ordered.Values;

    public int Count => _sequence.Count;

    // Iterators rather than LINQ's Select over the values: that is a generic virtual call, which the NativeAOT
    // runtime resolves by building code at the first call of each process.
    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var entry in _ordered.Values)
            {
                yield return entry.Key;
            }
        }
    }

    public IEnumerable<string> Values
    {
        get
        {
            foreach (var entry in _ordered.Values)
            {
                yield return entry.Value;
            }
        }
    }

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public EnvList AddOrReplace(string key, string value)
    {
        var ordered = _sequence.TryGetValue(key, out var old) ? _ordered.Remove(old) : _ordered;
        return new EnvList(ordered.Add(_next, new(key, value)), _sequence.SetItem(key, _next), _next + 1);
    }

    public EnvList SetDefault(string key, string value) => ContainsKey(key) ? this : AddOrReplace(key, value);

    public EnvList Delete(string key) =>
        _sequence.TryGetValue(key, out var old) ? new EnvList(_ordered.Remove(old), _sequence.Remove(key), _next) : this;

    public bool TryGet(string key, out string value)
    {
        var found = TryGetValue(key, out var v);
        value = v ?? "";
        return found;
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        if (_sequence.TryGetValue(key, out var index))
        {
            value = _ordered[index].Value;
            return true;
        }

        value = null;
        return false;
    }

    public bool ContainsKey(string key) => _sequence.ContainsKey(key);

    /// <summary><c>KEY=value</c> strings in order.</summary>
    public ImmutableArray<string> ToArray() => [.. Entries.Select(e => e.Key + "=" + e.Value)];

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(EnvList? other) => other is not null && (ReferenceEquals(this, other) || Entries.SequenceEqual(other.Entries));

    public override bool Equals(object? obj) => Equals(obj as EnvList);

    public override int GetHashCode() => Count;
}
