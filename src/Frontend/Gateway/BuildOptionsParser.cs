using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Lint;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>Reads <see cref="BuildOptions"/> from the frontend options with builder/build.go's rules and messages.</summary>
public static class BuildOptionsParser
{
    /// <summary>The prefix of build arguments.</summary>
    public const string BuildArgPrefix = "build-arg:";

    /// <summary>The prefix of labels.</summary>
    public const string LabelPrefix = "label:";

    /// <summary>The prefix of named contexts.</summary>
    public const string ContextPrefix = "context:";

    private static readonly ImmutableHashSet<string> UlimitNames = ImmutableHashSet.Create(StringComparer.Ordinal,
        "core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime",
        "sigpending", "stack");

    /// <summary>The frontend caps this frontend implements (what <c>frontend.caps</c> may ask for).</summary>
    public static ImmutableHashSet<string> EnabledFrontendCaps { get; } = ImmutableHashSet.Create(StringComparer.Ordinal,
        "moby.buildkit.frontend.inputs", "moby.buildkit.frontend.subrequests");

    /// <summary>Parses; a bad option throws <see cref="GatewayException"/> with upstream's message.</summary>
    public static BuildOptions Parse(IReadOnlyDictionary<string, string> opts)
    {
        if (opts.GetValueOrDefault("override-copy-image") is { Length: > 0 })
        {
            throw new GatewayException("support for \"override-copy-image\" was removed in BuildKit 0.11");
        }

        var profile = ParseProfile(opts.GetValueOrDefault("build-arg:" + CompatBuildArg) ?? "");
        var errors = profile.FrontendOptionErrors;
        if (opts.TryGetValue("build-arg:BUILDKIT_DISABLE_FILEOP", out var disable) && TryParseBool(disable, out var disabled) && disabled)
        {
            throw new GatewayException(errors.FileOpRemoved);
        }

        // dockerui's init order, so that of several bad options the same one is reported: platforms, resolve mode,
        // hosts, shm size, ulimits, network mode, multi-platform; then cache imports, SOURCE_DATE_EPOCH, SBOM, the
        // checks' build arg; the caps last (build.go).
        var platforms = ParsePlatforms(opts.GetValueOrDefault("platform") ?? "");
        var resolveMode = ParseResolveMode(opts.GetValueOrDefault("image-resolve-mode") ?? "");
        var extraHosts = Wrap("failed to parse additional hosts", () => ParseExtraHosts(opts.GetValueOrDefault("add-hosts") ?? ""));
        var shmSize = Wrap("failed to parse shm size", () => ParseShmSize(opts.GetValueOrDefault("shm-size") ?? ""));
        var ulimits = Wrap("failed to parse ulimit", () => ParseUlimits(opts.GetValueOrDefault("ulimit") ?? ""));
        var networkMode = ParseNetMode(opts.GetValueOrDefault("force-network-mode") ?? "");
        var multiPlatformText = opts.GetValueOrDefault("build-arg:BUILDKIT_MULTI_PLATFORM") is { Length: > 0 } arg ? arg : opts.GetValueOrDefault("multi-platform") ?? "";
        bool? multiPlatform = null;
        if (multiPlatformText.Length > 0)
        {
            multiPlatform = TryParseBool(multiPlatformText, out var b) ? b : throw new GatewayException(errors.InvalidMultiPlatform + multiPlatformText);
        }

        if (multiPlatform == false && platforms.Length > 1)
        {
            throw new GatewayException(errors.MultiplePlatforms);
        }

        var cacheImports = ParseCacheImports(opts.GetValueOrDefault("cache-imports") ?? "", opts.GetValueOrDefault("cache-from") ?? "");
        var epoch = profile.EpochAndChecksReadWithOptions ? ParseSourceDateEpoch(opts) : null;
        RejectSbom(opts);
        if (profile.EpochAndChecksReadWithOptions)
        {
            ValidateCheckArg(opts);
        }

        ValidateFrontendCaps(opts.GetValueOrDefault("frontend.caps") ?? "");
        var hostname = opts.GetValueOrDefault("hostname") ?? "";
        if (opts.GetValueOrDefault("build-arg:BUILDKIT_SANDBOX_HOSTNAME") is { Length: > 0 } sandboxHostname)
        {
            hostname = sandboxHostname;
        }

        return new BuildOptions
        {
            Profile = profile,
            Target = opts.GetValueOrDefault("target") ?? "",
            Filename = opts.GetValueOrDefault("filename") is { Length: > 0 } filename ? filename : "Dockerfile",
            TargetPlatforms = platforms,
            BuildArgs = Filter(opts, BuildArgPrefix),
            Labels = Filter(opts, LabelPrefix),
            IgnoreCache = opts.TryGetValue("no-cache", out var noCache) ? (noCache.Length == 0 ? [] : [.. noCache.Split(',')]) : null,
            ResolveMode = resolveMode,
            ExtraHosts = extraHosts,
            ShmSize = shmSize,
            Ulimits = ulimits,
            NetworkMode = networkMode,
            Hostname = hostname,
            CgroupParent = opts.GetValueOrDefault("cgroup-parent") ?? "",
            CacheIdNamespace = opts.GetValueOrDefault("build-arg:BUILDKIT_CACHE_MOUNT_NS") ?? "",
            ContextLocalName = opts.GetValueOrDefault("contextkey") ?? "context",
            DockerfileLocalName = opts.GetValueOrDefault("dockerfilekey") ?? "dockerfile",
            ForceLocalDockerfile = opts.ContainsKey("dockerfilekey"),
            CacheImports = cacheImports,
            MultiPlatform = multiPlatform,
            RequestId = opts.GetValueOrDefault("requestid"),
            SourceDateEpoch = epoch,
        };
    }

    /// <summary><c>build-arg:SOURCE_DATE_EPOCH</c> (dockerui's <c>parseSourceDateEpoch</c>); null when absent or empty.</summary>
    public static Converter.Image.ImageTime? ParseSourceDateEpoch(IReadOnlyDictionary<string, string> opts)
    {
        try
        {
            return SourceDateEpoch.Parse(opts.GetValueOrDefault(BuildArgPrefix + SourceDateEpoch.BuildArg) ?? "");
        }
        catch (FormatException ex)
        {
            throw new GatewayException(ex.Message);
        }
    }

    /// <summary><c>build-arg:BUILDKIT_DOCKERFILE_CHECK</c> as dockerui's <c>init</c> parses it (<c>linter.ParseLintOptions</c>).</summary>
    private static void ValidateCheckArg(IReadOnlyDictionary<string, string> opts)
    {
        if (!opts.TryGetValue(BuildArgPrefix + CheckConfig.BuildArg, out var text))
        {
            return;
        }

        try
        {
            CheckConfig.ParseBuildArg(text);
        }
        catch (FormatException ex)
        {
            throw new GatewayException(ex.Message);
        }
    }

    /// <summary>The build arg that chooses the BuildKit release to equal (ours; upstream has none).</summary>
    public const string CompatBuildArg = "CSHARP_FRONTEND_COMPAT";

    private static Converter.Profiles.BuildKitProfile ParseProfile(string value) =>
        value.Length == 0
            ? Converter.Profiles.BuildKitProfile.V0_24
            : Converter.Profiles.BuildKitProfile.Find(value)
              ?? throw new GatewayException($"invalid {CompatBuildArg} value \"{value}\": expected one of "
                  + string.Join(", ", Converter.Profiles.BuildKitProfile.All.Select(p => p.Name)));

    /// <summary>builder/caps.go <c>validateCaps</c>: an unknown cap fails unless marked <c>+forward</c> (then it is ignored here).</summary>
    public static void ValidateFrontendCaps(string requested)
    {
        if (requested.Length == 0)
        {
            return;
        }

        foreach (var cap in requested.Split(','))
        {
            var name = cap.Split('+', 2)[0];
            if (!EnabledFrontendCaps.Contains(name) && !cap.Contains("+forward", StringComparison.Ordinal))
            {
                throw new GatewayException($"unsupported frontend capability {name}", Grpc.Core.StatusCode.Unimplemented, [ErrdefsDetails.FrontendCap(name)]);
            }
        }
    }

    /// <summary>
    /// SBOM attestations (<c>attest:sbom</c>, <c>build-arg:BUILDKIT_ATTEST_SBOM</c>) need a scanner run by the frontend,
    /// which this one does not do: they fail unless disabled. Provenance is the daemon's and passes.
    /// </summary>
    public static void RejectSbom(IReadOnlyDictionary<string, string> opts)
    {
        foreach (var (key, value) in opts)
        {
            var type = key.StartsWith("attest:", StringComparison.Ordinal) ? key["attest:".Length..]
                : key.StartsWith("build-arg:BUILDKIT_ATTEST_", StringComparison.Ordinal) ? key["build-arg:BUILDKIT_ATTEST_".Length..]
                : null;
            if (type is null || !type.Equals("sbom", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var disabled = value.Length > 0 && GoCsv.ReadRecord(value).Any(f => f.Split('=', 2) is ["disabled", var v] && TryParseBool(v, out var b) && b);
            if (!disabled)
            {
                throw new GatewayException("SBOM attestations (attest:sbom) are not supported by csharp-frontend", Grpc.Core.StatusCode.Unimplemented);
            }
        }
    }

    /// <summary>Go's <c>strconv.ParseBool</c>.</summary>
    public static bool TryParseBool(string text, out bool value)
    {
        switch (text)
        {
            case "1" or "t" or "T" or "TRUE" or "true" or "True":
                value = true;
                return true;
            case "0" or "f" or "F" or "FALSE" or "false" or "False":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>The <c>platform</c> option: comma-separated, each parsed and normalized; <c>[null]</c> when empty.</summary>
    public static ImmutableArray<LlbPlatform?> ParsePlatforms(string text)
    {
        if (text.Length == 0)
        {
            return [null];
        }

        var result = ImmutableArray.CreateBuilder<LlbPlatform?>();
        foreach (var item in text.Split(','))
        {
            try
            {
                result.Add(LlbPlatform.Parse(item));
            }
            catch (FormatException ex)
            {
                throw new GatewayException($"failed to parse target platform {item}: {ex.Message}");
            }
        }

        return result.ToImmutable();
    }

    /// <summary><c>image-resolve-mode</c>: <c>default</c>, <c>pull</c> or <c>local</c>.</summary>
    public static ResolveMode ParseResolveMode(string text) => text switch
    {
        "" or "default" => ResolveMode.Default,
        "pull" => ResolveMode.ForcePull,
        "local" => ResolveMode.PreferLocal,
        _ => throw new GatewayException($"invalid image-resolve-mode: {text}"),
    };

    /// <summary><c>add-hosts</c>: a CSV record of <c>host=ip</c>, both lower-cased.</summary>
    public static ImmutableArray<HostIp> ParseExtraHosts(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<HostIp>();
        foreach (var field in GoCsv.ReadRecord(text))
        {
            var parts = field.Split('=', 2);
            if (parts.Length != 2)
            {
                throw new GatewayException($"invalid key-value pair {field}");
            }

            var ip = parts[1].ToLowerInvariant();
            result.Add(new HostIp(parts[0].ToLowerInvariant(), ParseIp(ip) ?? throw new GatewayException($"failed to parse IP {ip}")));
        }

        return result.ToImmutable();
    }

    /// <summary>Go's <c>net.ParseIP</c> then <c>String()</c>: a dotted quad or an IPv6 address; null when neither.</summary>
    public static string? ParseIp(string text)
    {
        if (text.Contains(':', StringComparison.Ordinal))
        {
            if (text.Contains('%', StringComparison.Ordinal) || !IPAddress.TryParse(text, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return null;
            }

            return v6.IsIPv4MappedToIPv6 ? v6.MapToIPv4().ToString() : GoIpv6Text(v6.GetAddressBytes());
        }

        var octets = text.Split('.');
        if (octets.Length != 4 || octets.Any(o => o.Length is 0 or > 3 || !o.All(char.IsAsciiDigit) || int.Parse(o, CultureInfo.InvariantCulture) > 255 || (o.Length > 1 && o[0] == '0')))
        {
            return null;
        }

        return string.Join('.', octets.Select(o => int.Parse(o, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// An IPv6 address as Go prints one: eight lower-case hex groups, the first longest run of two or more zero groups
    /// written <c>::</c>, and never an embedded dotted quad (.NET writes <c>::1.2.3.4</c> where Go writes <c>::102:304</c>).
    /// </summary>
    private static string GoIpv6Text(byte[] address)
    {
        var groups = new int[8];
        for (var i = 0; i < 8; i++)
        {
            groups[i] = (address[2 * i] << 8) | address[(2 * i) + 1];
        }

        var (runStart, runLength) = (-1, 0);
        for (var i = 0; i < 8;)
        {
            var j = i;
            while (j < 8 && groups[j] == 0)
            {
                j++;
            }

            if (j - i > runLength)
            {
                (runStart, runLength) = (i, j - i);
            }

            i = j == i ? i + 1 : j;
        }

        if (runLength < 2)
        {
            runStart = -1;
        }

        var text = new StringBuilder();
        for (var i = 0; i < 8; i++)
        {
            if (i == runStart)
            {
                text.Append("::");
                i += runLength - 1;
                continue;
            }

            if (text.Length > 0 && text[^1] != ':')
            {
                text.Append(':');
            }

            text.Append(groups[i].ToString("x", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary><c>shm-size</c>: a decimal integer.</summary>
    public static long ParseShmSize(string text) =>
        text.Length == 0 ? 0
        : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var size) ? size
        : throw new GatewayException($"strconv.ParseInt: parsing {GoQuote(text)}: invalid syntax");

    /// <summary><c>ulimit</c>: a CSV record of <c>name=soft[:hard]</c> (go-units <c>ParseUlimit</c>).</summary>
    public static ImmutableArray<Ulimit> ParseUlimits(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<Ulimit>();
        foreach (var field in GoCsv.ReadRecord(text))
        {
            var parts = field.Split('=', 2);
            if (parts.Length != 2)
            {
                throw new GatewayException($"invalid ulimit argument: {field}");
            }

            if (!UlimitNames.Contains(parts[0]))
            {
                throw new GatewayException($"invalid ulimit type: {parts[0]}");
            }

            var limits = parts[1].Split(':', 2);
            var soft = ParseLimit(limits[0]);
            var hard = limits.Length == 2 ? ParseLimit(limits[1]) : soft;
            if (soft > hard)
            {
                throw new GatewayException($"ulimit soft limit must be less than or equal to hard limit: {soft} > {hard}");
            }

            result.Add(new Ulimit(parts[0], soft, hard));
        }

        return result.ToImmutable();
    }

    /// <summary><c>force-network-mode</c>.</summary>
    public static NetMode ParseNetMode(string text) => text switch
    {
        "" or "sandbox" => NetMode.Sandbox,
        "none" => NetMode.None,
        "host" => NetMode.Host,
        _ => throw new GatewayException($"invalid netmode {text}"),
    };

    /// <summary><c>cache-imports</c> (a JSON array of <c>{"Type","Attrs"}</c>) then <c>cache-from</c> (comma-separated registry refs).</summary>
    public static ImmutableArray<CacheImport> ParseCacheImports(string json, string cacheFrom)
    {
        var result = ImmutableArray.CreateBuilder<CacheImport>();
        if (json.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind != JsonValueKind.Array)
                {
                    throw new JsonException("not an array");
                }

                foreach (var entry in document.RootElement.EnumerateArray())
                {
                    var type = "";
                    var attrs = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
                    foreach (var property in entry.EnumerateObject())
                    {
                        if (property.Name.Equals("Type", StringComparison.OrdinalIgnoreCase))
                        {
                            type = property.Value.GetString() ?? "";
                        }
                        else if (property.Name.Equals("Attrs", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Object)
                        {
                            foreach (var attr in property.Value.EnumerateObject())
                            {
                                attrs[attr.Name] = attr.Value.GetString() ?? "";
                            }
                        }
                    }

                    result.Add(new CacheImport(type, attrs.ToImmutable()));
                }
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                throw new GatewayException($"failed to unmarshal cache-imports ({GoQuote(json)}): {ex.Message}");
            }
        }

        if (cacheFrom.Length > 0)
        {
            foreach (var reference in cacheFrom.Split(','))
            {
                result.Add(new CacheImport("registry", ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal).Add("ref", reference)));
            }
        }

        return result.ToImmutable();
    }

    private static long ParseLimit(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new GatewayException($"strconv.ParseInt: parsing {GoQuote(text)}: invalid syntax");

    private static ImmutableDictionary<string, string> Filter(IReadOnlyDictionary<string, string> opts, string prefix) =>
        opts.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToImmutableDictionary(o => o.Key[prefix.Length..], o => o.Value, StringComparer.Ordinal);

    private static T Wrap<T>(string prefix, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (GatewayException ex)
        {
            throw new GatewayException(prefix + ": " + ex.Message, ex.Code, ex.Details);
        }
        catch (FormatException ex)
        {
            throw new GatewayException(prefix + ": " + ex.Message);
        }
    }

    private static string GoQuote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
