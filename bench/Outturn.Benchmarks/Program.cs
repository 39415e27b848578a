using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Outturn.Benchmarks.ScorecardBenchmarks).Assembly).Run(args);
