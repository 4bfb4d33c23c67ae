using System.Globalization;

namespace Harness.Packet.Bench;

internal static class Program
{
    private const string Usage =
        "usage: Packet.Bench calibrate [--echo-seconds N] [--bulk-seconds N] [--seed N] [--cells 1x20,5x100,...] [--modes packet,stream,legacy] [--cc NAME]";

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        if (args.Length == 0)
            return Fail(Usage);
        try
        {
            return args[0] switch
            {
                "calibrate" => await Calibration.RunAsync(CalibrateOptions.Parse(args[1..])),
                "serve" => await EchoServer.ServeAsync(args[1..]),
                _ => Fail($"unknown command '{args[0]}'; {Usage}"),
            };
        }
        catch (UsageException ex)
        {
            return Fail($"{ex.Message}; {Usage}");
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}

internal sealed class UsageException(string message) : Exception(message);
