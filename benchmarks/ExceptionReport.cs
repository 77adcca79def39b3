using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Benchmarks;

/// <summary>
/// <c>--exceptions</c>: the exceptions thrown (and caught) while parsing and converting the corpus, by where they
/// are thrown: exceptions used for control flow are a hot spot.
/// </summary>
internal static class ExceptionReport
{
    public static void Run()
    {
        var corpus = Corpus.Instance;
        string current = "";
        string phase = "";
        var where = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
        {
            var frames = Environment.StackTrace.Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.StartsWith("at CSharpFrontend.", StringComparison.Ordinal) && !l.Contains(".Benchmarks.", StringComparison.Ordinal))
                .Select(l => l.Replace("/work/main/", "", StringComparison.Ordinal))
                .Take(2);
            var key = $"[{phase}] {e.Exception.GetType().Name}\n      " + string.Join("\n      ", frames);
            if (!where.TryGetValue(key, out var cases))
            {
                where[key] = cases = [];
            }

            cases.Add(current);
        };
        foreach (var f in corpus.Files)
        {
            current = f.Case;
            phase = "parse";
            DockerfileParser.Parse(f.Text);
            phase = "convert";
            Corpus.TryConvert(f.Text);
        }

        foreach (var (key, cases) in where.OrderByDescending(kv => kv.Value.Count))
        {
            Console.WriteLine($"{cases.Count,4} x {key}");
            Console.WriteLine($"      e.g. {string.Join(", ", cases.Distinct().Take(3))}");
        }
    }
}
