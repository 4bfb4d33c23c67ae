using Harness.Probes.Bench;
using Harness.Probes.Bench.Infra;

// Probe benchmarks of issue 4; see docs/benchmarks.md. Run through bench/Probes.Bench/run.sh (fd limit, lock).
var command = args.FirstOrDefault();
var options = new BenchArgs(args.Skip(1).ToArray());
return command switch
{
    "ws-crowd" => await WsCrowdBench.RunAsync(options),
    "ws-reset" => await WsResetBench.RunAsync(options),
    "http-rate" => await HttpRateBench.RunAsync(options),
    "browser" => await BrowserBench.RunAsync(options),
    "proxy-host" => await ProxyHost.RunAsync(),
    "ws-client-compare" => await Harness.Probes.Bench.Compare.WsClientCompareBench.RunAsync(options),
    "ws-client-one" => await Harness.Probes.Bench.Compare.WsClientCompareBench.RunOneAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Probes.Bench ws-crowd|ws-reset|http-rate|browser|ws-client-compare [--name value ...]");
    return 2;
}
