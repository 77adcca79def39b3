using System.Diagnostics.CodeAnalysis;

namespace CSharpFrontend.Shell.Internal;

/// <summary>A non-copying view of a caller's dictionary, used for the duration of one call.</summary>
internal sealed class DictionaryEnvironment(IReadOnlyDictionary<string, string> variables) : IShellEnvironment
{
    public bool TryGetValue(string name, [MaybeNullWhen(false)] out string value) =>
        variables.TryGetValue(name, out value);
}
