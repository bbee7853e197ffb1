using System.Globalization;
using System.Text.Json;

namespace DanVan.Analytics.Parsing.Tests.Parsing;

/// <summary>
/// The hand-written pages of corpus/html, each in a different layout of a Vietnamese news site, against the
/// expected parse beside them (<c>NAME.expected.json</c>, written from the seed texts the pages carry).
/// </summary>
public sealed class FixturePagesTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.EnumerateFiles(ParsingPaths.Fixtures, "*.expected.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path)[..^".expected.json".Length]);
        }

        return data;
    }

    internal static (Article Article, JsonElement Expected) Load(string name)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(ParsingPaths.Fixtures, name + ".expected.json")));
        JsonElement expected = document.RootElement.Clone();
        byte[] bytes = File.ReadAllBytes(Path.Combine(ParsingPaths.Fixtures, expected.GetProperty("file").GetString()!));
        string? contentType = expected.TryGetProperty("content_type", out JsonElement ct) && ct.ValueKind == JsonValueKind.String ? ct.GetString() : null;
        Article article = new ArticleParser().Parse(bytes, new Uri(expected.GetProperty("url").GetString()!), contentType);
        return (article, expected);
    }

    [Fact]
    public void Corpus_HasAtLeastSixLayouts()
    {
        Assert.True(Fixtures().Count >= 6);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_Fixture_MetadataIsExact(string name)
    {
        var (article, expected) = Load(name);
        Assert.Equal(expected.GetProperty("title").GetString(), article.Title);
        Assert.Equal(expected.GetProperty("published").GetString(), Format(article.Published));
        Assert.Equal(Strings(expected, "authors"), article.Authors);
        Assert.Equal(NullableString(expected, "lead"), article.Lead);
        Assert.Equal(expected.GetProperty("site").GetString(), article.Site);
        Assert.Equal(expected.GetProperty("language").GetString(), article.Language);
        if (expected.TryGetProperty("section", out _))
        {
            Assert.Equal(NullableString(expected, "section"), article.Section);
        }

        if (expected.TryGetProperty("tags", out _))
        {
            Assert.Equal(Strings(expected, "tags"), article.Tags);
        }

        if (expected.TryGetProperty("updated", out JsonElement updated))
        {
            Assert.Equal(updated.GetString(), Format(article.Updated));
        }

        if (expected.TryGetProperty("canonical", out JsonElement canonical))
        {
            Assert.Equal(canonical.GetString(), article.CanonicalUrl?.AbsoluteUri);
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_Fixture_ParagraphsAndCaptionsAreExact(string name)
    {
        var (article, expected) = Load(name);
        Assert.Equal(Strings(expected, "paragraphs"), article.Paragraphs);
        var captions = expected.GetProperty("captions").EnumerateArray()
            .Select(c => new ArticleCaption(c.GetProperty("text").GetString()!, c.GetProperty("paragraphIndex").GetInt32()))
            .ToList();
        Assert.Equal(captions, article.Captions);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_Fixture_BodyCarriesNoBoilerplate(string name)
    {
        var (article, expected) = Load(name);
        foreach (string banned in Strings(expected, "body_must_not_contain"))
        {
            Assert.DoesNotContain(banned, article.Body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_Fixture_WarnsAboutWhatItGuessed(string name)
    {
        var (article, expected) = Load(name);
        var codes = article.Warnings.Select(w => w.Code.ToString()).ToHashSet();
        foreach (string code in Strings(expected, "warnings"))
        {
            Assert.Contains(code, codes);
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_Fixture_OutputIsCanonicalNfc(string name)
    {
        var (article, _) = Load(name);
        foreach (string text in article.Paragraphs.Append(article.Title!).Concat(article.Captions.Select(c => c.Text)))
        {
            Assert.True(text.IsNormalized(System.Text.NormalizationForm.FormC), text);
            Assert.DoesNotContain('\u00A0', text);
        }
    }

    internal static string? Format(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    internal static List<string> Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out JsonElement array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(e => e.GetString()!).ToList()
            : [];

    private static string? NullableString(JsonElement element, string property) =>
        element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
