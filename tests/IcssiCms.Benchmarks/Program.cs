using BenchmarkDotNet.Running;
using IcssiCms.Benchmarks;

// `generate-hub <news items>` prints the folder of a generated hub, for the load script; anything else runs BenchmarkDotNet.
if (args is ["generate-hub", var count])
{
    Console.WriteLine(GeneratedHub.Create(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
