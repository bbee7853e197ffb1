using System.CommandLine;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Evaluation;
using DanVan.Analytics.Extraction;

namespace DanVan.Cli.Commands;

/// <summary><c>danvan extract --in cases.jsonl --out predictions.jsonl</c>: documents, model counts and officials per case.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var inOption = new Option<FileInfo>("--in") { Description = "Input JSON lines with \"id\" and \"text\" (other fields are ignored).", Required = true };
        var outOption = new Option<FileInfo?>("--out") { Description = "Output JSON lines (default: standard output)." };
        var command = new Command("extract", "Extract document references, \"mô hình\" counts and officials from articles.");
        command.Options.Add(inOption);
        command.Options.Add(outOption);
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetValue(inOption)!, parseResult.GetValue(outOption), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo input, FileInfo? output, CancellationToken cancellationToken)
    {
        if (!input.Exists)
        {
            await Console.Error.WriteLineAsync($"error: the input file {input.FullName} does not exist.");
            return 2;
        }

        try
        {
            int skipped = 0;
            var readOptions = new JsonLinesReadOptions
            {
                OnBadLine = bad =>
                {
                    skipped++;
                    Console.Error.WriteLine(ArticleRecordJson.Serialize(bad));
                },
            };
            await using JsonLinesWriter writer = JsonLinesWriter.Create(output?.FullName ?? JsonLines.StandardStream);
            await foreach (ArticleRecord record in ArticleRecordReader.ReadAsync(input.FullName, readOptions, cancellationToken))
            {
                ExtractionResult result = ArticleExtractor.Default.Extract(record.ComposeText());
                await writer.WriteLineAsync(ExtractionCaseJson.Serialize(ExtractionCaseJson.FromResult(record.Id, result)), cancellationToken);
            }

            return skipped > 0 ? 3 : 0;
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
        catch (UnauthorizedAccessException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }
}
