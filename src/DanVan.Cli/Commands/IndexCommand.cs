using System.CommandLine;
using System.Diagnostics;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Search.Indexing;

namespace DanVan.Cli.Commands;

/// <summary><c>danvan index --in articles.jsonl --index DIR</c>: indexes parsed articles, extracting facts on the way.</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var inOption = new Option<FileInfo>("--in") { Description = "The articles, one JSON object a line (the output of 'danvan parse').", Required = true };
        var indexOption = new Option<DirectoryInfo>("--index") { Description = "The index directory (created when absent).", Required = true };
        var commitEveryOption = new Option<int>("--commit-every")
        {
            Description = "Commit after this many articles, so that a crash loses at most that many (0: commit at the end only).",
            DefaultValueFactory = _ => 10_000,
        };
        var command = new Command("index", "Index parsed articles for 'danvan search'.");
        command.Options.Add(inOption);
        command.Options.Add(indexOption);
        command.Options.Add(commitEveryOption);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(inOption)!,
            parseResult.GetValue(indexOption)!,
            parseResult.GetValue(commitEveryOption),
            new ExtractedArticleFacts(),
            cancellationToken));
        return command;
    }

    /// <summary>Indexes <paramref name="input"/> into <paramref name="index"/>; facts come from <paramref name="facts"/>.</summary>
    internal static async Task<int> RunAsync(FileInfo input, DirectoryInfo index, int commitEvery, IArticleFactsProvider facts, CancellationToken cancellationToken)
    {
        if (!input.Exists)
        {
            Console.Error.WriteLine($"error: the input file '{input.FullName}' does not exist.");
            return 2;
        }

        if (commitEvery < 0)
        {
            Console.Error.WriteLine("error: --commit-every must be 0 or more.");
            return 2;
        }

        try
        {
            using ArticleIndex articleIndex = ArticleIndex.OpenOrCreate(index.FullName);
            var progress = new Progress();
            int skipped = 0;
            var readOptions = new JsonLinesReadOptions
            {
                OnBadLine = bad =>
                {
                    skipped++;
                    Console.Error.WriteLine(ArticleRecordJson.Serialize(bad));
                },
            };
            await foreach (ArticleRecord record in ArticleRecordReader.ReadAsync(input.FullName, readOptions, cancellationToken))
            {
                ArticleDocument article = record.ToDocument();
                articleIndex.AddOrUpdate(article.WithFacts(facts.GetFacts(article)));
                progress.Count++;
                if (commitEvery > 0 && progress.Count % commitEvery == 0)
                {
                    articleIndex.Commit();
                }

                progress.Report(final: false);
            }

            articleIndex.Commit();
            progress.Report(final: true);
            Console.Error.WriteLine($"index: {articleIndex.Count} articles in {articleIndex.Path}{(skipped > 0 ? $" ({skipped} lines skipped)" : "")}");
            return skipped > 0 ? 3 : 0;
        }
        catch (ArticleIndexException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 3;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"error: reading '{input.FullName}' failed: {e.Message}");
            return 2;
        }
    }

    /// <summary>Count and rate on stderr, at most about once a second.</summary>
    private sealed class Progress
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _lastReport;

        public int Count { get; set; }

        public void Report(bool final)
        {
            long now = _clock.ElapsedMilliseconds;
            if (!final && now - _lastReport < 1000)
            {
                return;
            }

            _lastReport = now;
            double rate = Count / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
            Console.Error.Write($"\rindexed {Count:N0} articles ({rate:N0}/s){(final ? Environment.NewLine : "")}");
        }
    }
}
