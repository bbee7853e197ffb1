using System.CommandLine;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Pipeline;
using DanVan.Analytics.Search.Indexing;
using DanVan.Cli.CommandLine;

namespace DanVan.Cli.Commands;

/// <summary><c>danvan index --in articles.jsonl --index DIR</c>: indexes articles through the library's pipeline, extracting facts on the way.</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var inOption = CliOptions.File("--in", "The articles as JSON lines (the output of 'danvan parse' or 'danvan crawl'); - for standard input.", required: true);
        var indexOption = CliOptions.Directory("--index", "The index directory (created when absent).", required: true);
        var commitEveryOption = CliOptions.WholeNumber("--commit-every", "Commit after this many articles, so that a crash loses at most that many (0: commit at the end only).", 10_000);
        var strictOption = CliOptions.Strict();
        var command = new Command("index", "Index parsed articles for 'danvan search'.");
        command.Options.Add(inOption);
        command.Options.Add(indexOption);
        command.Options.Add(commitEveryOption);
        command.Options.Add(strictOption);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(inOption)!,
            parseResult.GetValue(indexOption)!,
            parseResult.GetValue(commitEveryOption),
            parseResult.GetValue(strictOption),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo input, DirectoryInfo index, int commitEvery, bool strict, CancellationToken cancellationToken)
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

        var problems = new InputProblems(strict);
        try
        {
            using ArticleIndex articleIndex = ArticleIndex.OpenOrCreate(index.FullName);
            IAsyncEnumerable<ArticleRecord> records = ArticleRecordReader.ReadAsync(CliOptions.PathOf(input), problems.ReadOptions, cancellationToken);
            await new ArticlePipeline().RunAsync(records, [new ArticleIndexSink(articleIndex, commitEvery)], new PipelineProgressLine("indexed"), cancellationToken);
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
