using System.Text.Json;
using DanVan.Analytics.Search.Indexing;

namespace DanVan.Analytics.Search.Tests.Fixtures;

/// <summary>Writes 'danvan parse'-shaped JSONL input for the real <c>danvan index</c>: the test corpus, repeated under distinct URLs.</summary>
internal static class ArticleLines
{
    /// <summary>Writes <paramref name="count"/> articles with ids a0.. and URLs <c>https://{host}/{n}</c>.</summary>
    public static void Write(string path, int count, string host = "crash.danvan.test")
    {
        IReadOnlyList<ArticleDocument> corpus = TestCorpus.All;
        using var writer = new StreamWriter(path);
        for (int n = 0; n < count; n++)
        {
            ArticleDocument source = corpus[n % corpus.Count];
            writer.WriteLine(JsonSerializer.Serialize(new
            {
                id = $"a{n}",
                url = $"https://{host}/{n}",
                title = source.Title + " dân vận",
                published = source.Published,
                authors = Array.Empty<string>(),
                lead = "",
                body = source.Body,
            }));
        }
    }
}
