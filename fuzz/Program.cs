using CSharpFrontend.Fuzz;
using SharpFuzz;

// Under afl-fuzz: the .NET fork server loop. With "--run FILE...": each file once, printing what escapes (triage;
// run the uninstrumented build, fuzz/out/plain, since instrumented code needs the map afl-fuzz shares).
if (args.Length > 0 && args[0] == "--run")
{
    var failed = 0;
    foreach (var path in args.Skip(1))
    {
        try
        {
            FuzzTarget.Run(File.ReadAllBytes(path));
            Console.WriteLine($"ok    {path}");
        }
        catch (Exception e)
        {
            failed++;
            Console.WriteLine($"CRASH {path}: {e}");
        }
    }

    return failed == 0 ? 0 : 1;
}

Fuzzer.OutOfProcess.Run(FuzzTarget.Run);
return 0;
