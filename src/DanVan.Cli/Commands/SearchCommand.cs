using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DanVan.Analytics.Articles;
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
        var facetsOption = new Option<bool>("--facets") { Description = "Count the hits by year, site, document, official and (over a classified index) topic." };
        var command = new Command("search", "Search an article index.");
        command.Arguments.Add(queryArgument);
        command.Options.Add(indexOption);
        command.Options.Add(topOption);
        command.Options.Add(pageOption);
        command.Options.Add(sortOption);
        command.Options.Add(jsonOption);
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
            return Run(parseResult.GetValue(indexOption)!, request, parseResult.GetValue(jsonOption), Console.Out);
        });
        return command;
    }

    internal static int Run(DirectoryInfo index, SearchRequest request, bool json, TextWriter output)
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

        if (json)
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
