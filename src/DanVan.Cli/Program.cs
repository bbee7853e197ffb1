using System.CommandLine;
using System.Text;
using DanVan.Cli.CommandLine;
using DanVan.Cli.Commands;

Console.OutputEncoding = Encoding.UTF8;

var root = new RootCommand("danvan: analyse Vietnamese news about mass-mobilization (dân vận) work. JSON output uses snake_case names and carries a schema_version. "
    + "Use - for standard input or output where an option takes <FILE>.\n" + ExitCodes.Help);
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

ParseResult parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // A short message on stderr, not the whole help on stdout: scripts that pipe the output get nothing wrong in it.
    foreach (string message in parsed.Errors.Select(e => e.Message).Distinct())
    {
        Console.Error.WriteLine("error: " + message);
    }

    Console.Error.WriteLine($"Run '{CommandPath(parsed.CommandResult.Command)} --help' for usage.");
    return ExitCodes.Usage;
}

return await parsed.InvokeAsync();

static string CommandPath(Command command) => command is RootCommand ? "danvan" : "danvan " + command.Name;
