using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
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
        var forceOption = new Option<bool>("--force")
        {
            Description = "Use an --index folder that holds other files and no index (Lucene may delete files named like its own, such as _config.yml).",
        };
        var command = new Command("index", "Index parsed articles for 'danvan search'. Exit codes: 0 done, 1 the index could not be written (locked, damaged, not an index, disk full), 2 bad arguments or input.");
        command.Options.Add(inOption);
        command.Options.Add(indexOption);
        command.Options.Add(commitEveryOption);
        command.Options.Add(forceOption);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(inOption)!,
            parseResult.GetValue(indexOption)!,
            parseResult.GetValue(commitEveryOption),
            new ArticleIndexOptions { Facts = new ExtractedArticleFacts(), AllowForeignFiles = parseResult.GetValue(forceOption) },
            cancellationToken));
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

        var skipped = new int[1];
        try
        {
            using ArticleIndex articleIndex = ArticleIndex.OpenOrCreate(index.FullName, options);
            var progress = new Progress();
            IndexRunSummary summary;
            try
            {
                summary = await articleIndex.AddAllAsync(ReadArticles(input, skipped, cancellationToken), commitEvery, progress, cancellationToken);
            }
            finally
            {
                progress.Finish();
            }

            Console.Error.WriteLine($"index: {summary.Count} articles in {articleIndex.Path}{(skipped[0] > 0 ? $" ({skipped[0]} lines skipped)" : "")}");
            return 0;
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

    /// <summary>The articles of <paramref name="input"/>; a bad line is reported on stderr, counted in <paramref name="skipped"/>[0], and skipped.</summary>
    private static async IAsyncEnumerable<ArticleDocument> ReadArticles(FileInfo input, int[] skipped, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int lineNumber = 0;
        using var reader = new StreamReader(input.FullName);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!TryRead(line, out ArticleDocument? article, out string? problem))
            {
                skipped[0]++;
                Console.Error.WriteLine($"warning: line {lineNumber} skipped: {problem}");
                continue;
            }

            yield return article;
        }
    }

    /// <summary>Reads one line of 'danvan parse' output; tolerant of unknown and missing optional fields.</summary>
    internal static bool TryRead(string line, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ArticleDocument? article, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        article = null;
        ParsedArticleLine? dto;
        try
        {
            dto = JsonSerializer.Deserialize(line, IndexJsonContext.Default.ParsedArticleLine);
        }
        catch (JsonException e)
        {
            problem = $"not a JSON article ({e.Message})";
            return false;
        }

        if (dto is null || string.IsNullOrWhiteSpace(dto.Url) || dto.Title is null)
        {
            problem = "an article needs at least \"url\" and \"title\"";
            return false;
        }

        string body = dto.Body ?? string.Join("\n\n", dto.Paragraphs ?? []);
        article = new ArticleDocument
        {
            Id = string.IsNullOrWhiteSpace(dto.Id) ? dto.Url : dto.Id,
            Url = dto.Url,
            CanonicalUrl = dto.CanonicalUrl,
            Site = dto.Site,
            Title = dto.Title,
            Lead = dto.Lead ?? "",
            Body = body,
            Published = DateTimeOffset.TryParse(dto.Published, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset published) ? published : null,
            Authors = dto.Authors ?? [],
        };
        problem = null;
        return true;
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

/// <summary>One line of 'danvan parse' output, as far as indexing needs it.</summary>
internal sealed class ParsedArticleLine
{
    public string? Id { get; set; }

    public string Url { get; set; } = "";

    public string? CanonicalUrl { get; set; }

    public string? Site { get; set; }

    public string? Title { get; set; }

    public string? Published { get; set; }

    public List<string>? Authors { get; set; }

    public string? Lead { get; set; }

    public string? Body { get; set; }

    public List<string>? Paragraphs { get; set; }
}

// The names 'danvan parse' writes (ArticleJson: camelCase); facts are not read, the extractor makes them while indexing.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(ParsedArticleLine))]
internal sealed partial class IndexJsonContext : JsonSerializerContext;
