using System.CommandLine;
using System.Text;
using DanVan.Cli.Commands;

Console.OutputEncoding = Encoding.UTF8;

var root = new RootCommand("danvan: analyse Vietnamese news about mass-mobilization (dân vận) work.");
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(ParseCommand.Create());
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(EvalParseCommand.Create());
root.Subcommands.Add(CrawlCommand.Create());
root.Subcommands.Add(IndexCommand.Create());
root.Subcommands.Add(SearchCommand.Create());
root.Subcommands.Add(DatasetCommand.Create());
LearningCommands.AddTo(root);

return await root.Parse(args).InvokeAsync();
