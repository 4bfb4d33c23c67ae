try
{
    return await Harness.Cli.HarnessCli.RunAsync(args).ConfigureAwait(false);
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    // Never a stack trace for the user; set HARNESS_DEBUG=1 to see one.
    Console.Error.WriteLine($"harness: internal error: {e.GetType().Name}: {e.Message}");
    if (Environment.GetEnvironmentVariable("HARNESS_DEBUG") == "1")
        Console.Error.WriteLine(e);
    return Harness.Orchestration.ExitCodes.InfrastructureUnusable;
}
