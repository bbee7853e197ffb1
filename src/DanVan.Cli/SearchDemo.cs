using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Querying;
using DanVan.Cli.Commands;

namespace DanVan.Cli;

/// <summary>
/// The search part of <c>danvan demo</c>: indexes the given articles in a temporary folder and shows
/// queries with and without diacritics, a phrase, filters and facets.
/// </summary>
internal static class SearchDemo
{
    /// <summary>The queries the demo runs, each with what it shows.</summary>
    public static IReadOnlyList<(string Query, string Shows)> Queries { get; } =
    [
        ("dân vận khéo", "with diacritics"),
        ("dan van kheo", "the same query typed without diacritics"),
        ("\"Mặt trận Tổ quốc\"", "a phrase"),
        ("dân vận -khéo", "an exclusion"),
        ("doc:25-NQ/TƯ", "a document, written the way the press writes it"),
        ("official:\"Nguyen Doan Toan\"", "an official, typed without diacritics"),
        ("dân vận from:2025", "a date filter"),
    ];

    /// <summary>Runs the demo over <paramref name="articles"/> and writes what it finds to <paramref name="output"/>.</summary>
    public static void Run(IReadOnlyList<ArticleDocument> articles, TextWriter output)
    {
        string folder = Path.Combine(Path.GetTempPath(), "danvan-demo-index-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (ArticleIndex index = ArticleIndex.OpenOrCreate(folder))
            {
                foreach (ArticleDocument article in articles)
                {
                    index.AddOrUpdate(article);
                }

                index.Commit();
                output.WriteLine($"search: indexed {index.Count} articles in a temporary index");
                foreach ((string query, string shows) in Queries)
                {
                    var request = new SearchRequest(query) { Top = 3, SnippetLength = 140, IncludeFacets = true, FacetTop = 3 };
                    output.WriteLine();
                    output.WriteLine($"> {query}    ({shows})");
                    SearchCommand.Print(index.Search(request), request, output);
                }
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
