using System.Diagnostics.CodeAnalysis;

namespace CSharpFrontend.Shell;

/// <summary>The variables visible to an expansion. Names are compared exactly (unix semantics).</summary>
public interface IShellEnvironment
{
    /// <summary>Looks up a variable; returns <see langword="false"/> when it is not set.</summary>
    /// <param name="name">The variable name as written in the word.</param>
    /// <param name="value">The value when set (possibly empty).</param>
    bool TryGetValue(string name, [MaybeNullWhen(false)] out string value);
}
