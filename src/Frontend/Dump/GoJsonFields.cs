using Google.Protobuf;
using Google.Protobuf.Collections;

namespace CSharpFrontend.Frontend.Dump;

/// <summary>
/// Struct fields as Go's <c>encoding/json</c> writes them: the <c>Opt…</c> methods leave out zero values
/// (<c>omitempty</c>), the others always write; maps come out with their keys in Go's byte order.
/// </summary>
internal static class GoJsonFields
{
    public static void OptString(this GoJsonWriter w, string name, string value)
    {
        if (value.Length > 0)
        {
            w.Name(name);
            w.String(value);
        }
    }

    public static void OptBool(this GoJsonWriter w, string name, bool value)
    {
        if (value)
        {
            w.Name(name);
            w.Bool(true);
        }
    }

    public static void OptNumber(this GoJsonWriter w, string name, long value)
    {
        if (value != 0)
        {
            w.Number(name, value);
        }
    }

    public static void OptNumber(this GoJsonWriter w, string name, ulong value)
    {
        if (value != 0)
        {
            w.Name(name);
            w.Number(value);
        }
    }

    public static void Number(this GoJsonWriter w, string name, long value)
    {
        w.Name(name);
        w.Number(value);
    }

    public static void OptBytes(this GoJsonWriter w, string name, ByteString value)
    {
        if (!value.IsEmpty)
        {
            w.Name(name);
            w.Base64(value.Span);
        }
    }

    public static void OptStrings(this GoJsonWriter w, string name, RepeatedField<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        w.Name(name);
        w.StartArray();
        foreach (var value in values)
        {
            w.String(value);
        }

        w.EndArray();
    }

    public static void OptNumbers(this GoJsonWriter w, string name, IReadOnlyList<long> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        w.Name(name);
        w.StartArray();
        foreach (var value in values)
        {
            w.Number(value);
        }

        w.EndArray();
    }

    /// <summary>A message-typed field behind a pointer with <c>omitempty</c>: absent when unset.</summary>
    public static void OptObject<T>(this GoJsonWriter w, string name, T? value, Action<GoJsonWriter, T> write)
        where T : class
    {
        if (value is not null)
        {
            w.Name(name);
            write(w, value);
        }
    }

    /// <summary>A repeated message field with <c>omitempty</c>.</summary>
    public static void OptArray<T>(this GoJsonWriter w, string name, RepeatedField<T> values, Action<GoJsonWriter, T> write)
    {
        if (values.Count == 0)
        {
            return;
        }

        w.Name(name);
        w.StartArray();
        foreach (var value in values)
        {
            write(w, value);
        }

        w.EndArray();
    }

    /// <summary>
    /// A map field. With <paramref name="omitEmpty"/> an empty map is left out; without, it is written as
    /// <c>null</c> (a decoded Go map with no entries is nil).
    /// </summary>
    public static void Map<TValue>(this GoJsonWriter w, string name, MapField<string, TValue> map, bool omitEmpty, Action<GoJsonWriter, TValue> write)
    {
        if (map.Count == 0)
        {
            if (!omitEmpty)
            {
                w.Name(name);
                w.Null();
            }

            return;
        }

        w.Name(name);
        w.StartObject();
        foreach (var key in map.Keys.Order(w.MarkersAreInvalidBytes ? GoStringOrder.WithMarkers : GoStringOrder.Instance))
        {
            w.Name(key);
            write(w, map[key]);
        }

        w.EndObject();
    }

    public static void OptStringMap(this GoJsonWriter w, string name, MapField<string, string> map) =>
        w.Map(name, map, omitEmpty: true, static (writer, value) => writer.String(value));
}
