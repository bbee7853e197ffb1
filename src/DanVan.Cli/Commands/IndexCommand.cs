using System.CommandLine;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Classification;
using DanVan.Analytics.Learning;
using DanVan.Analytics.Search.Indexing;

namespace DanVan.Cli.Commands;

/// <summary>
/// <c>danvan index --in articles.jsonl --index DIR [--classify | --model relevance.zip --topic-model topic.zip]</c>: indexes
/// parsed articles, extracting facts on the way and, when asked, classifying them (relevance and topic).
/// </summary>
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
        var forceOption = new Option<bool>("--force")
        {
            Description = "Use an --index folder that holds other files and no index (Lucene may delete files named like its own, such as _config.yml).",
        };
        var command = new Command("index", "Index parsed articles for 'danvan search'. Exit codes: 0 done, 1 the index could not be written (locked, damaged, not an index, disk full), 2 bad arguments or input.");
        command.Options.Add(inOption);
        command.Options.Add(indexOption);
        command.Options.Add(commitEveryOption);
        command.Options.Add(forceOption);
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
                return Task.FromResult(2);
            }

            return RunAsync(
                parseResult.GetValue(inOption)!,
                parseResult.GetValue(indexOption)!,
                parseResult.GetValue(commitEveryOption),
                new ArticleIndexOptions { Facts = new ExtractedArticleFacts(), Classifier = classifier, AllowForeignFiles = parseResult.GetValue(forceOption) },
                cancellationToken);
        });
        return command;
    }

    /// <summary>Indexes <paramref name="input"/> into <paramref name="index"/>, opened with <paramref name="options"/> (its facts provider finds the facts).</summary>
    internal static async Task<int> RunAsync(FileInfo input, DirectoryInfo index, int commitEvery, ArticleIndexOptions options, CancellationToken cancellationToken)
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

        int skipped = 0;
        var readOptions = new JsonLinesReadOptions
        {
            OnBadLine = bad =>
            {
                skipped++;
                Console.Error.WriteLine(ArticleRecordJson.Serialize(bad));
            },
        };
        try
        {
            using ArticleIndex articleIndex = ArticleIndex.OpenOrCreate(index.FullName, options);
            var progress = new Progress();
            IndexRunSummary summary;
            try
            {
                summary = await articleIndex.AddAllAsync(ReadArticles(input, readOptions, cancellationToken), commitEvery, progress, cancellationToken);
            }
            finally
            {
                progress.Finish();
            }

            Console.Error.WriteLine($"index: {summary.Count} articles in {articleIndex.Path}{(skipped > 0 ? $" ({skipped} lines skipped)" : "")}");
            return skipped > 0 ? 3 : 0;
        }
        catch (ArticleIndexException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"error: reading '{input.FullName}' failed: {e.Message}");
            return 2;
        }
    }

    /// <summary>The articles of <paramref name="input"/> as index documents; bad lines go to <paramref name="readOptions"/>.</summary>
    private static async IAsyncEnumerable<ArticleDocument> ReadArticles(FileInfo input, JsonLinesReadOptions readOptions, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (ArticleRecord record in ArticleRecordReader.ReadAsync(input.FullName, readOptions, cancellationToken))
        {
            yield return record.ToDocument();
        }
    }

    /// <summary>Count and rate on stderr: a live line on a terminal (about once a second), a plain line every few seconds when redirected.</summary>
    private sealed class Progress : IProgress<IndexProgress>
    {
        private readonly bool _live = !Console.IsErrorRedirected;
        private TimeSpan? _last;
        private bool _pendingLine;

        /// <summary>Ends the live line, so that what follows starts on its own.</summary>
        public void Finish()
        {
            if (_pendingLine)
            {
                Console.Error.WriteLine();
                _pendingLine = false;
            }
        }

        public void Report(IndexProgress value)
        {
            if (_last is { } last && value.Elapsed - last < TimeSpan.FromSeconds(_live ? 1 : 5))
            {
                return;
            }

            _last = value.Elapsed;
            double rate = value.Added / Math.Max(0.001, value.Elapsed.TotalSeconds);
            string text = $"indexed {value.Added:N0} articles ({rate:N0}/s, {value.Committed:N0} committed)";
            if (_live)
            {
                Console.Error.Write($"\r{text}");
                _pendingLine = true;
            }
            else
            {
                Console.Error.WriteLine(text);
            }
        }
    }
}
