using System.CommandLine;
using System.Globalization;
using DanVan.Analytics.Parsing.Evaluation;

namespace DanVan.Cli.Commands;

/// <summary>
/// <c>danvan eval-parse MANIFEST [--worst N] [--parallel N] [--show title|date|author]</c>: parses every page of an
/// annotated article-extraction set (such as <c>shared/parsing-eval/evaldata.jsonl</c>) and prints body
/// precision/recall/F1 in the corpus's convention, title/date/author exactness, and the misses of the worst pages.
/// </summary>
internal static class EvalParseCommand
{
    public static Command Create()
    {
        var manifestArgument = new Argument<FileInfo>("manifest") { Description = "JSONL lines of {\"id\", \"url\", \"path\", \"with\", \"without\", \"title\", \"author\", \"date\"}." };
        var worstOption = new Option<int>("--worst") { Description = "How many of the worst pages to list with their misses.", DefaultValueFactory = _ => 20 };
        var parallelOption = new Option<int>("--parallel") { Description = "Pages parsed at once.", DefaultValueFactory = _ => 1 };
        var showOption = new Option<string?>("--show") { Description = "Also list the pages whose title, date or author is wrong." };
        var command = new Command("eval-parse", "Score the article parser on an annotated page set: body P/R/F1, title, date and author, and the worst pages.");
        command.Arguments.Add(manifestArgument);
        command.Options.Add(worstOption);
        command.Options.Add(parallelOption);
        command.Options.Add(showOption);
        command.SetAction((parseResult, cancellationToken) =>
        {
            FileInfo manifest = parseResult.GetValue(manifestArgument)!;
            if (!manifest.Exists)
            {
                Console.Error.WriteLine($"error: the manifest {manifest.FullName} does not exist.");
                return Task.FromResult(2);
            }

            var cases = ParsingEvalCase.ReadManifest(manifest.FullName, (line, reason) => Console.Error.WriteLine($"{{\"line\":{line},\"reason\":\"{reason.Replace("\"", "'", StringComparison.Ordinal)}\"}}"));
            ParsingEvalReport report = ParsingEvaluator.Evaluate(cases, maxDegreeOfParallelism: Math.Max(1, parseResult.GetValue(parallelOption)), cancellationToken: cancellationToken);
            Print(report, Math.Max(0, parseResult.GetValue(worstOption)), parseResult.GetValue(showOption), Console.Out);
            return Task.FromResult(0);
        });
        return command;
    }

    private static void Print(ParsingEvalReport report, int worst, string? show, TextWriter output)
    {
        output.WriteLine($"{report.Pages.Count} pages, {report.Failed} failed");
        output.WriteLine($"body: P {F(report.Precision)} R {F(report.Recall)} F1 {F(report.F1)} accuracy {F(report.Accuracy)} (tp {report.TruePositives}, fn {report.FalseNegatives}, fp {report.FalsePositives}, tn {report.TrueNegatives})");
        output.WriteLine($"title exact {F(report.TitleExact)} of {report.TitlePages}; date {F(report.DateExact)} of {report.DatePages}; author {F(report.AuthorExact)} of {report.AuthorPages}");
        foreach (ParsingEvalPage page in report.Pages.Where(p => p.Errors > 0).OrderByDescending(p => p.Errors).ThenBy(p => p.Case.Id, StringComparer.Ordinal).Take(worst))
        {
            output.WriteLine();
            output.WriteLine($"{page.Case.Id} {page.Case.Url?.ToString() ?? "(no url)"}: {page.Missed.Count} missed, {page.Leaked.Count} leaked{(page.Error is null ? string.Empty : " — " + page.Error)}");
            foreach (string passage in page.Missed)
            {
                output.WriteLine("  - missed: " + Short(passage));
            }

            foreach (string passage in page.Leaked)
            {
                output.WriteLine("  + leaked: " + Short(passage));
            }
        }

        foreach (ParsingEvalPage page in report.Pages)
        {
            (bool wrong, string? expected, string? got) = show switch
            {
                "title" => (!page.TitleCorrect && !string.IsNullOrWhiteSpace(page.Case.Title), page.Case.Title, page.Title),
                "date" => (!page.DateCorrect && page.Case.Date is not null, page.Case.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), page.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                "author" => (!page.AuthorCorrect && !string.IsNullOrWhiteSpace(page.Case.Author), page.Case.Author, page.Authors),
                _ => (false, null, null),
            };
            if (wrong)
            {
                output.WriteLine($"{show} {page.Case.Id} {page.Case.Url}: want \"{expected}\" got \"{got}\"");
            }
        }
    }

    private static string Short(string text) => text.Length <= 160 ? text : text[..157] + "...";

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
