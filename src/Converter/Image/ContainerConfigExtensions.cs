namespace CSharpFrontend.Converter.Image;

/// <summary>Changes to a <see cref="ContainerConfig"/> that instructions make.</summary>
public static class ContainerConfigExtensions
{
    /// <summary>
    /// Sets <paramref name="key"/> as ENV does: the first entry with that key (case-sensitive) is replaced in
    /// place, otherwise <c>key=value</c> is appended.
    /// </summary>
    public static ContainerConfig WithEnv(this ContainerConfig config, string key, string value) =>
        config with { Env = config.Env.Set(key, value) };

    /// <summary>Adds or replaces labels (LABEL, or build-time labels on the final image).</summary>
    public static ContainerConfig WithLabels(this ContainerConfig config, IEnumerable<KeyValuePair<string, string>> labels) =>
        config with { Labels = config.Labels.SetItems(labels) };

    /// <summary>The shell for shell-form commands: <see cref="ContainerConfig.Shell"/> when set, else the default
    /// for <paramref name="os"/> (<c>cmd /S /C</c> on windows, <c>/bin/sh -c</c> elsewhere).</summary>
    public static IReadOnlyList<string> ShellOrDefault(this ContainerConfig config, string os) =>
        !config.Shell.IsDefaultOrEmpty ? config.Shell : os == "windows" ? ["cmd", "/S", "/C"] : ["/bin/sh", "-c"];
}
