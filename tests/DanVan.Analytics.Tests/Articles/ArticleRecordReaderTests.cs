using System.Text;
using System.Text.Json;
using DanVan.Analytics.Articles;

namespace DanVan.Analytics.Tests.Articles;

public sealed class ArticleRecordReaderTests
{
    private const string Record = """{"schema_version":1,"id":"p1","url":"https://x.vn/a","canonical_url":"https://x.vn/a-c","title":"Dân vận khéo","lead":"Sapo.","body":"Đoạn một.\n\nĐoạn hai.","published":"2023-09-22T10:05:00+07:00","authors":["Phương Thảo"]}""";
    private const string PlainCase = """{"id":"c1","text":"Nghị quyết số 25-NQ/TW được quán triệt.","documents":[{"surface":"x"}]}""";
    // What 'danvan parse' wrote before schema version 1: camelCase, no schema_version.
    private const string LegacyCamelCase = """{"id":"old","url":"https://x.vn/b","canonicalUrl":"https://x.vn/b-c","site":null,"title":"Tiêu đề","published":"2021-01-02T00:00:00+07:00","authors":[],"lead":null,"body":"","paragraphs":["Một.","Hai."],"captions":[],"section":null,"tags":[],"language":"vi","warnings":[{"code":"TimeZoneAssumed","message":"m"}]}""";

    [Fact]
    public async Task ReadAsync_BothShapesAndLegacy_ReadsEachIntoOneRecord()
    {
        List<ArticleRecord> records = await ReadAllAsync(string.Join('\n', Record, PlainCase, LegacyCamelCase), new JsonLinesReadOptions { OnBadLine = bad => Assert.Fail(bad.Reason) });

        Assert.Equal(["p1", "c1", "old"], records.Select(r => r.Id));
        Assert.Equal("https://x.vn/a-c", records[0].CanonicalUrl);
        Assert.Equal(new DateTimeOffset(2023, 9, 22, 10, 5, 0, TimeSpan.FromHours(7)), records[0].Published);
        Assert.Equal("Nghị quyết số 25-NQ/TW được quán triệt.", records[1].ComposeText());
        Assert.Equal("https://x.vn/b-c", records[2].CanonicalUrl);
        Assert.Equal("Một.\n\nHai.", records[2].Body);
        Assert.Equal("TimeZoneAssumed", Assert.Single(records[2].Warnings).Code);
    }

    [Fact]
    public async Task ReadAsync_BadLines_ReportsEachWithItsNumberAndGoesOn()
    {
        var bad = new List<BadLine>();
        string input = string.Join('\n', Record, "{not json", "", "null", """{"title":"no id"}""", """{"id":"x"}""", """{"id":"v","schema_version":99,"text":"t"}""", """{"id":"d","title":"t","published":"hôm qua"}""", PlainCase);
        List<ArticleRecord> records = await ReadAllAsync(input, new JsonLinesReadOptions { OnBadLine = bad.Add });

        Assert.Equal(["p1", "c1"], records.Select(r => r.Id));
        Assert.Equal([2L, 4, 5, 6, 7, 8], bad.Select(b => b.Line));
        Assert.All(bad, b => Assert.Equal("input.jsonl", b.File));
        Assert.Contains("no \"id\"", bad[2].Reason, StringComparison.Ordinal);
        Assert.Contains("no text", bad[3].Reason, StringComparison.Ordinal);
        Assert.Contains("newer", bad[4].Reason, StringComparison.Ordinal);
        Assert.Contains("published", bad[5].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", bad[5].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Strict_ReportsTheFirstBadLineThenStops()
    {
        var bad = new List<BadLine>();
        var read = new List<string>();
        var e = await Assert.ThrowsAsync<BadLineException>(async () =>
        {
            await foreach (ArticleRecord r in ArticleRecordReader.ReadAsync(Utf8(string.Join('\n', Record, "[1]", PlainCase)), "input.jsonl", new JsonLinesReadOptions { OnBadLine = bad.Add, Strict = true }))
            {
                read.Add(r.Id);
            }
        });

        Assert.Equal(2, e.BadLine.Line);
        Assert.Single(bad);
        Assert.Equal(["p1"], read);
    }

    [Fact]
    public async Task ReadAsync_NobodyListens_ABadLineThrowsRatherThanBeingSkippedSilently()
    {
        await Assert.ThrowsAsync<BadLineException>(() => ReadAllAsync("{oops", options: null));
    }

    [Fact]
    public async Task Writer_RoundTrip_AnIndependentParserSeesSnakeCaseAndTheReaderGetsTheSameRecord()
    {
        var record = new ArticleRecord
        {
            Id = "p1",
            Url = "https://x.vn/a",
            CanonicalUrl = "https://x.vn/a-c",
            Title = "Quận Thanh Xuân: “dân vận khéo”",
            Lead = "Sapo.",
            Body = "Đoạn một.\n\nĐoạn hai.",
            Paragraphs = ["Đoạn một.", "Đoạn hai."],
            Published = new DateTimeOffset(2023, 9, 22, 10, 5, 0, TimeSpan.FromHours(7)),
            Authors = ["Phương Thảo"],
            Warnings = [new ArticleWarning("TimeZoneAssumed", "giờ Việt Nam")],
            ContentSha256 = "ab12",
        };
        var stream = new MemoryStream();
        await using (var writer = new ArticleRecordWriter(stream, leaveOpen: true))
        {
            await writer.WriteAsync(record);
            await writer.WriteAsync(record with { Id = "p2" });
            Assert.Equal(2, writer.Count);
        }

        string text = Encoding.UTF8.GetString(stream.ToArray());
        string[] lines = text.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("", lines[2]);
        using (JsonDocument json = JsonDocument.Parse(lines[0]))
        {
            JsonElement root = json.RootElement;
            Assert.Equal(ArticleRecord.CurrentSchemaVersion, root.GetProperty("schema_version").GetInt32());
            Assert.Equal("https://x.vn/a-c", root.GetProperty("canonical_url").GetString());
            Assert.Equal("ab12", root.GetProperty("content_sha256").GetString());
            Assert.False(root.TryGetProperty("text", out _));
            Assert.False(root.TryGetProperty("canonicalUrl", out _));
        }

        Assert.Contains("“dân vận khéo”", lines[0], StringComparison.Ordinal);
        stream.Position = 0;
        var back = new List<ArticleRecord>();
        await foreach (ArticleRecord r in ArticleRecordReader.ReadAsync(stream, "mem"))
        {
            back.Add(r);
        }

        Assert.Equal(2, back.Count);
        ArticleRecord first = back[0];
        Assert.Equal((record.Id, record.Url, record.CanonicalUrl, record.Title, record.Lead, record.Body, record.Published, record.ContentSha256), (first.Id, first.Url, first.CanonicalUrl, first.Title, first.Lead, first.Body, first.Published, first.ContentSha256));
        Assert.Equal(record.Paragraphs, first.Paragraphs);
        Assert.Equal(record.Authors, first.Authors);
        Assert.Equal(record.Warnings, first.Warnings);
    }

    [Theory]
    [InlineData("T", "L", "B", "T\n\nL\n\nB")]
    [InlineData("T", null, "B", "T\n\nB")]
    [InlineData(" ", "L", "", "L")]
    [InlineData(null, null, null, "")]
    public void ComposeText_JoinsTheNonBlankPartsByABlankLine(string? title, string? lead, string? body, string expected)
    {
        Assert.Equal(expected, new ArticleRecord { Id = "x", Title = title, Lead = lead, Body = body ?? "" }.ComposeText());
    }

    [Fact]
    public void ComposeText_PlainCase_IsItsText()
    {
        Assert.Equal("văn bản", new ArticleRecord { Id = "x", Text = "văn bản", Title = "T" }.ComposeText());
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<List<ArticleRecord>> ReadAllAsync(string input, JsonLinesReadOptions? options)
    {
        var records = new List<ArticleRecord>();
        await foreach (ArticleRecord record in ArticleRecordReader.ReadAsync(Utf8(input), "input.jsonl", options))
        {
            records.Add(record);
        }

        return records;
    }
}
