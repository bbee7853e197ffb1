using System.Globalization;
using System.Text.Json;
using DanVan.Analytics.Search.Indexing;

namespace DanVan.Analytics.Search.Tests.Fixtures;

/// <summary>
/// The test corpus: the five seed articles and the 120 labelled excerpts as <see cref="ArticleDocument"/>s
/// (first line = title). The seeds' facts are written by hand from reading the texts.
/// </summary>
internal static class TestCorpus
{
    // Facts read by hand from corpus/seeds (grep the names and codes to check).
    private static readonly Dictionary<string, ArticleFacts> s_seedFacts = new(StringComparer.Ordinal)
    {
        ["000_71b46650ef2c0e7b.txt"] = new(["25-NQ/TW"], ["Hoàng Trung Hải", "Nguyễn Văn Hùng", "Điểu K’ré"], []),
        ["001_520578ac9f119650.txt"] = new(["25-NQ/TW", "218-QĐ/TW", "92-KH/QU"], [], []),
        ["002_629f769f07b4a858.txt"] = new([], ["Nguyễn Doãn Toản"], []),
        ["003_6cd86a75bd02b5bb.txt"] = new(["33-NQ/TU"], [], []),
        ["004_6a42a9c06acc8c6d.txt"] = new([], ["Nguyễn Doãn Toản"], []),
    };

    /// <summary>Every article of the test corpus.</summary>
    public static IReadOnlyList<ArticleDocument> All { get; } = Seeds().Concat(Labeled()).ToList();

    /// <summary>The seed articles with their hand-written facts.</summary>
    public static IEnumerable<ArticleDocument> Seeds() =>
        RepositoryPaths.SeedTexts().Select(seed =>
        {
            (string title, string body) = SplitTitle(seed.Text);
            return new ArticleDocument
            {
                Id = seed.Name,
                Url = $"https://seeds.danvan.test/{seed.Name}",
                Title = title,
                Body = body,
            }.WithFacts(s_seedFacts[seed.Name]);
        });

    /// <summary>The labelled excerpts; " date YYYY-MM[-DD] " prefixes become the publication date.</summary>
    public static IEnumerable<ArticleDocument> Labeled()
    {
        foreach (string line in File.ReadLines(Path.Combine(RepositoryPaths.Shared, "corpus", "labeled.jsonl")))
        {
            using var json = JsonDocument.Parse(line);
            string text = json.RootElement.GetProperty("text").GetString()!;
            DateTimeOffset? published = TakeDate(ref text);
            (string title, string body) = SplitTitle(text);
            yield return new ArticleDocument
            {
                Id = json.RootElement.GetProperty("id").GetString()!,
                Url = json.RootElement.GetProperty("url").GetString()!,
                Title = title,
                Body = body,
                Published = published,
            };
        }
    }

    private static DateTimeOffset? TakeDate(ref string text)
    {
        const string Prefix = " date ";
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        int end = text.IndexOf(' ', Prefix.Length);
        string date = text[Prefix.Length..end];
        text = text[(end + 1)..];
        string[] parts = date.Split('-');
        return new DateTimeOffset(
            int.Parse(parts[0], CultureInfo.InvariantCulture),
            int.Parse(parts[1], CultureInfo.InvariantCulture),
            parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 1,
            0, 0, 0, TimeSpan.FromHours(7));
    }

    private static (string Title, string Body) SplitTitle(string text)
    {
        string trimmed = text.TrimStart();
        int newline = trimmed.IndexOf('\n');
        return newline < 0 ? (trimmed.Trim(), "") : (trimmed[..newline].Trim(), trimmed[(newline + 1)..]);
    }
}
