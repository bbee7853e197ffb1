using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Querying;
using DanVan.Cli.Commands;

namespace DanVan.Cli;

/// <summary>
/// The search part of <c>danvan demo</c>: queries with and without diacritics, a phrase, filters and facets
/// over the demo's index.
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

    /// <summary>Runs the demo's queries over <paramref name="index"/> and writes what they find to <paramref name="output"/>.</summary>
    public static void Run(ArticleIndex index, TextWriter output)
    {
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
