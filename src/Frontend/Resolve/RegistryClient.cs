using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CSharpFrontend.Frontend.Resolve;

/// <summary>
/// Reads manifests and blobs with the OCI distribution API (<c>GET /v2/&lt;name&gt;/manifests/&lt;ref&gt;</c>,
/// <c>GET /v2/&lt;name&gt;/blobs/&lt;digest&gt;</c>), anonymously: a <c>401</c> with a <c>Bearer</c> challenge is
/// answered by fetching a token from its realm (with its service and scope, or <c>repository:NAME:pull</c>) and
/// retrying; tokens are kept per registry and repository for the client's life.
/// </summary>
public sealed class RegistryClient : IDisposable
{
    /// <summary>The largest manifest or index accepted (containerd's limit).</summary>
    public const long MaxManifestBytes = 4 << 20;

    /// <summary>The largest config blob accepted.</summary>
    public const long MaxConfigBytes = 32 << 20;

    private const long MaxTokenBytes = 1 << 20;

    /// <summary>Redirects followed before giving up, as Go's http.Client.</summary>
    private const int MaxRedirects = 10;

    private readonly HttpClient _http;
    private readonly RegistryHosts _hosts;
    private readonly TimeSpan _timeout;
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    /// <summary>Creates a client; <paramref name="handler"/> replaces the network (for tests), null = sockets.</summary>
    public RegistryClient(RegistryHosts hosts, TimeSpan timeout, HttpMessageHandler? handler = null)
    {
        _hosts = hosts;
        _timeout = timeout;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15), MaxAutomaticRedirections = MaxRedirects }, disposeHandler: true)
        {
            Timeout = timeout,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("csharp-frontend-resolve/1");
    }

    /// <summary>GETs the manifest <paramref name="reference"/> (a tag or a digest) of <paramref name="repository"/>.</summary>
    /// <exception cref="RegistryFailure">Unreachable, refused, not found, or too large.</exception>
    public Task<FetchedContent> GetManifestAsync(string domain, string repository, string reference, CancellationToken cancellationToken) =>
        GetAsync(domain, repository, $"manifests/{reference}", MediaTypes.ManifestAccept, MaxManifestBytes, "manifest " + reference, cancellationToken);

    /// <summary>GETs the blob <paramref name="digest"/> of <paramref name="repository"/> (not verified here).</summary>
    /// <inheritdoc cref="GetManifestAsync"/>
    public Task<FetchedContent> GetBlobAsync(string domain, string repository, string digest, long maxBytes, CancellationToken cancellationToken) =>
        GetAsync(domain, repository, $"blobs/{digest}", [], maxBytes, "blob " + digest, cancellationToken);

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    /// <summary>
    /// One exchange (token, request, body, error body) under one deadline: a registry that sends headers and then
    /// stalls or drips the body fails after the timeout like one that never answers.
    /// </summary>
    private async Task<FetchedContent> GetAsync(
        string domain, string repository, string path, IReadOnlyList<string> accept, long maxBytes, string what, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            return await ExchangeAsync(domain, repository, path, accept, maxBytes, what, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RegistryFailure($"{what}: the registry at {_hosts.BaseUri(domain).GetLeftPart(UriPartial.Authority)} did not complete the exchange in {_timeout.TotalSeconds:0.###} s (--timeout)", e);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new RegistryFailure($"{what}: reading the registry's answer failed: {e.Message}", e);
        }
    }

    private async Task<FetchedContent> ExchangeAsync(
        string domain, string repository, string path, IReadOnlyList<string> accept, long maxBytes, string what, CancellationToken cancellationToken)
    {
        var uri = new Uri(_hosts.BaseUri(domain), $"/v2/{repository}/{path}");
        var tokenKey = _hosts.BaseUri(domain) + " " + repository;
        using var first = await SendAsync(uri, accept, _tokens.GetValueOrDefault(tokenKey), cancellationToken).ConfigureAwait(false);
        var response = first;
        HttpResponseMessage? retried = null;
        try
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                var token = await TokenAsync(response, repository, cancellationToken).ConfigureAwait(false);
                _tokens[tokenKey] = token;
                retried = await SendAsync(uri, accept, token, cancellationToken).ConfigureAwait(false);
                response = retried;
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    throw new RegistryFailure($"{what}: access denied with an anonymous token (the repository may not exist, or be private)");
                }
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new RegistryFailure($"{what}: {Describe(response.StatusCode)}{await ErrorDetailAsync(response, cancellationToken).ConfigureAwait(false)} (GET {uri})");
            }

            var content = await ReadBodyAsync(response, maxBytes, what, cancellationToken).ConfigureAwait(false);
            var digestHeader = response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.FirstOrDefault() : null;
            return new FetchedContent(content, response.Content.Headers.ContentType?.MediaType, digestHeader);
        }
        finally
        {
            retried?.Dispose();
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri uri, IReadOnlyList<string> accept, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        foreach (var type in accept)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new RegistryFailure($"cannot reach the registry at {uri.GetLeftPart(UriPartial.Authority)}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RegistryFailure($"the registry at {uri.GetLeftPart(UriPartial.Authority)} did not answer in time (GET {uri})", e);
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RegistryFailure($"the connection to {uri.GetLeftPart(UriPartial.Authority)} failed: {e.Message}", e);
        }
    }

    private async Task<string> TokenAsync(HttpResponseMessage unauthorized, string repository, CancellationToken cancellationToken)
    {
        var raw = unauthorized.Headers.NonValidated.TryGetValues("WWW-Authenticate", out var values) ? values.ToList() : [];
        var challenges = raw.Select(BearerChallenge.Parse).OfType<BearerChallenge>().ToList();
        var bearer = challenges.FirstOrDefault(c => c.IsBearer);
        if (bearer is null)
        {
            var schemes = challenges.Count == 0 ? "no challenge" : string.Join(", ", challenges.Select(c => c.Scheme));
            throw new RegistryFailure($"the registry demands credentials ({schemes}); resolve pulls anonymously only");
        }

        var query = new List<string>();
        if (bearer.Service is { Length: > 0 } service)
        {
            query.Add("service=" + Uri.EscapeDataString(service));
        }

        query.Add("scope=" + Uri.EscapeDataString(bearer.Scope is { Length: > 0 } scope ? scope : $"repository:{repository}:pull"));
        if (!Uri.TryCreate(bearer.Realm, UriKind.Absolute, out var realm) || realm.Scheme is not ("http" or "https"))
        {
            throw new RegistryFailure($"the registry's token realm \"{bearer.Realm}\" is not an http(s) URL");
        }

        var tokenUri = new Uri(realm + (realm.Query.Length > 0 ? "&" : "?") + string.Join("&", query));
        using var response = await SendAsync(tokenUri, [], null, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new RegistryFailure($"anonymous token request to {realm.GetLeftPart(UriPartial.Path)} failed: {Describe(response.StatusCode)}");
        }

        var body = await ReadBodyAsync(response, MaxTokenBytes, "token", cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(body);
            foreach (var name in (string[])["token", "access_token"])
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value)
                    && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } token)
                {
                    return token;
                }
            }
        }
        catch (JsonException e)
        {
            throw new RegistryFailure($"the token service at {realm.GetLeftPart(UriPartial.Path)} answered with invalid JSON", e);
        }

        throw new RegistryFailure($"the token service at {realm.GetLeftPart(UriPartial.Path)} answered without a token");
    }

    private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, long maxBytes, string what, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new RegistryFailure($"{what} is larger than {maxBytes} bytes");
        }

        using var buffer = new MemoryStream();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                {
                    throw new RegistryFailure($"{what} is larger than {maxBytes} bytes");
                }
            }
        }

        return buffer.ToArray();
    }

    private static async Task<string> ErrorDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await ReadBodyAsync(response, 64 << 10, "error", cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array)
            {
                var messages = errors.EnumerateArray()
                    .Where(e => e.ValueKind == JsonValueKind.Object)
                    .Select(e => string.Join(": ", new[] { Text(e, "code"), Text(e, "message") }.Where(s => s.Length > 0)))
                    .Where(s => s.Length > 0)
                    .ToList();
                return messages.Count == 0 ? "" : " (" + string.Join("; ", messages) + ")";
            }
        }
        catch (Exception e) when (e is JsonException or RegistryFailure or HttpRequestException or IOException)
        {
        }

        return "";
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static string Describe(HttpStatusCode status) => status switch
    {
        >= HttpStatusCode.MultipleChoices and < HttpStatusCode.BadRequest => $"stopped after {MaxRedirects} redirects (last answer {(int)status} {status})",
        HttpStatusCode.NotFound => "not found (404)",
        HttpStatusCode.Unauthorized => "unauthorized (401)",
        HttpStatusCode.Forbidden => "forbidden (403)",
        HttpStatusCode.TooManyRequests => "rate limited by the registry (429)",
        _ => $"the registry answered {(int)status} {status}",
    };
}
