using System.Text;
using DanVan.Analytics.Search.Indexing;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace DanVan.Analytics.Search.Tests.Indexing;

public sealed class ArticleDocumentBuilderTests
{
    private static readonly ArticleDocument s_full = new()
    {
        Id = "full",
        Url = "https://www.baomoi.com/a.html",
        CanonicalUrl = "https://baomoi.com/a",
        Title = "Dân vận khéo",
        Lead = "Sapo",
        Body = "Thân bài.",
        Published = new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.FromHours(7)),
        Authors = ["Minh Anh", "Thu Hà"],
        DocumentCodes = ["25-NQ/TW", "04/2015/NĐ-CP"],
        Officials = ["Nguyễn Doãn Toản", "Hoàng Trung Hải"],
        ModelCounts = [36, 12],
    };

    private static readonly ArticleDocument s_bare = new()
    {
        Id = "bare",
        Url = "https://nhandan.vn/b.html",
        Title = "Tin ngắn",
        DocumentCodes = ["43-NQ/TW"],
        ModelCounts = [7],
    };

    [Fact]
    public void Build_AfterAnArticleWithMoreFields_GivesWhatAFreshBuilderGives()
    {
        var builder = new ArticleDocumentBuilder();
        Describe(builder.Build(s_full));

        Assert.Equal(Describe(new ArticleDocumentBuilder().Build(s_bare)), Describe(builder.Build(s_bare)));
    }

    [Fact]
    public void Build_SameBuilderAgain_GivesTheSameFieldsForTheSameArticle()
    {
        var builder = new ArticleDocumentBuilder();
        List<string> first = Describe(builder.Build(s_full));
        Describe(builder.Build(s_bare));

        Assert.Equal(first, Describe(builder.Build(s_full)));
        Assert.Contains("doc=25-NQ/TW", first);
        Assert.Contains("model_count=36", first);
        Assert.Contains("model_count=12", first);
    }

    [Fact]
    public void Build_ArticleWithoutDate_SortsLastByDate()
    {
        var builder = new ArticleDocumentBuilder();
        Describe(builder.Build(s_full));

        List<string> bare = Describe(builder.Build(s_bare));

        Assert.Contains($"published_ticks={long.MinValue}", bare);
        Assert.DoesNotContain(bare, f => f.StartsWith("day=", StringComparison.Ordinal) || f.StartsWith("published=", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_CodesAndNamesWrittenTwoWays_AreIndexedOnce()
    {
        var builder = new ArticleDocumentBuilder();
        ArticleDocument article = s_bare with { DocumentCodes = ["25-NQ/TW", "25-nq/tư", "25 - NQ/TƯ"], Officials = ["Nguyễn Doãn Toản", "Nguyễn  Doãn Toản"] };

        List<string> fields = Describe(builder.Build(article));

        // The code and the display name are each one indexed or stored field plus one doc value.
        Assert.Equal(2, fields.Count(f => f == "doc=25-NQ/TW"));
        Assert.Single(fields, f => f == "doc_folded=25-nq/tw");
        Assert.Single(fields, f => f == "official=nguyễn doãn toản");
        Assert.Single(fields, f => f == "official_folded=nguyen doan toan");
        Assert.Equal(2, fields.Count(f => f == "official_name=Nguyễn Doãn Toản"));
    }

    /// <summary>Each field as name=value (string, number or bytes), in document order.</summary>
    private static List<string> Describe(Document doc) => doc.Fields.Select(f => $"{f.Name}={Value(f)}").ToList();

    private static string Value(IIndexableField field) =>
        field.GetStringValue() ?? field.GetInt64Value()?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Bytes(field.GetBinaryValue());

    // Read strictly within the value: Lucene's UTF-8 decoding trusts lead bytes, so on the binary accent signature it
    // may read past the value's end into what an earlier, longer value left in the buffer. Text as text, the rest as hex.
    private static string Bytes(BytesRef? bytes) =>
        bytes is null ? ""
        : System.Text.Unicode.Utf8.IsValid(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length)) ? Encoding.UTF8.GetString(bytes.Bytes, bytes.Offset, bytes.Length)
        : Convert.ToHexString(bytes.Bytes, bytes.Offset, bytes.Length);
}
