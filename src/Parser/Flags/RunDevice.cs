using CSharpFrontend.Parser.Text;

namespace CSharpFrontend.Parser.Flags;

/// <summary>The check of a <c>RUN --device</c> value that BuildKit's instruction parser makes (its <c>ParseDevice</c>).</summary>
internal static class RunDevice
{
    private static readonly string[] Keys = ["name", "required"];

    /// <summary>BuildKit's message for an invalid device value; null when it is valid.</summary>
    public static string? Check(string value)
    {
        var (fields, csvError) = CsvFields.Split(value);
        if (fields is null)
        {
            return "failed to parse csv devices: " + csvError;
        }

        string name = string.Empty;
        foreach (var field in fields)
        {
            int eq = field.IndexOf('=');
            string key = (eq < 0 ? field : field[..eq]).ToLowerInvariant();
            if (eq < 0)
            {
                if (key == "required")
                {
                    continue;
                }

                if (name.Length == 0)
                {
                    name = field;
                    continue;
                }

                return $"invalid field '{field}' must be a key=value pair";
            }

            string v = field[(eq + 1)..];
            switch (key)
            {
                case "name":
                    if (name.Length > 0)
                    {
                        return $"device name already set to {name}";
                    }

                    name = v;
                    break;
                case "required":
                    if (RunMount.ParseBool(v) is null)
                    {
                        return $"invalid value for {key}: {v}";
                    }

                    break;
                default:
                    if (name.Length == 0)
                    {
                        name = field;
                        continue;
                    }

                    return Suggest.Wrap($"unexpected key '{key}' in '{field}'", key, Keys, caseSensitive: true);
            }
        }

        return null;
    }
}
