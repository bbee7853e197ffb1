using System.CommandLine;
using DanVan.Analytics.Datasets;
using DanVan.Cli.CommandLine;

namespace DanVan.Cli.Commands;

/// <summary><c>danvan dataset merge --in SHARD_DIR … --out DIR</c>: one dataset from the shards of <c>--shard K/N</c> runs.</summary>
internal static class DatasetMergeCommand
{
    public static Command Create()
    {
        var inOption = new Option<DirectoryInfo[]>("--in") { Description = "A shard's dataset folder; repeat for each shard.", Required = true };
        var outOption = new Option<DirectoryInfo>("--out") { Description = "The merged dataset folder (must be empty unless --force).", Required = true };
        var forceOption = new Option<bool>("--force") { Description = "Write into a non-empty output folder." };
        var command = new Command("merge", "Merge the shard folders of 'danvan dataset --shard K/N' into one dataset.");
        command.Options.Add(inOption);
        command.Options.Add(outOption);
        command.Options.Add(forceOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            DirectoryInfo[] shards = parseResult.GetValue(inOption) ?? [];
            if (shards.FirstOrDefault(d => !File.Exists(Path.Combine(d.FullName, "manifest.json"))) is DirectoryInfo bad)
            {
                Console.Error.WriteLine($"error: {bad.FullName} is not a dataset folder (no manifest.json).");
                return ExitCodes.Usage;
            }

            try
            {
                string commandLine = "danvan " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
                DatasetSummary summary = await DatasetMerger.MergeAsync([.. shards.Select(s => s.FullName)], parseResult.GetValue(outOption)!.FullName,
                    parseResult.GetValue(forceOption), commandLine, cancellationToken);
                Console.Error.WriteLine($"merged {shards.Length} shards: {summary.Articles} articles.");
                return ExitCodes.Success;
            }
            catch (DatasetOutputException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Usage;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
