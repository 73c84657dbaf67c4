return await IcssiCms.Usync.Cli.UsyncCommandLine.RunInConsoleAsync(args);
