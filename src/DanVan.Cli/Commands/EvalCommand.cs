using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DanVan.Analytics.Evaluation;
using DanVan.Analytics.Extraction;

namespace DanVan.Cli.Commands;

/// <summary><c>danvan eval --gold GOLD.jsonl [--pred P.jsonl]</c>: scores as SCHEMA.md says, lists misses and extras.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var goldOption = new Option<FileInfo>("--gold") { Description = "Gold cases (JSON lines in the schema of shared/gold/SCHEMA.md).", Required = true };
        var predOption = new Option<FileInfo?>("--pred") { Description = "Predicted cases; without it the extractor runs on the gold texts." };
        var command = new Command("eval", "Score extraction against gold: P/R/F1 per kind, title and qualifier accuracy, misses and extras.");
        command.Options.Add(goldOption);
        command.Options.Add(predOption);
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetValue(goldOption)!, parseResult.GetValue(predOption), Console.Out, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo goldFile, FileInfo? predFile, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            List<ExtractionCase>? gold = await ReadAsync(goldFile, cancellationToken);
            if (gold is null)
            {
                return 2;
            }

            List<ExtractionCase>? predicted = predFile is null
                ? gold.Select(g => ExtractionCaseJson.FromResult(g.Id, ArticleExtractor.Default.Extract(g.Text ?? string.Empty))).ToList()
                : await ReadAsync(predFile, cancellationToken);
            if (predicted is null)
            {
                return 2;
            }

            ExtractionScores scores = ExtractionScorer.Score(gold, predicted);
            output.WriteLine($"{gold.Count} cases");
            output.WriteLine("| kind | P | R | F1 | TP | FP | FN |");
            output.WriteLine("|---|---|---|---|---|---|---|");
            Row(output, "documents", scores.Documents);
            Row(output, "model counts", scores.ModelCounts);
            Row(output, "officials", scores.Officials);
            output.WriteLine($"title accuracy: {F(scores.TitleAccuracy.Accuracy)} ({scores.TitleAccuracy.Correct}/{scores.TitleAccuracy.Total})");
            output.WriteLine($"qualifier accuracy: {F(scores.QualifierAccuracy.Accuracy)} ({scores.QualifierAccuracy.Correct}/{scores.QualifierAccuracy.Total})");
            List("documents missed", scores.Documents.Missed, output);
            List("documents extra", scores.Documents.Extra, output);
            List("model counts missed", scores.ModelCounts.Missed, output);
            List("model counts extra", scores.ModelCounts.Extra, output);
            List("officials missed", scores.Officials.Missed, output);
            List("officials extra", scores.Officials.Extra, output);
            List("titles not found", scores.TitleAccuracy.Wrong, output);
            List("qualifiers wrong", scores.QualifierAccuracy.Wrong, output);
            return 0;
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }

    private static async Task<List<ExtractionCase>?> ReadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await Console.Error.WriteLineAsync($"error: the file {file.FullName} does not exist.");
            return null;
        }

        var cases = new List<ExtractionCase>();
        int lineNumber = 0;
        await foreach (string line in File.ReadLinesAsync(file.FullName, cancellationToken))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                cases.Add(ExtractionCaseJson.Parse(line));
            }
            catch (JsonException e)
            {
                await Console.Error.WriteLineAsync($"error: {file.Name} line {lineNumber}: not a case ({e.Message}).");
                return null;
            }
        }

        return cases;
    }

    private static void Row(TextWriter output, string kind, KindScore s) =>
        output.WriteLine($"| {kind} | {F(s.Precision)} | {F(s.Recall)} | {F(s.F1)} | {s.TruePositives} | {s.FalsePositives} | {s.FalseNegatives} |");

    private static void List(string heading, IReadOnlyList<string> items, TextWriter output)
    {
        if (items.Count == 0)
        {
            return;
        }

        output.WriteLine($"{heading}:");
        foreach (string item in items)
        {
            output.WriteLine("  " + item);
        }
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
