using Harness.Impairment.Bench;

// One subcommand per benchmark (bench/README.md); "serve" (the proxy) and "stream" (the API benchmark's load) are
// child processes the benchmarks start.
var commands = new Dictionary<string, Func<BenchOptions, Task<int>>>(StringComparer.Ordinal)
{
    ["serve"] = ServeCommand.RunAsync,
    ["stream"] = StreamCommand.RunAsync,
    ["throughput"] = o => BenchRunner.RunAsync(o, new ThroughputBench()),
    ["roundtrip"] = o => BenchRunner.RunAsync(o, new RoundTripBench()),
    ["latency"] = o => BenchRunner.RunAsync(o, new LatencyBench(jitterMs: 0)),
    ["jitter"] = o => BenchRunner.RunAsync(o, new LatencyBench(jitterMs: 50)),
    ["bandwidth"] = o => BenchRunner.RunAsync(o, new BandwidthBench()),
    ["idle"] = o => BenchRunner.RunAsync(o, new IdleConnectionsBench()),
    ["udp-loss"] = o => BenchRunner.RunAsync(o, new UdpLossBench()),
    ["api"] = o => BenchRunner.RunAsync(o, new ApiResponsivenessBench(bytesPerSecondEach: 64_000)),
    ["api-saturated"] = o => BenchRunner.RunAsync(o, new ApiResponsivenessBench(bytesPerSecondEach: 0)),
};

if (args.Length > 0 && args[0] == "startup")
    return await Harness.Impairment.Bench.Table.StartupCommand.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "delay-probe")
    return await Harness.Impairment.Bench.Timing.DelayProbeCommand.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "table")
    return await Harness.Impairment.Bench.Table.TableCommand.RunAsync(args[1..]);
if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    Console.Error.WriteLine(
        $"usage: Impairment.Bench <{string.Join('|', commands.Keys.Where(k => k is not ("serve" or "stream")))}> [--runs N] | table [--rounds N] [--toxiproxy-server PATH] | delay-probe [--seconds N] (bench/README.md)"
    );
    return 2;
}
return await command(BenchOptions.Parse(args[1..]));
