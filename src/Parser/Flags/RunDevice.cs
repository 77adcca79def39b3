using CSharpFrontend.Parser.Text;

namespace CSharpFrontend.Parser.Flags;

/// <summary>
/// One <c>RUN --device</c> value (Dockerfile labs 1.14+): a CDI device name, <c>name=</c>, and <c>required</c> (bare
/// or <c>=bool</c>), as CSV fields. Devices are optional unless required.
/// </summary>
/// <param name="Name">The fully qualified CDI name, e.g. <c>vendor.com/gpu=0</c>.</param>
/// <param name="Required">Whether the build fails without it.</param>
public sealed record RunDevice(string Name, bool Required)
{
    /// <summary>Parses one value; the error is worded as BuildKit's.</summary>
    public static (RunDevice? Device, string? Error) Parse(string value)
    {
        var (fields, csvError) = CsvFields.Split(value);
        if (fields is null)
        {
            return (null, "failed to parse csv devices: " + csvError);
        }

        var name = "";
        var required = false;
        foreach (var field in fields)
        {
            var eq = field.IndexOf('=');
            var key = (eq < 0 ? field : field[..eq]).ToLowerInvariant();
            if (eq < 0)
            {
                if (key == "required")
                {
                    required = true;
                }
                else if (name.Length == 0)
                {
                    name = field;
                }
                else
                {
                    return (null, $"invalid field '{field}' must be a key=value pair");
                }

                continue;
            }

            var fieldValue = field[(eq + 1)..];
            switch (key)
            {
                case "name" when name.Length > 0:
                    return (null, "device name already set to " + name);
                case "name":
                    name = fieldValue;
                    break;
                case "required":
                    if (RunMount.ParseBool(fieldValue) is not { } parsed)
                    {
                        return (null, $"invalid value for {key}: {fieldValue}");
                    }

                    required = parsed;
                    break;
                default:
                    if (name.Length == 0)
                    {
                        name = field;
                        break;
                    }

                    return (null, Suggest.Wrap($"unexpected key '{key}' in '{field}'", key, ["name", "required"], true));
            }
        }

        return (new RunDevice(name, required), null);
    }
}
