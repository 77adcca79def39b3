using System.Collections.Concurrent;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Dockerfile.Contexts;

namespace CSharpFrontend.Converter.Tests.Contexts;

/// <summary>A named-context resolver with fixed answers by name that records every request.</summary>
internal sealed class FakeContexts(IReadOnlyDictionary<string, NamedContext> answers) : INamedContextResolver
{
    /// <summary>Every lookup: <see cref="Contains"/> and <see cref="ResolveAsync"/>.</summary>
    public ConcurrentQueue<NamedContextRequest> Requests { get; } = new();

    /// <summary>The lookups that load the context (<see cref="ResolveAsync"/>).</summary>
    public ConcurrentQueue<NamedContextRequest> Loads { get; } = new();

    public bool Contains(NamedContextRequest request)
    {
        Requests.Enqueue(request);
        return answers.ContainsKey(request.Name);
    }

    public string? FailWith { get; init; }

    public ValueTask<NamedContext?> ResolveAsync(NamedContextRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Enqueue(request);
        Loads.Enqueue(request);
        if (FailWith is { } message)
        {
            throw new ConvertException(message);
        }

        return ValueTask.FromResult(answers.GetValueOrDefault(request.Name));
    }
}
