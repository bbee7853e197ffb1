using System.CommandLine;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Classification;
using DanVan.Analytics.Learning;
using DanVan.Analytics.Pipeline;
using DanVan.Analytics.Search.Indexing;
using DanVan.Cli.CommandLine;

namespace DanVan.Cli.Commands;

/// <summary>
/// <c>danvan index --in articles.jsonl --index DIR [--classify | --model relevance.zip --topic-model topic.zip]</c>: runs the
/// library's <see cref="ArticlePipeline"/> (the composition demo and crawl use) over the articles read with the core's
/// <see cref="ArticleRecordReader"/> (the one bad-line policy) into an <see cref="ArticleIndexSink"/>: the pipeline extracts
/// the facts, the sink maps each article by <see cref="ArticleDocuments.ToDocument"/> and commits, and, when asked, the
/// index's classifier finds relevance and topic.
/// </summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var inOption = CliOptions.File("--in", "The articles as JSON lines (the output of 'danvan parse' or 'danvan crawl'); - for standard input.", required: true);
        var indexOption = CliOptions.Directory("--index", "The index directory (created when absent).", required: true);
        var commitEveryOption = CliOptions.WholeNumber("--commit-every", "Commit after this many articles, so that a crash loses at most that many (0: commit at the end only).", 10_000);
        var forceOption = new Option<bool>("--force")
        {
            Description = "Use an --index folder that holds other files and no index (Lucene may delete files named like its own, such as _config.yml).",
        };
        var strictOption = CliOptions.Strict();
        var command = new Command("index", "Index parsed articles for 'danvan search'. Exit code 1 also when the index cannot be written (locked, damaged, not an index, disk full).");
        command.Options.Add(inOption);
        command.Options.Add(indexOption);
        command.Options.Add(commitEveryOption);
        command.Options.Add(forceOption);
        command.Options.Add(strictOption);
        var (classifyOption, modelOption, topicModelOption) = ClassifierOptions.AddIndexOptions(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            IArticleClassifier? classifier;
            try
            {
                classifier = ClassifierOptions.IndexClassifier(parseResult.GetValue(classifyOption), parseResult.GetValue(modelOption), parseResult.GetValue(topicModelOption));
            }
            catch (Exception e) when (e is ModelFormatException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: the model could not be loaded: {e.Message}");
                return Task.FromResult(ExitCodes.Usage);
            }

            return RunAsync(
                parseResult.GetValue(inOption)!,
                parseResult.GetValue(indexOption)!,
                parseResult.GetValue(commitEveryOption),
                new ArticleIndexOptions { Classifier = classifier, AllowForeignFiles = parseResult.GetValue(forceOption) },
                new InputProblems(parseResult.GetValue(strictOption)),
                cancellationToken);
        });
        return command;
    }

    /// <summary>Indexes <paramref name="input"/> into <paramref name="index"/>, opened with <paramref name="options"/>; the pipeline finds the facts.</summary>
    private static async Task<int> RunAsync(FileInfo input, DirectoryInfo index, int commitEvery, ArticleIndexOptions options, InputProblems problems, CancellationToken cancellationToken)
    {
        if (!OutputGuard.InputExists(input))
        {
            return ExitCodes.Usage;
        }

        if (!CliOptions.IsStandardStream(input) && FileIdentity.IsInside(input.FullName, index.FullName))
        {
            Console.Error.WriteLine($"error: the input {input} lies inside the index directory {index}, whose files the index manages. Move it out first.");
            return ExitCodes.Usage;
        }

        try
        {
            using ArticleIndex articleIndex = ArticleIndex.OpenOrCreate(index.FullName, options);
            var sink = new ArticleIndexSink(articleIndex, commitEvery);
            await using Stream stream = JsonLines.OpenRead(CliOptions.PathOf(input));
            // The share of the input read so far gives the remaining time (none for standard input).
            Func<ArticlePipelineProgress, (double, double?)>? position = stream.CanSeek ? _ => (stream.Position, stream.Length) : null;
            ArticlePipelineSummary summary = await ProgressDisplay.RunAsync("index", async display =>
            {
                problems.Display = display;
                var progress = new PipelineProgress(display, "indexed", position) { Details = () => $"{sink.Committed:N0} committed", FinishesItself = true };
                ArticlePipelineSummary result = await new ArticlePipeline(new ArticlePipelineOptions { ProgressInterval = ProgressDisplay.UpdateInterval }).RunAsync(
                    ArticleRecordReader.ReadAsync(stream, CliOptions.PathOf(input), problems.ReadOptions, cancellationToken),
                    [sink],
                    progress,
                    cancellationToken);
                // The pipeline's last report comes before the sink's last commit: the display ends after it.
                progress.Finish(result);
                problems.Display = null;
                return result;
            });
            Console.Error.WriteLine($"index: {articleIndex.Count} articles in {articleIndex.Path}{(problems.Skipped > 0 ? $" ({problems.Skipped} lines skipped)" : "")}");
            return problems.ExitCode;
        }
        catch (BadLineException)
        {
            return ExitCodes.Failure;
        }
        catch (ArticleIndexException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: reading '{input}' failed: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
