using System.Collections.Concurrent;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Dockerfile.Contexts;

namespace CSharpFrontend.Converter.Tests.Contexts;

/// <summary>A named-context resolver with fixed answers by name that records every request.</summary>
internal sealed class FakeContexts(IReadOnlyDictionary<string, NamedContext> answers) : INamedContextResolver
{
    public ConcurrentQueue<NamedContextRequest> Requests { get; } = new();

    public string? FailWith { get; init; }

    public ValueTask<NamedContext?> ResolveAsync(NamedContextRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Enqueue(request);
        if (FailWith is { } message)
        {
            throw new ConvertException(message);
        }

        return ValueTask.FromResult(answers.GetValueOrDefault(request.Name));
    }
}
