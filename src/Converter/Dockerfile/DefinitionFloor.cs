using System.Collections.Immutable;
using System.Text;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>
/// A lower bound of the marshalled definition's size, kept while stages are dispatched, so that a definition certain to
/// exceed <see cref="ConvertOptions.MaxDefinitionBytes"/> is refused at the instruction that crosses the limit instead
/// of after the whole graph has been built and marshalled (memory bounded by the limit, not by the input's expansion).
/// Counted: the args, environment, description and step name of each RUN of a stage and of the stages it is based on,
/// and the digest that keys its metadata; those exec ops form one chain, each distinct from the others, so every one of
/// them is in the definition.
/// </summary>
internal sealed class DefinitionFloor(long maxBytes)
{
    /// <summary><c>sha256:</c> and 64 hex digits: the key of the op's metadata entry.</summary>
    private const int DigestLength = 71;

    private readonly Dictionary<StageDispatch, long> _bytes = new(ReferenceEqualityComparer.Instance);

    /// <exception cref="ConvertException">The stage's chain alone is over the limit.</exception>
    public void AddRun(StageDispatch stage, ImmutableArray<string> args, IReadOnlyDictionary<string, string> env, string description, string name)
    {
        if (!_bytes.TryGetValue(stage, out var total))
        {
            total = stage.Base is { } @base ? _bytes.GetValueOrDefault(@base) : 0;
        }

        foreach (var arg in args)
        {
            total += Encoding.UTF8.GetByteCount(arg);
        }

        foreach (var (key, value) in env)
        {
            total += Encoding.UTF8.GetByteCount(key) + 1 + Encoding.UTF8.GetByteCount(value);
        }

        total += Encoding.UTF8.GetByteCount(description) + Encoding.UTF8.GetByteCount(name) + DigestLength;
        _bytes[stage] = total;
        if (total > maxBytes)
        {
            throw new ConvertException(
                $"the build definition is over BuildKit's message limit of {MessageLimit.Format(maxBytes)}: the RUN instructions up to here alone take {total} bytes");
        }
    }
}
