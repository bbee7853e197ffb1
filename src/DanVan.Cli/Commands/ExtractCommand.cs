using System.CommandLine;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Evaluation;
using DanVan.Analytics.Pipeline;
using DanVan.Cli.CommandLine;

namespace DanVan.Cli.Commands;

/// <summary>
/// <c>danvan extract --in articles.jsonl --out facts.jsonl</c>: documents, model counts and officials per article,
/// through the library's pipeline. Reads article records (the output of <c>danvan parse</c>/<c>crawl</c>) and plain
/// cases <c>{"id", "text"}</c>; the facts' offsets point into the article's text (title, lead, body joined by a blank line).
/// </summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var inOption = CliOptions.File("--in", "Articles as JSON lines: the output of 'danvan parse' or 'danvan crawl', or {\"id\", \"text\"} cases; - for standard input.", required: true);
        var outOption = CliOptions.File("--out", "The facts as JSON lines; - or absent: standard output.");
        var strictOption = CliOptions.Strict();
        var command = new Command("extract", "Extract document references, \"mô hình\" counts and officials from articles.");
        command.Options.Add(inOption);
        command.Options.Add(outOption);
        command.Options.Add(strictOption);
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetValue(inOption)!, parseResult.GetValue(outOption), parseResult.GetValue(strictOption), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo input, FileInfo? output, bool strict, CancellationToken cancellationToken)
    {
        if (!OutputGuard.InputExists(input) || !OutputGuard.Allows(output, input))
        {
            return ExitCodes.Usage;
        }

        var problems = new InputProblems(strict);
        try
        {
            await using JsonLinesWriter writer = JsonLinesWriter.Create(output is null ? JsonLines.StandardStream : CliOptions.PathOf(output));
            IAsyncEnumerable<ArticleRecord> records = ArticleRecordReader.ReadAsync(CliOptions.PathOf(input), problems.ReadOptions, cancellationToken);
            await new ArticlePipeline().RunAsync(records, [new ExtractedFactsSink(writer)], cancellationToken: cancellationToken);
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
}
