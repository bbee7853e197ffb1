using System.CommandLine;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Datasets.Tables;
using DanVan.Analytics.Evaluation;
using DanVan.Analytics.Learning;
using DanVan.Analytics.Learning.Tagging;
using DanVan.Analytics.Pipeline;
using DanVan.Cli.CommandLine;

namespace DanVan.Cli.Commands;

/// <summary>
/// <c>danvan extract --in articles.jsonl --out facts.jsonl [--format jsonl|csv]</c>: documents, model counts and officials per article,
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
        var formatOption = CliOptions.OneOf("--format", "jsonl (one object per article, the gold schema's shape) or csv (one row per fact: article_id, fact, value, type, surface, start, length, sentence).", FactsFormat.Jsonl);
        var taggerOption = CliOptions.File("--tagger", "A name tagger from 'danvan train tagger': its names the rules missed are added to the officials when a title or honorific stands with them.");
        var command = new Command("extract", "Extract document references, \"mô hình\" counts and officials from articles.");
        command.Options.Add(inOption);
        command.Options.Add(outOption);
        command.Options.Add(strictOption);
        command.Options.Add(formatOption);
        command.Options.Add(taggerOption);
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetValue(inOption)!, parseResult.GetValue(outOption), parseResult.GetValue(strictOption), parseResult.GetValue(formatOption), parseResult.GetValue(taggerOption), cancellationToken));
        return command;
    }

    /// <summary>The output formats of <c>extract</c>.</summary>
    internal enum FactsFormat
    {
        /// <summary>JSON lines, one object per article.</summary>
        Jsonl,

        /// <summary>CSV, one row per fact.</summary>
        Csv,
    }

    private static async Task<int> RunAsync(FileInfo input, FileInfo? output, bool strict, FactsFormat format, FileInfo? taggerFile, CancellationToken cancellationToken)
    {
        if (!OutputGuard.InputExists(input) || !OutputGuard.Allows(output, input) || (taggerFile is not null && !OutputGuard.InputExists(taggerFile)))
        {
            return ExitCodes.Usage;
        }

        NameTagger? tagger;
        try
        {
            tagger = taggerFile is null ? null : NameTagger.Load(CliOptions.PathOf(taggerFile));
        }
        catch (ModelFormatException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Usage;
        }

        var problems = new InputProblems(strict);
        try
        {
            IAsyncEnumerable<ArticleRecord> records = ArticleRecordReader.ReadAsync(CliOptions.PathOf(input), problems.ReadOptions, cancellationToken);
            string outputPath = output is null ? JsonLines.StandardStream : CliOptions.PathOf(output);
            // The tagger, when given, adds its names before the facts are written, in either format.
            IArticleSink Tagged(IArticleSink sink) => tagger is null ? sink : new TaggedOfficialsSink(sink, tagger);
            if (format == FactsFormat.Csv)
            {
                await using CsvTable table = CsvTable.Create(JsonLines.OpenWrite(outputPath), FactsCsvSink.Columns, leaveOpen: false);
                await new ArticlePipeline().RunAsync(records, [Tagged(new FactsCsvSink(table))], cancellationToken: cancellationToken);
                return problems.ExitCode;
            }

            await using JsonLinesWriter writer = JsonLinesWriter.Create(outputPath);
            await new ArticlePipeline().RunAsync(records, [Tagged(new ExtractedFactsSink(writer))], cancellationToken: cancellationToken);
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
