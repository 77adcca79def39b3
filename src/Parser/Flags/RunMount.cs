using CSharpFrontend.Parser.Flags;
using CSharpFrontend.Parser.Text;
using CSharpFrontend.Shared;

namespace CSharpFrontend.Parser;

/// <summary>Expands one word (build args/env); returns null and sets <paramref name="error"/> on failure.</summary>
/// <param name="word">The raw word.</param>
/// <param name="error">The expansion error message.</param>
public delegate string? SingleWordExpander(string word, out string? error);

/// <summary>A parsed <c>RUN --mount</c> (BuildKit's <c>instructions.Mount</c>).</summary>
/// <param name="Type">bind, cache, tmpfs, secret or ssh.</param>
/// <param name="From">Stage/image for bind and cache mounts; empty when absent.</param>
/// <param name="Source">Source path; empty when absent.</param>
/// <param name="Target">Target path; empty when absent.</param>
/// <param name="ReadOnly">Read-only (default: true for bind/secret/ssh, false for cache/tmpfs).</param>
/// <param name="SizeLimit">tmpfs size in bytes; 0 when absent.</param>
/// <param name="CacheId">id; empty when absent.</param>
/// <param name="CacheSharing">shared, private or locked; empty when absent.</param>
/// <param name="Required">secret/ssh required.</param>
/// <param name="Env">secret env variable name; null when absent.</param>
/// <param name="Mode">File mode; null when absent.</param>
/// <param name="Uid">Owner uid; null when absent.</param>
/// <param name="Gid">Owner gid; null when absent.</param>
public sealed record RunMount(
    string Type,
    string From,
    string Source,
    string Target,
    bool ReadOnly,
    long SizeLimit,
    string CacheId,
    string CacheSharing,
    bool Required,
    string? Env,
    ulong? Mode,
    ulong? Uid,
    ulong? Gid)
{
    private static readonly string[] MountTypes = ["bind", "cache", "tmpfs", "secret", "ssh"];
    private static readonly string[] ShareModes = ["shared", "private", "locked"];
    private static readonly char[] SizeNumberChars = "0123456789. ".ToCharArray();
    private static readonly string[] AllKeys =
    [
        "type", "from", "source", "target", "readonly", "id", "sharing", "required", "size", "mode", "uid", "gid",
        "src", "dst", "destination", "ro", "rw", "readwrite", "env",
    ];

    /// <summary>
    /// Parses a <c>--mount</c> value as BuildKit's converter does: each value is expanded with
    /// <paramref name="expander"/>, then validated. Returns the mount or BuildKit's error message.
    /// </summary>
    public static (RunMount? Mount, string? Error) Parse(string spec, SingleWordExpander expander)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(expander);
        try
        {
            return (ParseCore(spec, expander), null);
        }
        catch (MountException ex)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>The check BuildKit's instruction parser does before expansion (CSV syntax, no variables in <c>from</c>); null when fine.</summary>
    public static string? CheckUnexpanded(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Length > 0 && !spec.Contains('"') && !spec.Contains("from", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var (fields, error) = CsvFields.Split(spec);
        if (fields is null)
        {
            return "failed to parse csv mounts: " + error;
        }

        foreach (var field in fields)
        {
            int eq = field.IndexOf('=');
            if (eq < 0)
            {
                continue;
            }

            string key = field[..eq].ToLowerInvariant();
            string value = field[(eq + 1)..];
            if (key == "from")
            {
                int idx = value.IndexOf('$');
                if (idx != -1 && idx != value.Length - 1)
                {
                    return $"'{key}' doesn't support variable expansion, define alias stage instead";
                }
            }
        }

        return null;
    }

    private sealed class MountException(string message) : Exception(message);

    private static RunMount ParseCore(string spec, SingleWordExpander expander)
    {
        var (fields, csvError) = CsvFields.Split(spec);
        if (fields is null)
        {
            throw new MountException("failed to parse csv mounts: " + csvError);
        }

        string type = "bind", from = string.Empty, source = string.Empty, target = string.Empty, id = string.Empty, sharing = string.Empty;
        bool readOnly = false, roAuto = true, required = false;
        long size = 0;
        string? env = null;
        ulong? mode = null, uid = null, gid = null;
        foreach (var field in fields)
        {
            int eq = field.IndexOf('=');
            string key = (eq < 0 ? field : field[..eq]).ToLowerInvariant();
            if (eq < 0)
            {
                switch (key)
                {
                    case "readonly" or "ro":
                        readOnly = true;
                        roAuto = false;
                        continue;
                    case "readwrite" or "rw":
                        readOnly = false;
                        roAuto = false;
                        continue;
                    case "required":
                        if (type is "secret" or "ssh")
                        {
                            required = true;
                            continue;
                        }

                        throw new MountException($"unexpected key '{key}' for mount type '{type}'");
                    default:
                        throw new MountException($"invalid field '{field}' must be a key=value pair");
                }
            }

            string value = expander(field[(eq + 1)..], out var expandError) ?? throw new MountException(expandError ?? "failed to expand mount value");
            switch (key)
            {
                case "type":
                    var t = value.ToLowerInvariant();
                    if (!MountTypes.Contains(t))
                    {
                        throw new MountException(Suggest.Wrap($"unsupported mount type {GoQuoting.Quote(value)}", value, MountTypes, caseSensitive: true));
                    }

                    type = t;
                    break;
                case "from":
                    from = value;
                    break;
                case "source" or "src":
                    source = value;
                    break;
                case "target" or "dst" or "destination":
                    target = value;
                    break;
                case "readonly" or "ro":
                    readOnly = ParseBool(value) ?? throw new MountException($"invalid value for {key}: {value}");
                    roAuto = false;
                    break;
                case "readwrite" or "rw":
                    readOnly = !(ParseBool(value) ?? throw new MountException($"invalid value for {key}: {value}"));
                    roAuto = false;
                    break;
                case "required":
                    if (type is not ("secret" or "ssh"))
                    {
                        throw new MountException($"unexpected key '{key}' for mount type '{type}'");
                    }

                    required = ParseBool(value) ?? throw new MountException($"invalid value for {key}: {value}");
                    break;
                case "size":
                    if (type != "tmpfs")
                    {
                        throw new MountException($"unexpected key '{key}' for mount type '{type}'");
                    }

                    size = RamInBytes(value) ?? throw new MountException($"invalid value for {key}: {value}");
                    break;
                case "id":
                    id = value;
                    break;
                case "sharing":
                    var s = value.ToLowerInvariant();
                    if (!ShareModes.Contains(s))
                    {
                        throw new MountException(Suggest.Wrap($"unsupported sharing value {GoQuoting.Quote(value)}", value, ShareModes, caseSensitive: true));
                    }

                    sharing = s;
                    break;
                case "mode":
                    mode = ParseUInt32(value, 8) ?? throw new MountException($"invalid value {value} for mode");
                    break;
                case "uid":
                    uid = ParseUInt32(value, 10) ?? throw new MountException($"invalid value {value} for uid");
                    break;
                case "gid":
                    gid = ParseUInt32(value, 10) ?? throw new MountException($"invalid value {value} for gid");
                    break;
                case "env":
                    env = value;
                    break;
                default:
                    throw new MountException(Suggest.Wrap($"unexpected key '{key}' in '{field}'", key, AllKeys, caseSensitive: true));
            }
        }

        if (type is not ("secret" or "ssh" or "cache"))
        {
            if (mode is not null)
            {
                throw new MountException($"mode not allowed for {GoQuoting.Quote(type)} type mounts");
            }

            if (uid is not null)
            {
                throw new MountException($"uid not allowed for {GoQuoting.Quote(type)} type mounts");
            }

            if (gid is not null)
            {
                throw new MountException($"gid not allowed for {GoQuoting.Quote(type)} type mounts");
            }
        }

        if (roAuto)
        {
            readOnly = type is not ("cache" or "tmpfs");
        }

        if (type == "secret")
        {
            if (from.Length > 0)
            {
                throw new MountException("secret mount should not have a from");
            }

            if (sharing.Length > 0)
            {
                throw new MountException("secret mount should not define sharing");
            }

            if (source.Length == 0 && target.Length == 0 && id.Length == 0)
            {
                throw new MountException("invalid secret mount. one of source, target required");
            }

            if (source.Length > 0 && id.Length > 0)
            {
                throw new MountException("both source and id can't be set");
            }
        }

        if (sharing.Length > 0 && type != "cache")
        {
            throw new MountException($"invalid cache sharing set for {type} mount");
        }

        return new RunMount(type, from, source, target, readOnly, size, id, sharing, required, env, mode, uid, gid);
    }

    /// <summary>Go <c>strconv.ParseBool</c>.</summary>
    public static bool? ParseBool(string s) => s switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };

    private static ulong? ParseUInt32(string s, int radix)
    {
        if (s.Length == 0)
        {
            return null;
        }

        ulong v = 0;
        foreach (char c in s)
        {
            int d = c - '0';
            if (d < 0 || d >= radix)
            {
                return null;
            }

            v = (v * (ulong)radix) + (ulong)d;
            if (v > uint.MaxValue)
            {
                return null;
            }
        }

        return v;
    }

    /// <summary>
    /// go-units <c>RAMInBytes</c> (v0.5.0): the number is everything up to the last digit, dot or space (a space
    /// there is dropped), read by Go's <c>ParseFloat</c>; the rest is an optional suffix <c>b</c>, or
    /// <c>k m g t p</c> (binary multiples) alone or followed by <c>b</c> or <c>ib</c>, in any case. Null when invalid.
    /// </summary>
    internal static long? RamInBytes(string s)
    {
        int sep = s.LastIndexOfAny(SizeNumberChars);
        if (sep < 0)
        {
            return null;
        }

        string number = s[..(s[sep] == ' ' ? sep : sep + 1)];
        string suffix = s[(sep + 1)..].ToLowerInvariant();
        if (GoFloat.Parse(number) is not { } size || size < 0)
        {
            return null;
        }

        if (suffix.Length > 0 && suffix != "b")
        {
            int power = "kmgtp".IndexOf(suffix[0], StringComparison.Ordinal) + 1;
            if (power == 0 || suffix[1..] is not ("" or "b" or "ib"))
            {
                return null;
            }

            size *= Math.Pow(1024, power);
        }

        // Go's int64 conversion of a float past the int64 range gives the minimum on amd64.
        return size >= 9.2233720368547758E18 ? long.MinValue : (long)size;
    }
}
