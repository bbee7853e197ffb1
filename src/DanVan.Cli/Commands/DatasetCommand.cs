using System.CommandLine;
using System.Reflection;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Datasets;
using DanVan.Analytics.Datasets.Sources;
using DanVan.Analytics.Datasets.Splits;
using DanVan.Analytics.Datasets.Tables;
using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Querying;
using DanVan.Cli.CommandLine;

namespace DanVan.Cli.Commands;

/// <summary>
/// <c>danvan dataset --in FILE.jsonl --out DIR</c> (or <c>--index DIR --query "…"</c>: the articles a search returns): fact tables, a token-level training set, splits, a card and a manifest.
/// Exit codes: 0 done; 1 an I/O error; 2 bad arguments or a non-empty output folder; 3 done, but input lines were
/// skipped (each reported on standard error as <c>{"file","line","reason"}</c>); with <c>--strict</c> the first bad line
/// stops the run with 3 and nothing is written.
/// </summary>
internal static class DatasetCommand
{
    public static Command Create()
    {
        var inOption = new Option<FileInfo[]>("--in") { Description = "Article JSONL (from 'danvan parse' or 'danvan crawl') or plain cases {\"id\",\"text\"}; repeatable.", AllowMultipleArgumentsPerToken = false };
        var goldOption = new Option<FileInfo[]>("--gold") { Description = "Gold-schema JSONL whose hand-made annotations are exported instead of the extractor's; repeatable." };
        var warcOption = new Option<FileInfo[]>("--warc") { Description = "WARC files (.warc or .warc.gz) whose HTML responses are parsed into articles; repeatable." };
        var indexOption = new Option<DirectoryInfo?>("--index") { Description = "An index ('danvan index') whose articles matching --query are exported.", HelpName = "DIR" };
        var queryOption = new Option<string?>("--query") { Description = "With --index: the search whose articles are exported, in the syntax of 'danvan search' (default: every article).", HelpName = "QUERY" };
        var outOption = new Option<DirectoryInfo>("--out") { Description = "The dataset folder (created; must be empty unless --force).", Required = true };
        var formatOption = new Option<string>("--format") { Description = "Formats of the tables: jsonl,csv,parquet (any of them).", DefaultValueFactory = _ => "jsonl,csv,parquet" };
        var splitOption = new Option<string>("--split") { Description = "Train/dev/test shares in percent.", DefaultValueFactory = _ => "80/10/10" };
        var splitByOption = new Option<string>("--split-by") { Description = "Keep together in one split: site, month or none.", DefaultValueFactory = _ => "site" };
        var seedOption = new Option<long>("--seed") { Description = "The seed of the splits.", DefaultValueFactory = _ => 42 };
        var dedupeOption = new Option<bool>("--dedupe") { Description = "Drop near duplicates (default: keep them in the split of the article they repeat)." };
        var thresholdOption = new Option<double>("--duplicate-threshold") { Description = "Least estimated Jaccard similarity (word 5-shingles) of a near duplicate.", DefaultValueFactory = _ => 0.7 };
        var spansOption = new Option<bool>("--spans") { Description = "Also write ner/spans.jsonl for annotation tools (Prodigy, doccano)." };
        var bomOption = new Option<bool>("--csv-bom") { Description = "Start CSV files with a UTF-8 byte-order mark (for Excel)." };
        var shardOption = new Option<string?>("--shard") { Description = "Process only shard K of N (K/N, 1-based): the articles whose id hashes to it." };
        var strictOption = new Option<bool>("--strict") { Description = "Stop at the first bad input line." };
        var forceOption = new Option<bool>("--force") { Description = "Write into a non-empty output folder." };

        var command = new Command("dataset", "Make an extraction dataset: fact tables (JSONL, CSV, Parquet), an IOB2 token set (CoNLL, JSONL), splits, a card.");
        foreach (Option o in (Option[])[inOption, goldOption, warcOption, indexOption, queryOption, outOption, formatOption, splitOption, splitByOption, seedOption, dedupeOption, thresholdOption, spansOption, bomOption, shardOption, strictOption, forceOption])
        {
            command.Options.Add(o);
        }

        command.Subcommands.Add(DatasetMergeCommand.Create());
        command.SetAction((parseResult, cancellationToken) =>
        {
            DatasetOptions options;
            try
            {
                (int train, int dev, int test) = SplitPlan.ParseRatios(parseResult.GetValue(splitOption)!);
                SplitGrouping grouping = SplitPlan.ParseGrouping(parseResult.GetValue(splitByOption)!);
                double threshold = parseResult.GetValue(thresholdOption);
                if (threshold is <= 0 or > 1)
                {
                    throw new FormatException("--duplicate-threshold must be above 0 and at most 1.");
                }

                options = new DatasetOptions
                {
                    Formats = TableFormatNames.Parse(parseResult.GetValue(formatOption)!),
                    Split = new SplitPlan(train, dev, test, grouping, parseResult.GetValue(seedOption)),
                    Dedupe = parseResult.GetValue(dedupeOption),
                    DuplicateThreshold = threshold,
                    Spans = parseResult.GetValue(spansOption),
                    CsvByteOrderMark = parseResult.GetValue(bomOption),
                    Shard = ParseShard(parseResult.GetValue(shardOption)),
                    Force = parseResult.GetValue(forceOption),
                    CommandLine = "danvan " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(Quote)),
                    ToolVersion = ToolVersion,
                };
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return Task.FromResult(2);
            }

            var sources = new Sources(
                parseResult.GetValue(inOption) ?? [],
                parseResult.GetValue(goldOption) ?? [],
                parseResult.GetValue(warcOption) ?? [],
                parseResult.GetValue(strictOption))
            {
                Index = parseResult.GetValue(indexOption),
                Query = parseResult.GetValue(queryOption),
            };
            return RunAsync(sources, parseResult.GetValue(outOption)!, options, cancellationToken);
        });
        return command;
    }

    /// <summary>The version of the tool, as the manifest records it.</summary>
    internal static string ToolVersion { get; } =
        typeof(DatasetCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    private sealed class Sources(FileInfo[] articles, FileInfo[] gold, FileInfo[] warc, bool strict)
    {
        public FileInfo[] Articles { get; } = articles;

        public FileInfo[] Gold { get; } = gold;

        public FileInfo[] Warc { get; } = warc;

        public DirectoryInfo? Index { get; init; }

        public string? Query { get; init; }

        /// <summary>The index, open for reading while the dataset is written.</summary>
        public ArticleIndex? OpenIndex { get; set; }

        public int BadLines { get; private set; }

        // The common policy: each bad line on stderr as {"file","line","reason"}; --strict stops at the first.
        public JsonLinesReadOptions ReadOptions => new()
        {
            Strict = strict,
            OnBadLine = line =>
            {
                BadLines++;
                Console.Error.WriteLine(ArticleRecordJson.Serialize(line));
            },
        };
    }

    private static async Task<int> RunAsync(Sources sources, DirectoryInfo output, DatasetOptions options, CancellationToken cancellationToken)
    {
        FileInfo[] all = [.. sources.Articles, .. sources.Gold, .. sources.Warc];
        if (all.Length == 0 && sources.Index is null)
        {
            Console.Error.WriteLine("error: give at least one --in, --gold or --warc file, or an --index.");
            return ExitCodes.Usage;
        }

        if (sources.Query is not null && sources.Index is null)
        {
            Console.Error.WriteLine("error: --query needs --index DIR.");
            return ExitCodes.Usage;
        }

        if (all.FirstOrDefault(f => !f.Exists) is FileInfo missing)
        {
            Console.Error.WriteLine($"error: the input file {missing.FullName} does not exist.");
            return ExitCodes.Usage;
        }

        try
        {
            var inputs = new List<DatasetInput>();
            foreach ((FileInfo[] files, string kind) in (IEnumerable<(FileInfo[], string)>)[(sources.Articles, "articles"), (sources.Gold, "gold"), (sources.Warc, "warc")])
            {
                foreach (FileInfo f in files)
                {
                    inputs.Add(new DatasetInput(f.ToString(), await Sha256Async(f.FullName, cancellationToken), kind));
                }
            }

            if (sources.Index is { } indexFolder)
            {
                sources.OpenIndex = ArticleIndex.OpenReadOnly(indexFolder.FullName);
                inputs.Add(new DatasetInput(indexFolder.ToString(), await IndexCommitSha256Async(indexFolder, cancellationToken), "index"));
            }

            var writer = new DatasetWriter(options with { Inputs = inputs });
            writer.CheckOutputDirectory(output.FullName);
            // A batch job on few cores: blocking collections instead of background ones, which compete with the
            // writer's threads for the cores (benchmarks/README.md, Datasets).
            GCLatencyMode latency = GCSettings.LatencyMode;
            GCSettings.LatencyMode = GCLatencyMode.Batch;
            DatasetSummary summary;
            try
            {
                summary = await writer.WriteAsync(ReadAll(sources, cancellationToken), output.FullName, cancellationToken: cancellationToken);
            }
            finally
            {
                GCSettings.LatencyMode = latency;
            }

            Console.Error.WriteLine(
                $"dataset: {summary.Articles} articles ({string.Join(", ", summary.Splits.Select(s => $"{s.Key} {s.Value.Articles}"))}), " +
                $"{summary.Duplicates} near duplicates{(options.Dedupe ? $" ({summary.DuplicatesDropped} dropped)" : "")}, " +
                $"{sources.BadLines} bad lines skipped -> {output.FullName}");
            return sources.BadLines > 0 ? ExitCodes.Skipped : ExitCodes.Success;
        }
        catch (BadLineException e)
        {
            Console.Error.WriteLine($"error: stopped at a bad line (--strict): {e.Message}");
            return ExitCodes.Skipped;
        }
        catch (DatasetOutputException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (QuerySyntaxException e)
        {
            Console.Error.WriteLine($"error: --query, at position {e.Position + 1}: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (ArticleIndexException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        finally
        {
            sources.OpenIndex?.Dispose();
        }
    }

    private static async IAsyncEnumerable<DatasetArticle> ReadAll(Sources sources, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        JsonLinesReadOptions options = sources.ReadOptions;
        foreach (FileInfo file in sources.Articles)
        {
            await foreach (DatasetArticle a in DatasetArticle.ReadAsync(file.FullName, options, cancellationToken))
            {
                yield return a;
            }
        }

        foreach (FileInfo file in sources.Gold)
        {
            await foreach (DatasetArticle a in GoldAnnotations.ReadAsync(file.FullName, options, cancellationToken))
            {
                yield return a;
            }
        }

        foreach (FileInfo file in sources.Warc)
        {
            foreach (DatasetArticle a in WarcArticleSource.Read(file.FullName, options, cancellationToken))
            {
                yield return a;
            }
        }

        if (sources.OpenIndex is { } index)
        {
            string name = sources.Index!.Name;
            foreach (ArticleDocument article in index.ReadArticles(sources.Query, cancellationToken))
            {
                yield return DatasetArticle.From(article.ToRecord(), name);
            }
        }
    }

    // An index is many files that merges rewrite; its last commit point (segments_N, which lists every segment with its
    // checksum) names the state that was read.
    private static async Task<string> IndexCommitSha256Async(DirectoryInfo index, CancellationToken cancellationToken)
    {
        FileInfo? commit = index.Exists
            ? index.GetFiles("segments_*").OrderBy(f => f.Name.Length).ThenBy(f => f.Name, StringComparer.Ordinal).LastOrDefault() // N in base 36
            : null;
        return commit is null ? "" : await Sha256Async(commit.FullName, cancellationToken);
    }

    private static (int K, int N)? ParseShard(string? value)
    {
        if (value is null)
        {
            return null;
        }

        string[] parts = value.Split('/');
        return parts.Length == 2 && int.TryParse(parts[0], out int k) && int.TryParse(parts[1], out int n) && n >= 1 && k >= 1 && k <= n
            ? (k, n)
            : throw new FormatException($"--shard {value}: expected K/N with 1 <= K <= N.");
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static string Quote(string arg) => arg.Length > 0 && !arg.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') ? arg : "\"" + arg.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
