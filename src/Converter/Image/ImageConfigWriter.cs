using System.Collections.Immutable;
using System.Text;

namespace CSharpFrontend.Converter.Image;

/// <summary>
/// Writes an <see cref="ImageConfig"/> as Go's <c>encoding/json</c> marshals BuildKit's image type (of the
/// <see cref="ImageConfigLayout"/> given): struct field order, omitempty rules, map keys sorted, Go string escaping,
/// durations as integer nanoseconds.
/// </summary>
public static class ImageConfigWriter
{
    /// <summary>Compact JSON, byte-equal to Go's <c>json.Marshal</c>.</summary>
    public static string ToJson(ImageConfig image, ImageConfigLayout layout = ImageConfigLayout.DockerOci) => Write(image, null, layout);

    /// <summary>Indented JSON, byte-equal to Go's <c>json.MarshalIndent(image, "", indent)</c> (no final newline).</summary>
    public static string ToIndentedJson(ImageConfig image, ImageConfigLayout layout = ImageConfigLayout.DockerOci, string indent = "  ") =>
        Write(image, indent, layout);

    /// <summary>Compact JSON as UTF-8 bytes.</summary>
    public static byte[] ToUtf8Json(ImageConfig image, ImageConfigLayout layout = ImageConfigLayout.DockerOci) =>
        Encoding.UTF8.GetBytes(ToJson(image, layout));

    private static string Write(ImageConfig image, string? indent, ImageConfigLayout layout)
    {
        var json = new GoJsonBuilder(indent);
        WriteImage(json, image, layout);
        return json.ToString();
    }

    private static void WriteImage(GoJsonBuilder json, ImageConfig image, ImageConfigLayout layout)
    {
        var v011 = layout == ImageConfigLayout.BuildKitV011;
        json.BeginObject();
        if (image.Created is { } created)
        {
            json.Name("created").String(created.ToString());
        }

        OptionalString(json, "author", image.Author);
        json.Name("architecture").String(image.Architecture);
        if (v011)
        {
            OptionalString(json, "variant", image.Variant);
        }

        json.Name("os").String(image.OS);
        OptionalString(json, "os.version", image.OSVersion);
        OptionalArray(json, "os.features", image.OSFeatures);
        if (!v011)
        {
            OptionalString(json, "variant", image.Variant);
        }

        json.Name("rootfs").BeginObject().Name("type").String(image.RootFs.Type).Name("diff_ids");
        if (image.RootFs.DiffIds is { } diffIds)
        {
            json.StringArray(diffIds.IsDefault ? [] : diffIds);
        }
        else
        {
            json.Null();
        }

        json.EndObject();
        if (!image.History.IsEmpty)
        {
            json.Name("history").BeginArray();
            foreach (var entry in image.History)
            {
                WriteHistory(json, entry);
            }

            json.EndArray();
        }

        json.Name("config");
        WriteConfig(json, image.Config, v011);
        json.EndObject();
    }

    private static void WriteHistory(GoJsonBuilder json, HistoryEntry entry)
    {
        json.BeginObject();
        if (entry.Created is { } created)
        {
            json.Name("created").String(created.ToString());
        }

        OptionalString(json, "created_by", entry.CreatedBy);
        OptionalString(json, "author", entry.Author);
        OptionalString(json, "comment", entry.Comment);
        if (entry.EmptyLayer)
        {
            json.Name("empty_layer").Bool(true);
        }

        json.EndObject();
    }

    private static void WriteConfig(GoJsonBuilder json, ContainerConfig config, bool v011)
    {
        json.BeginObject();
        OptionalString(json, "User", config.User);
        OptionalSet(json, "ExposedPorts", config.ExposedPorts);
        OptionalArray(json, "Env", config.Env);
        OptionalArray(json, "Entrypoint", config.Entrypoint);
        OptionalArray(json, "Cmd", config.Cmd);
        OptionalSet(json, "Volumes", config.Volumes);
        OptionalString(json, "WorkingDir", config.WorkingDir);
        if (config.Labels.Count > 0)
        {
            json.Name("Labels").BeginObject();
            foreach (var (key, value) in Sorted(config.Labels.Keys).Select(k => (k, config.Labels[k])))
            {
                json.Name(key).String(value);
            }

            json.EndObject();
        }

        OptionalString(json, "StopSignal", config.StopSignal);
        if (!v011 && config.ArgsEscaped)
        {
            json.Name("ArgsEscaped").Bool(true);
        }

        if (config.Healthcheck is { } health)
        {
            json.Name("Healthcheck").BeginObject();
            OptionalArray(json, "Test", health.Test);
            OptionalNumber(json, "Interval", health.Interval);
            OptionalNumber(json, "Timeout", health.Timeout);
            OptionalNumber(json, "StartPeriod", health.StartPeriod);
            OptionalNumber(json, "StartInterval", health.StartInterval);
            OptionalNumber(json, "Retries", health.Retries);
            json.EndObject();
        }

        if (!v011)
        {
            OptionalArray(json, "OnBuild", config.OnBuild ?? []);
            OptionalArray(json, "Shell", config.Shell);
            json.EndObject();
            return;
        }

        if (config.ArgsEscaped)
        {
            json.Name("ArgsEscaped").Bool(true);
        }

        json.Name("OnBuild");
        if (config.OnBuild is { } onBuild)
        {
            json.StringArray(onBuild.IsDefault ? [] : onBuild);
        }
        else
        {
            json.Null();
        }

        if (config.StopTimeout is { } stopTimeout)
        {
            json.Name("StopTimeout").Number(stopTimeout);
        }

        OptionalArray(json, "Shell", config.Shell);
        json.EndObject();
    }

    private static void OptionalString(GoJsonBuilder json, string name, string value)
    {
        if (value.Length > 0)
        {
            json.Name(name).String(value);
        }
    }

    private static void OptionalNumber(GoJsonBuilder json, string name, long value)
    {
        if (value != 0)
        {
            json.Name(name).Number(value);
        }
    }

    private static void OptionalArray(GoJsonBuilder json, string name, ImmutableArray<string> values)
    {
        if (!values.IsDefaultOrEmpty)
        {
            json.Name(name).StringArray(values);
        }
    }

    private static void OptionalArray(GoJsonBuilder json, string name, EnvEntries values)
    {
        if (values.Count > 0)
        {
            json.Name(name).StringArray(values);
        }
    }

    private static void OptionalSet(GoJsonBuilder json, string name, IEnumerable<string> keys)
    {
        var sorted = Sorted(keys);
        if (sorted.Count == 0)
        {
            return;
        }

        json.Name(name).BeginObject();
        foreach (var key in sorted)
        {
            json.Name(key).BeginObject().EndObject();
        }

        json.EndObject();
    }

    // The sets and maps may have been built with another comparer; Go orders by UTF-8 bytes.
    private static List<string> Sorted(IEnumerable<string> keys)
    {
        var list = keys.ToList();
        list.Sort(Utf8Ordinal.Instance);
        return list;
    }
}
