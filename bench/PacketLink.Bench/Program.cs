using Harness.PacketLink.Bench;

// The packet-link benchmark of issue 13; see bench/README.md and docs/benchmarks.md ("Packet mode").
// Run through bench/PacketLink.Bench/run.sh (shared lock). "serve" is the child it starts on each side.
if (args.FirstOrDefault() == "serve")
    return SinkServer.Run(args.Skip(1).ToArray());
if (!BenchOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine($"PacketLink.Bench: {error}");
    Console.Error.WriteLine("usage: PacketLink.Bench [--rounds N] [--seconds S] [--echoes N]");
    return 2;
}
try
{
    return LinkBench.Run(options);
}
catch (Exception e)
    when (e
            is IOException
                or InvalidOperationException
                or System.Net.Sockets.SocketException
                or Harness.Impairment.Packet.Namespaces.PacketNetworkException
                or TimeoutException
    )
{
    // Caught here, so the link and the server children are disposed while unwinding.
    Console.Error.WriteLine($"PacketLink.Bench: failed: {e.Message}");
    return 1;
}
