using System.CommandLine;
using CSharpFrontend.Converter.Profiles;

namespace CSharpFrontend.Frontend.Cli;

/// <summary><c>--compat v0.24|v0.11</c>: which BuildKit release's Dockerfile frontend the output equals.</summary>
internal static class CompatOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--compat")
        {
            Description = "BuildKit release to equal: v0.24 (default, Dockerfile 1.18) or v0.11 (Dockerfile 1.5)",
            DefaultValueFactory = _ => BuildKitProfile.V0_24.Name,
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (BuildKitProfile.Find(value ?? "") is null)
            {
                result.AddError($"--compat: unknown release \"{value}\"; expected one of {string.Join(", ", BuildKitProfile.All.Select(p => p.Name))}");
            }
        });
        return option;
    }

    /// <summary>The profile named by a validated option value.</summary>
    public static BuildKitProfile Profile(string? value) => BuildKitProfile.Find(value ?? "") ?? BuildKitProfile.V0_24;
}
