using System.CommandLine;
using System.Text.Json;
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
            var predictions = new List<string>();
            int lineNumber = 0;
            await foreach (string line in File.ReadLinesAsync(input.FullName, cancellationToken))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                ExtractionCase c;
                try
                {
                    c = ExtractionCaseJson.Parse(line);
                }
                catch (JsonException e)
                {
                    await Console.Error.WriteLineAsync($"error: {input.Name} line {lineNumber}: not a case ({e.Message}).");
                    return 2;
                }

                ExtractionResult result = ArticleExtractor.Default.Extract(c.Text ?? string.Empty);
                predictions.Add(ExtractionCaseJson.Serialize(ExtractionCaseJson.FromResult(c.Id, result)));
            }

            if (output is null)
            {
                foreach (string p in predictions)
                {
                    await Console.Out.WriteLineAsync(p);
                }
            }
            else
            {
                await File.WriteAllLinesAsync(output.FullName, predictions, cancellationToken);
            }

            return 0;
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
