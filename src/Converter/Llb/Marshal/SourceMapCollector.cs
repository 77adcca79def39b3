using Pb;

namespace CSharpFrontend.Converter.Llb.Marshal;

/// <summary>Gathers op locations into a <c>pb.Source</c>: source files in order of first use, locations by digest.</summary>
internal sealed class SourceMapCollector
{
    private readonly List<SourceMapSpec> _maps = [];
    private readonly Dictionary<SourceMapSpec, int> _index = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, List<SourceLocation>> _locations = new(StringComparer.Ordinal);

    /// <summary>
    /// Records a marshalled op's locations. Every op gets an entry, an empty one when it has no location, as BuildKit's
    /// LLB client writes it (v0.11.6 and v0.24.0 alike): <c>Definition.source</c> lists every op of the definition.
    /// </summary>
    public void Add(string digest, IEnumerable<SourceLocation> locations)
    {
        if (!_locations.TryGetValue(digest, out var list))
        {
            _locations[digest] = list = [];
        }

        foreach (var location in locations)
        {
            if (!_index.ContainsKey(location.SourceMap))
            {
                _index[location.SourceMap] = _maps.Count;
                _maps.Add(location.SourceMap);
            }

            list.Add(location);
        }
    }

    public Source ToProto(Func<SourceMapSpec, Definition?> marshalDefinition)
    {
        var source = new Source();
        foreach (var map in _maps)
        {
            var info = new SourceInfo
            {
                Filename = map.Filename,
                Data = Google.Protobuf.ByteString.CopyFrom(map.Data.Span),
                Language = map.Language,
            };
            if (marshalDefinition(map) is { } definition)
            {
                info.Definition = definition;
            }

            source.Infos.Add(info);
        }

        foreach (var (digest, locations) in _locations)
        {
            var list = new Locations();
            foreach (var location in locations)
            {
                var pbLocation = new Location { SourceIndex = _index[location.SourceMap] };
                foreach (var range in location.Ranges)
                {
                    pbLocation.Ranges.Add(new Pb.Range
                    {
                        Start = new Position { Line = range.StartLine, Character = range.StartCharacter },
                        End = new Position { Line = range.EndLine, Character = range.EndCharacter },
                    });
                }

                list.Locations_.Add(pbLocation);
            }

            source.Locations[digest] = list;
        }

        return source;
    }
}
