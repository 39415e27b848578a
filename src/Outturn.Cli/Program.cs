using Outturn.Cli;

return OutturnCli.Run(args, Console.Out, Console.Error);
