using System.Collections.Immutable;

namespace CSharpFrontend.Frontend.Cli;

/// <summary>Repeatable <c>KEY=VALUE</c> options (<c>--build-arg</c>, <c>--label</c>).</summary>
internal static class KeyValueArguments
{
    /// <summary>KEY=VALUE arguments as a map (later ones win); null after printing a usage error.</summary>
    public static ImmutableDictionary<string, string>? Parse(string[] values, string option)
    {
        var map = ImmutableDictionary.CreateBuilder<string, string>();
        foreach (var value in values)
        {
            var eq = value.IndexOf('=');
            if (eq <= 0)
            {
                Console.Error.WriteLine($"error: {option} {value}: expected KEY=VALUE");
                return null;
            }

            map[value[..eq]] = value[(eq + 1)..];
        }

        return map.ToImmutable();
    }
}
