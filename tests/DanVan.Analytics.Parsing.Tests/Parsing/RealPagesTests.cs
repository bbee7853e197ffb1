using System.IO.Compression;
using System.Text.Json;

namespace DanVan.Analytics.Parsing.Tests.Parsing;

/// <summary>The two real vnexpress pages of the shared data set, checked against shared/html/expected.jsonl.</summary>
public sealed class RealPagesTests
{
    public static TheoryData<string> Files() => ["vnexpress-4672302.html", "vnexpress-4954454.html.gz"];

    internal static (Article Article, JsonElement Expected) Load(string file)
    {
        string path = Path.Combine(ParsingPaths.SharedHtml, file);
        JsonElement expected = File.ReadLines(Path.Combine(ParsingPaths.SharedHtml, "expected.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Single(e => e.GetProperty("file").GetString() == file);
        using FileStream stream = File.OpenRead(path);
        Article article = new ArticleParser().Parse(stream, new Uri(expected.GetProperty("url").GetString()!));
        return (article, expected);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Parse_RealPage_TitlePublishedAuthorsAndLeadAreExact(string file)
    {
        var (article, expected) = Load(file);
        Assert.Equal(expected.GetProperty("title").GetString(), article.Title);
        Assert.Equal(DateTimeOffset.Parse(expected.GetProperty("published").GetString()!, System.Globalization.CultureInfo.InvariantCulture), article.Published);
        Assert.Equal(expected.GetProperty("published").GetString(), article.Published!.Value.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.GetProperty("authors").EnumerateArray().Select(a => a.GetString()), article.Authors);
        Assert.Equal(expected.GetProperty("lead").GetString(), article.Lead);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Parse_RealPage_BodyIsAsExpectedAndFreeOfBoilerplate(string file)
    {
        var (article, expected) = Load(file);
        if (expected.TryGetProperty("body_paragraphs", out JsonElement paragraphs))
        {
            // This ground truth counts captions in the body, in page order.
            Assert.Equal(paragraphs.EnumerateArray().Select(p => p.GetString()), InPageOrder(article));
        }
        else
        {
            Assert.Equal(expected.GetProperty("body_first").GetString(), article.Paragraphs[0]);
            Assert.StartsWith(expected.GetProperty("body_last_starts").GetString()!, article.Paragraphs[^1], StringComparison.Ordinal);
        }

        foreach (JsonElement banned in expected.TryGetProperty("body_must_not_contain", out JsonElement list) ? list.EnumerateArray() : default)
        {
            Assert.DoesNotContain(banned.GetString()!, article.Body, StringComparison.Ordinal);
        }
    }

    internal static List<string> InPageOrder(Article article)
    {
        var all = new List<string>();
        int caption = 0;
        for (int i = 0; i <= article.Paragraphs.Count; i++)
        {
            while (caption < article.Captions.Count && article.Captions[caption].ParagraphIndex == i)
            {
                all.Add(article.Captions[caption++].Text);
            }

            if (i < article.Paragraphs.Count)
            {
                all.Add(article.Paragraphs[i]);
            }
        }

        return all;
    }
}
