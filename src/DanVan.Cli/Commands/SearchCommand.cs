using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Datasets.Tables;
using DanVan.Analytics.Search.Facets;
using DanVan.Analytics.Search.Highlighting;
using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Querying;
using DanVan.Cli.CommandLine;

namespace DanVan.Cli.Commands;

/// <summary><c>danvan search --index DIR "query"</c>: searches an index built by <c>danvan index</c>.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var indexOption = CliOptions.Directory("--index", "The index directory.", required: true);
        var queryArgument = new Argument<string>("QUERY")
        {
            Description = "Free text (with or without diacritics), \"phrases\", -exclude, doc:25-NQ/TW, official:\"Nguyễn Doãn Toản\", site:baomoi.com, from:2021, to:2024-06, and over an index built with a classifier relevant:yes|no, topic:dan_van_kheo.",
        };
        var topOption = CliOptions.WholeNumber("--top", "The number of hits to show.", 10, min: 1, max: SearchRequest.MaxTop);
        var pageOption = CliOptions.WholeNumber("--page", "The page of hits to show, from 1.", 1, min: 1);
        var sortOption = CliOptions.OneOf("--sort", "relevance, or date (newest first).", SearchSort.Relevance);
        var jsonOption = new Option<bool>("--json") { Description = "Print the results as JSON (snake_case, with a schema_version)." };
        var formatOption = CliOptions.OneOf("--format", "text (for people), json (as --json) or csv (one row per hit: rank, score, id, url, site, title, published, document_codes, officials, relevant, relevance_score, topic, snippet).", ResultsFormat.Text);
        var facetsOption = new Option<bool>("--facets") { Description = "Count the hits by year, site, document, official and (over a classified index) topic." };
        var command = new Command("search", "Search an article index.");
        command.Arguments.Add(queryArgument);
        command.Options.Add(indexOption);
        command.Options.Add(topOption);
        command.Options.Add(pageOption);
        command.Options.Add(sortOption);
        command.Options.Add(jsonOption);
        command.Options.Add(formatOption);
        command.Options.Add(facetsOption);
        command.SetAction(parseResult =>
        {
            int top = parseResult.GetValue(topOption);
            int page = parseResult.GetValue(pageOption);
            var request = new SearchRequest(parseResult.GetValue(queryArgument) ?? "")
            {
                Top = top,
                Skip = (int)Math.Min(int.MaxValue - SearchRequest.MaxTop, (long)(page - 1) * top),
                Sort = parseResult.GetValue(sortOption),
                IncludeFacets = parseResult.GetValue(facetsOption),
            };
            ResultsFormat format = parseResult.GetValue(jsonOption) ? ResultsFormat.Json : parseResult.GetValue(formatOption);
            return Run(parseResult.GetValue(indexOption)!, request, format, Console.Out);
        });
        return command;
    }

    /// <summary>The output formats of <c>search</c>.</summary>
    internal enum ResultsFormat
    {
        /// <summary>For people: a block per hit, then the facets.</summary>
        Text,

        /// <summary>One JSON document (snake_case, with a schema version).</summary>
        Json,

        /// <summary>One CSV row per hit (facets are not part of it).</summary>
        Csv,
    }

    private static readonly string[] CsvColumns =
        ["rank", "score", "id", "url", "site", "title", "published", "document_codes", "officials", "relevant", "relevance_score", "topic", "snippet"];

    internal static int Run(DirectoryInfo index, SearchRequest request, ResultsFormat format, TextWriter output)
    {
        SearchResults results;
        try
        {
            using ArticleIndex articleIndex = ArticleIndex.OpenReadOnly(index.FullName);
            results = articleIndex.Search(request);
        }
        catch (QuerySyntaxException e)
        {
            Console.Error.WriteLine($"error: in the query at position {e.Position + 1}: {e.Message}");
            Console.Error.WriteLine("  " + Excerpt(request.Query, e.Position, out int caret));
            Console.Error.WriteLine("  " + new string(' ', caret) + "^");
            return ExitCodes.Usage;
        }
        catch (ArticleIndexException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }

        if (format == ResultsFormat.Csv)
        {
            WriteCsv(results, request, output);
        }
        else if (format == ResultsFormat.Json)
        {
            // The results with the schema version first, as every JSON output of the product carries it.
            var document = new JsonObject { ["schema_version"] = ArticleRecord.CurrentSchemaVersion };
            foreach ((string name, JsonNode? value) in JsonSerializer.SerializeToNode(results, ReadableJson.SearchResults)!.AsObject().ToList())
            {
                document[name] = value?.DeepClone();
            }

            output.WriteLine(document.ToJsonString(ReadableJson.Options));
        }
        else
        {
            Print(results, request, output);
        }

        return ExitCodes.Success;
    }

    // Vietnamese letters written as they are, not as \u escapes.
    private static readonly SearchJsonContext ReadableJson = new(new JsonSerializerOptions(SearchJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes the results for people: one block a hit, then the facets.</summary>
    internal static void Print(SearchResults results, SearchRequest request, TextWriter output)
    {
        foreach (string notice in results.Notices)
        {
            output.WriteLine($"note: {notice}");
        }

        output.WriteLine($"{results.TotalHits} {(results.TotalHits == 1 ? "article matches" : "articles match")}{(results.Hits.Count > 0 ? $"; showing {request.Skip + 1}-{request.Skip + results.Hits.Count}" : "")}.");
        int rank = request.Skip;
        foreach (SearchHit hit in results.Hits)
        {
            rank++;
            string date = hit.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "----------";
            string score = float.IsNaN(hit.Score) ? "" : $"  score {hit.Score:0.00}";
            output.WriteLine();
            output.WriteLine($"{rank}. {Snippet.MarkSpans(hit.Title, hit.TitleHighlights)}");
            output.WriteLine($"   {date}  {hit.Site}{score}");
            output.WriteLine($"   {hit.Url}");
            if (hit.Relevant is { } relevant)
            {
                string topic = hit.Topic is null ? "" : $"  topic {hit.Topic} ({hit.TopicScore:0.00})";
                output.WriteLine($"   relevant {(relevant ? "yes" : "no")} ({hit.RelevanceScore:0.00}){topic}");
            }

            foreach (Snippet snippet in hit.Snippets)
            {
                output.WriteLine($"   {snippet.Mark()}");
            }
        }

        if (results.Facets is { } facets)
        {
            output.WriteLine();
            PrintFacet(output, "years", facets.Years);
            PrintFacet(output, "sites", facets.Sites);
            PrintFacet(output, "documents", facets.DocumentCodes);
            PrintFacet(output, "officials", facets.Officials);
            if (facets.Topics.Count > 0)
            {
                PrintFacet(output, "topics", facets.Topics);
            }
        }
    }

    /// <summary>Writes one CSV row per hit (the product's CSV dialect, <see cref="CsvTable"/>); notices go to stderr.</summary>
    private static void WriteCsv(SearchResults results, SearchRequest request, TextWriter output)
    {
        foreach (string notice in results.Notices)
        {
            Console.Error.WriteLine($"note: {notice}");
        }

        // At most one page of hits (SearchRequest.MaxTop): written to memory, then to the caller's writer.
        var buffer = new MemoryStream();
        using (CsvTable table = CsvTable.Create(buffer, CsvColumns, leaveOpen: true))
        {
            WriteCsvRows(table, results, request);
        }

        output.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WriteCsvRows(CsvTable table, SearchResults results, SearchRequest request)
    {
        int rank = request.Skip;
        foreach (SearchHit hit in results.Hits)
        {
            table.Field(++rank);
            table.Field(float.IsNaN(hit.Score) ? null : (double?)hit.Score);
            table.Field(hit.Id);
            table.Field(hit.Url);
            table.Field(hit.Site);
            table.Field(hit.Title);
            table.Field(hit.Published?.ToString("O", CultureInfo.InvariantCulture));
            table.Field(hit.DocumentCodes);
            table.Field(hit.Officials);
            table.Field(hit.Relevant is { } relevant ? (relevant ? "true" : "false") : null);
            table.Field(hit.RelevanceScore);
            table.Field(hit.Topic);
            table.Field(string.Join(" … ", hit.Snippets.Select(s => s.Text)));
            table.EndRow();
        }
    }

    private static void PrintFacet(TextWriter output, string name, IReadOnlyList<FacetValue> values)
    {
        output.WriteLine($"{name}: {(values.Count == 0 ? "-" : string.Join(", ", values.Select(v => $"{v.Value} ({v.Count})")))}");
    }

    /// <summary>At most 70 characters of the query around <paramref name="position"/>, with the caret column in it.</summary>
    private static string Excerpt(string query, int position, out int caret)
    {
        const int Radius = 35;
        int start = Math.Max(0, position - Radius);
        int end = Math.Min(query.Length, position + Radius);
        caret = position - start;
        return query[start..end].ReplaceLineEndings(" ");
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(SearchResults))]
internal sealed partial class SearchJsonContext : JsonSerializerContext;
