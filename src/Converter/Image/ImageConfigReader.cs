using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CSharpFrontend.Converter.Image;

/// <summary>
/// Reads an image config as Go's <c>json.Unmarshal</c> fills BuildKit v0.11.6's image type: field names match
/// case-insensitively (an exact match wins), unknown fields are ignored, <c>null</c> clears lists, maps and
/// pointers and leaves other fields alone, a repeated object field merges into the earlier one, <c>Shell</c> may be
/// a single string, and a value of the wrong JSON type is an error.
/// </summary>
public static class ImageConfigReader
{
    private static readonly string[] ImageFields =
        ["created", "author", "architecture", "variant", "os", "os.version", "os.features", "config", "rootfs", "history"];

    private static readonly string[] ConfigFields =
    [
        "User", "ExposedPorts", "Env", "Entrypoint", "Cmd", "Volumes", "WorkingDir", "Labels", "StopSignal",
        "Healthcheck", "ArgsEscaped", "OnBuild", "StopTimeout", "Shell",
    ];

    private static readonly string[] HealthFields = ["Test", "Interval", "Timeout", "StartPeriod", "StartInterval", "Retries"];

    private static readonly string[] RootFsFields = ["type", "diff_ids"];

    private static readonly string[] HistoryFields = ["created", "created_by", "author", "comment", "empty_layer"];

    /// <summary>Reads image-config JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Name used in error messages.</param>
    /// <exception cref="ImageConfigFormatException">Invalid JSON, or a value Go would refuse.</exception>
    public static ImageConfig Parse(string json, string source = "image config") =>
        Parse(JsonSource.FromText(json, source));

    /// <summary>Reads image-config JSON from UTF-8 bytes.</summary>
    /// <inheritdoc cref="Parse(string, string)"/>
    public static ImageConfig Parse(ReadOnlyMemory<byte> utf8Json, string source = "image config") =>
        Parse(new JsonSource(utf8Json, source));

    private static ImageConfig Parse(JsonSource source)
    {
        var reader = source.OpenValidated();
        return Read(ref reader, source, ImageConfig.Empty);
    }

    /// <summary>Reads the value at the reader's current token (an object or null) on top of <paramref name="into"/>.</summary>
    internal static ImageConfig Read(ref Utf8JsonReader reader, JsonSource source, ImageConfig into)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return into;
        }

        ExpectObject(ref reader, source, "image config");
        var image = into;
        while (NextProperty(ref reader, source, ImageFields, out var field))
        {
            switch (field)
            {
                case "created":
                    image = image with { Created = ReadTime(ref reader, source, field) };
                    break;
                case "author":
                    image = image with { Author = ReadString(ref reader, source, image.Author, field) };
                    break;
                case "architecture":
                    image = image with { Architecture = ReadString(ref reader, source, image.Architecture, field) };
                    break;
                case "variant":
                    image = image with { Variant = ReadString(ref reader, source, image.Variant, field) };
                    break;
                case "os":
                    image = image with { OS = ReadString(ref reader, source, image.OS, field) };
                    break;
                case "os.version":
                    image = image with { OSVersion = ReadString(ref reader, source, image.OSVersion, field) };
                    break;
                case "os.features":
                    image = image with { OSFeatures = ReadStrings(ref reader, source, field) ?? [] };
                    break;
                case "config":
                    image = image with { Config = ReadConfig(ref reader, source, image.Config) };
                    break;
                case "rootfs":
                    image = image with { RootFs = ReadRootFs(ref reader, source, image.RootFs) };
                    break;
                case "history":
                    image = image with { History = ReadHistory(ref reader, source) };
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return image;
    }

    private static ContainerConfig ReadConfig(ref Utf8JsonReader reader, JsonSource source, ContainerConfig config)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return config;
        }

        ExpectObject(ref reader, source, "config");
        while (NextProperty(ref reader, source, ConfigFields, out var field))
        {
            var path = "config." + field;
            switch (field)
            {
                case "User":
                    config = config with { User = ReadString(ref reader, source, config.User, path) };
                    break;
                case "ExposedPorts":
                    config = config with { ExposedPorts = ReadSet(ref reader, source, config.ExposedPorts, path) };
                    break;
                case "Env":
                    config = config with { Env = [.. ReadStrings(ref reader, source, path) ?? []] };
                    break;
                case "Entrypoint":
                    config = config with { Entrypoint = ReadStrings(ref reader, source, path) ?? [] };
                    break;
                case "Cmd":
                    config = config with { Cmd = ReadStrings(ref reader, source, path) ?? [] };
                    break;
                case "Volumes":
                    config = config with { Volumes = ReadSet(ref reader, source, config.Volumes, path) };
                    break;
                case "WorkingDir":
                    config = config with { WorkingDir = ReadString(ref reader, source, config.WorkingDir, path) };
                    break;
                case "Labels":
                    config = config with { Labels = ReadLabels(ref reader, source, config.Labels, path) };
                    break;
                case "StopSignal":
                    config = config with { StopSignal = ReadString(ref reader, source, config.StopSignal, path) };
                    break;
                case "Healthcheck":
                    config = config with { Healthcheck = ReadHealth(ref reader, source, config.Healthcheck) };
                    break;
                case "ArgsEscaped":
                    config = config with { ArgsEscaped = ReadBool(ref reader, source, config.ArgsEscaped, path) };
                    break;
                case "OnBuild":
                    config = config with { OnBuild = ReadStrings(ref reader, source, path) };
                    break;
                case "StopTimeout":
                    config = config with
                    {
                        StopTimeout = reader.TokenType == JsonTokenType.Null
                            ? null
                            : (int)ReadInteger(ref reader, source, config.StopTimeout ?? 0, path, int.MinValue, int.MaxValue),
                    };
                    break;
                case "Shell":
                    config = config with
                    {
                        Shell = reader.TokenType == JsonTokenType.String
                            ? [reader.GetString()!]
                            : ReadStrings(ref reader, source, path) ?? [],
                    };
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return config;
    }

    private static HealthConfig? ReadHealth(ref Utf8JsonReader reader, JsonSource source, HealthConfig? existing)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        ExpectObject(ref reader, source, "config.Healthcheck");
        var health = existing ?? new HealthConfig();
        while (NextProperty(ref reader, source, HealthFields, out var field))
        {
            var path = "config.Healthcheck." + field;
            health = field switch
            {
                "Test" => health with { Test = ReadStrings(ref reader, source, path) ?? [] },
                "Interval" => health with { Interval = ReadInteger(ref reader, source, health.Interval, path, long.MinValue, long.MaxValue) },
                "Timeout" => health with { Timeout = ReadInteger(ref reader, source, health.Timeout, path, long.MinValue, long.MaxValue) },
                "StartPeriod" => health with { StartPeriod = ReadInteger(ref reader, source, health.StartPeriod, path, long.MinValue, long.MaxValue) },
                "StartInterval" => health with { StartInterval = ReadInteger(ref reader, source, health.StartInterval, path, long.MinValue, long.MaxValue) },
                "Retries" => health with { Retries = (int)ReadInteger(ref reader, source, health.Retries, path, int.MinValue, int.MaxValue) },
                _ => Skip(ref reader, health),
            };
        }

        return health;
    }

    private static RootFs ReadRootFs(ref Utf8JsonReader reader, JsonSource source, RootFs rootFs)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return rootFs;
        }

        ExpectObject(ref reader, source, "rootfs");
        while (NextProperty(ref reader, source, RootFsFields, out var field))
        {
            rootFs = field switch
            {
                "type" => rootFs with { Type = ReadString(ref reader, source, rootFs.Type, "rootfs.type") },
                "diff_ids" => rootFs with { DiffIds = ReadStrings(ref reader, source, "rootfs.diff_ids") },
                _ => Skip(ref reader, rootFs),
            };
        }

        return rootFs;
    }

    private static ImmutableList<HistoryEntry> ReadHistory(ref Utf8JsonReader reader, JsonSource source)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        ExpectArray(ref reader, source, "history");
        var entries = ImmutableArray.CreateBuilder<HistoryEntry>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var entry = new HistoryEntry();
            if (reader.TokenType != JsonTokenType.Null)
            {
                var path = $"history[{entries.Count}]";
                ExpectObject(ref reader, source, path);
                while (NextProperty(ref reader, source, HistoryFields, out var field))
                {
                    var fieldPath = path + "." + field;
                    entry = field switch
                    {
                        "created" => entry with { Created = ReadTime(ref reader, source, fieldPath) },
                        "created_by" => entry with { CreatedBy = ReadString(ref reader, source, entry.CreatedBy, fieldPath) },
                        "author" => entry with { Author = ReadString(ref reader, source, entry.Author, fieldPath) },
                        "comment" => entry with { Comment = ReadString(ref reader, source, entry.Comment, fieldPath) },
                        "empty_layer" => entry with { EmptyLayer = ReadBool(ref reader, source, entry.EmptyLayer, fieldPath) },
                        _ => Skip(ref reader, entry),
                    };
                }
            }

            entries.Add(entry);
        }

        return [.. entries];
    }

    private static ImmutableSortedSet<string> ReadSet(ref Utf8JsonReader reader, JsonSource source, ImmutableSortedSet<string> set, string path)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return set.Clear();
        }

        ExpectObject(ref reader, source, path);
        var builder = set.ToBuilder();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.Null))
            {
                throw TypeError(ref reader, source, path + "." + key, "an object");
            }

            reader.Skip();
            builder.Add(key);
        }

        return builder.ToImmutable();
    }

    private static ImmutableSortedDictionary<string, string> ReadLabels(
        ref Utf8JsonReader reader, JsonSource source, ImmutableSortedDictionary<string, string> labels, string path)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return labels.Clear();
        }

        ExpectObject(ref reader, source, path);
        var builder = labels.ToBuilder();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            builder[key] = ReadString(ref reader, source, "", path + "." + key);
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<string>? ReadStrings(ref Utf8JsonReader reader, JsonSource source, string path)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        ExpectArray(ref reader, source, path);
        var values = ImmutableArray.CreateBuilder<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(ReadString(ref reader, source, "", $"{path}[{values.Count}]"));
        }

        return values.ToImmutable();
    }

    private static string ReadString(ref Utf8JsonReader reader, JsonSource source, string current, string path) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString()!,
            JsonTokenType.Null => current,
            _ => throw TypeError(ref reader, source, path, "a string"),
        };

    private static bool ReadBool(ref Utf8JsonReader reader, JsonSource source, bool current, string path) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Null => current,
            _ => throw TypeError(ref reader, source, path, "a boolean"),
        };

    private static long ReadInteger(ref Utf8JsonReader reader, JsonSource source, long current, string path, long min, long max)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return current;
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            throw TypeError(ref reader, source, path, "an integer");
        }

        var literal = Encoding.UTF8.GetString(reader.ValueSpan);
        if (!long.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw source.Error(reader, $"{path}: number {literal} is not an integer in range");
        }

        return value;
    }

    private static ImageTime? ReadTime(ref Utf8JsonReader reader, JsonSource source, string path)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                var text = reader.GetString()!;
                return ImageTime.TryParse(text) ?? throw source.Error(reader, $"{path}: {JsonQuote(text)} is not an RFC 3339 time");
            default:
                throw TypeError(ref reader, source, path, "an RFC 3339 time string");
        }
    }

    /// <summary>Reads to the next property of the current object; false at its end. Maps the name to a known field.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader, JsonSource source, string[] fields, out string field)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            field = "";
            return false;
        }

        var name = reader.GetString()!;
        field = Array.Find(fields, f => f == name)
                ?? Array.Find(fields, f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase))
                ?? "";
        reader.Read();
        return true;
    }

    private static T Skip<T>(ref Utf8JsonReader reader, T value)
    {
        reader.Skip();
        return value;
    }

    private static void ExpectObject(ref Utf8JsonReader reader, JsonSource source, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw TypeError(ref reader, source, path, "an object");
        }
    }

    private static void ExpectArray(ref Utf8JsonReader reader, JsonSource source, string path)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw TypeError(ref reader, source, path, "an array");
        }
    }

    private static ImageConfigFormatException TypeError(ref Utf8JsonReader reader, JsonSource source, string path, string expected) =>
        source.Error(reader, $"{path}: expected {expected}, got {Describe(reader.TokenType)}");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static string JsonQuote(string text) => GoJsonBuilder.AppendString(new StringBuilder(), text).ToString();
}
