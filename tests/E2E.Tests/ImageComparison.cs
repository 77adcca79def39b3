using System.Text.Json.Nodes;

namespace CSharpFrontend.E2E.Tests;

/// <summary>Differences between two images, and between an image and a case's expectations, as readable lines.</summary>
internal static class ImageComparison
{
    public static IReadOnlyList<string> Differences(ImageSnapshot builtin, ImageSnapshot ours)
    {
        var differences = new List<string>();
        foreach (var path in builtin.Files.Keys.Union(ours.Files.Keys).Order(StringComparer.Ordinal))
        {
            var left = builtin.Files.GetValueOrDefault(path)?.Describe() ?? "(absent)";
            var right = ours.Files.GetValueOrDefault(path)?.Describe() ?? "(absent)";
            if (left != right)
            {
                differences.Add($"{path}: builtin {left} | ours {right}");
            }
        }

        if (builtin.Platform != ours.Platform)
        {
            differences.Add($"platform: builtin {builtin.Platform} | ours {ours.Platform}");
        }

        foreach (var field in ImageSnapshot.ComparedConfigFields)
        {
            var left = builtin.Config[field]?.ToJsonString() ?? "null";
            var right = ours.Config[field]?.ToJsonString() ?? "null";
            if (left != right)
            {
                differences.Add($"config {field}: builtin {left} | ours {right}");
            }
        }

        return differences;
    }

    public static IReadOnlyList<string> Unmet(E2ECase @case, ImageSnapshot image)
    {
        var unmet = new List<string>();
        foreach (var (path, expected) in @case.ExpectFiles)
        {
            var actual = image.Files.GetValueOrDefault(path);
            if (expected.Absent)
            {
                if (actual is not null)
                {
                    unmet.Add($"{path}: expected absent, found {actual.Describe()}");
                }

                continue;
            }

            if (actual is null)
            {
                unmet.Add($"{path}: missing");
                continue;
            }

            Check(unmet, path, "content", expected.Content, actual.Text);
            Check(unmet, path, "type", expected.Type, actual.Type);
            Check(unmet, path, "mode", expected.Mode, actual.Mode);
            Check(unmet, path, "uid", expected.Uid?.ToString(), actual.Uid.ToString());
            Check(unmet, path, "gid", expected.Gid?.ToString(), actual.Gid.ToString());
            Check(unmet, path, "link", expected.Link, actual.Link);
        }

        if (@case.ExpectArchitecture is { } architecture && !image.Platform.Split('/').Skip(1).Take(1).Contains(architecture))
        {
            unmet.Add($"platform: expected architecture {architecture}, got {image.Platform}");
        }

        foreach (var (field, expected) in @case.ExpectConfig)
        {
            var actual = image.Config[field];
            if (!JsonNode.DeepEquals(expected, actual))
            {
                unmet.Add($"config {field}: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}");
            }
        }

        return unmet;
    }

    private static void Check(List<string> unmet, string path, string what, string? expected, string? actual)
    {
        if (expected is not null && expected != actual)
        {
            unmet.Add($"{path}: {what} expected {Show(expected)}, got {Show(actual)}");
        }
    }

    private static string Show(string? value) => value is null ? "null" : System.Text.Json.JsonSerializer.Serialize(value);
}
