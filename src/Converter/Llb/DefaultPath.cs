namespace CSharpFrontend.Converter.Llb;

/// <summary>The PATH a process gets when nothing sets one.</summary>
public static class DefaultPath
{
    public const string Unix = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public const string Windows = "c:\\Windows\\System32;c:\\Windows";

    public static string For(string os) => os == "windows" ? Windows : Unix;
}
