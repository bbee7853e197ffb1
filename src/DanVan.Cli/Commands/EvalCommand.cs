using System.CommandLine;
using System.Globalization;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Evaluation;
using DanVan.Analytics.Extraction;
using DanVan.Cli.CommandLine;

namespace DanVan.Cli.Commands;

/// <summary><c>danvan eval --gold GOLD.jsonl [--pred P.jsonl]</c>: scores as SCHEMA.md says, lists misses and extras.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var goldOption = CliOptions.File("--gold", "Gold cases (JSON lines in the schema of shared/gold/SCHEMA.md); - for standard input.", required: true);
        var predOption = CliOptions.File("--pred", "Predicted cases (the output of 'danvan extract'); without it the extractor runs on the gold texts.");
        var strictOption = CliOptions.Strict();
        var command = new Command("eval", "Score extraction against gold: P/R/F1 per kind, title and qualifier accuracy, misses and extras.");
        command.Options.Add(goldOption);
        command.Options.Add(predOption);
        command.Options.Add(strictOption);
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetValue(goldOption)!, parseResult.GetValue(predOption), new InputProblems(parseResult.GetValue(strictOption)), Console.Out, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo goldFile, FileInfo? predFile, InputProblems problems, TextWriter output, CancellationToken cancellationToken)
    {
        if (!OutputGuard.InputExists(goldFile) || (predFile is not null && !OutputGuard.InputExists(predFile)))
        {
            return ExitCodes.Usage;
        }

        try
        {
            List<ExtractionCase> gold = await ReadAsync(goldFile, problems, cancellationToken);
            List<ExtractionCase> predicted = predFile is null
                ? gold.Select(g => ExtractionCaseJson.FromResult(g.Id, ArticleExtractor.Default.Extract(g.Text ?? string.Empty))).ToList()
                : await ReadAsync(predFile, problems, cancellationToken);

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
            return problems.ExitCode;
        }
        catch (BadLineException)
        {
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    // Scoring needs every case at once; the cases are small (the output, a table, is not held).
    private static async Task<List<ExtractionCase>> ReadAsync(FileInfo file, InputProblems problems, CancellationToken cancellationToken)
    {
        var cases = new List<ExtractionCase>();
        await foreach (ExtractionCase c in JsonLines.ReadAsync(CliOptions.PathOf(file), ExtractionCaseJson.Parse, problems.ReadOptions, cancellationToken))
        {
            cases.Add(c);
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
