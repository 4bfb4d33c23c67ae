return await Harness.Cli.HarnessCli.RunAsync(args).ConfigureAwait(false);
