using BenchmarkDotNet.Running;
using CSharpFrontend.Benchmarks;

// `--info`: the corpus this run would measure. `--quick [seconds]`: a plain timing loop (wall and CPU time).
// `--exceptions`: where exceptions are thrown while parsing and converting the corpus.
// `--loop parse|convert|marshal SECONDS`: one workload in a loop, for a profiler (dotnet-trace).
// Anything else goes to BenchmarkDotNet (e.g. `--filter '*'`, `--filter '*Parse*'`, `--list flat`).
if (args is ["--info"])
{
    var corpus = Corpus.Instance;
    Console.WriteLine($"corpus: {corpus.CasesDir}");
    Console.WriteLine($"  all:      {corpus.Files.Count} files, {Corpus.Bytes(corpus.Files)} bytes");
    Console.WriteLine($"  accepted: {corpus.Accepted.Count} files, {Corpus.Bytes(corpus.Accepted)} bytes (converted with the conformance options)");
    return 0;
}

if (args is ["--exceptions"])
{
    ExceptionReport.Run();
    return 0;
}

if (args is ["--loop", var workload, var loopSeconds])
{
    QuickRun.Loop(workload, double.Parse(loopSeconds, System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

if (args is ["--quick", ..])
{
    QuickRun.Run(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Corpus).Assembly).Run(args);
return 0;
