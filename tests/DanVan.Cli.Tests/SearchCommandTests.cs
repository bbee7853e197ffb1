using System.Text.Json;
using DanVan.Analytics.Crawling.Tests;

namespace DanVan.Cli.Tests;

/// <summary>The <c>danvan index</c> and <c>danvan search</c> commands, run as the user runs them.</summary>
public sealed class SearchCommandTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly string _input = Path.Combine(Path.GetTempPath(), "danvan-cli-" + Guid.NewGuid().ToString("N") + ".jsonl");

    private string IndexPath => _folder.File("index");

    public void Dispose()
    {
        File.Delete(_input);
        _folder.Dispose();
    }

    [Fact]
    public async Task IndexThenSearch_WithoutDiacritics_PrintsTheHitWithHighlightsAndSkipsBadLines()
    {
        await File.WriteAllLinesAsync(_input,
        [
            """{"id":"a1","url":"https://baomoi.com/a1","title":"Phong trào Dân vận khéo","published":"2021-03-26T08:00:00+07:00","authors":[],"lead":"","body":"Ban Dân vận Thành ủy Hà Nội.","paragraphs":[],"captions":[],"unknown":{"x":1}}""",
            "not json",
            """{"id":"a2","url":"https://nhandan.vn/a2","title":"Tin thời tiết","published":null,"body":"Trời nắng."}""",
        ]);

        var index = await DanvanCli.RunAsync("index", "--in", _input, "--index", IndexPath);
        var search = await DanvanCli.RunAsync("search", "--index", IndexPath, "dan van kheo", "--facets");

        Assert.Equal(3, index.ExitCode);
        Assert.Contains($"{{\"file\":{JsonSerializer.Serialize(_input)},\"line\":2,\"reason\":", index.Error, StringComparison.Ordinal);
        Assert.Contains("2 articles", index.Error, StringComparison.Ordinal);
        Assert.Equal(0, search.ExitCode);
        Assert.Contains("1 article matches; showing 1-1.", search.Output, StringComparison.Ordinal);
        Assert.Contains("Phong trào «Dân» «vận» «khéo»", search.Output, StringComparison.Ordinal);
        Assert.Contains("years: 2021 (1)", search.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_ParseOutputWithCanonicalUrl_UpdatesOneArticleForTwoAddresses()
    {
        // What 'danvan parse' wrote before schema version 1 (camelCase): two addresses of one article, the second an edit of the first.
        await File.WriteAllLinesAsync(_input,
        [
            """{"id":"p1","url":"https://baomoi.com/a1?utm_source=x","canonicalUrl":"https://nhandan.vn/a1","title":"Dân vận khéo","body":"Bản đầu."}""",
            """{"id":"p2","url":"https://nhandan.vn/a1","canonicalUrl":"https://nhandan.vn/a1","title":"Dân vận khéo ở cơ sở","body":"Bản sửa."}""",
        ]);

        var index = await DanvanCli.RunAsync("index", "--in", _input, "--index", IndexPath);
        var search = await DanvanCli.RunAsync("search", "--index", IndexPath, "dan van kheo", "--json");

        Assert.Equal(0, index.ExitCode);
        Assert.Contains("index: 1 articles", index.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(search.Output);
        Assert.Equal(1, json.RootElement.GetProperty("total_hits").GetInt32());
        Assert.Equal("Dân vận khéo ở cơ sở", json.RootElement.GetProperty("hits")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Search_Json_IsParsableAndCarriesTheHits()
    {
        await File.WriteAllLinesAsync(_input, ["""{"id":"a1","url":"https://baomoi.com/a1","title":"Dân vận khéo","body":"Công tác dân vận."}"""]);
        await DanvanCli.RunAsync("index", "--in", _input, "--index", IndexPath);

        var search = await DanvanCli.RunAsync("search", "--index", IndexPath, "dân vận", "--json");

        Assert.Equal(0, search.ExitCode);
        using var json = JsonDocument.Parse(search.Output);
        Assert.Equal(1, json.RootElement.GetProperty("total_hits").GetInt32());
        Assert.Equal("Dân vận khéo", json.RootElement.GetProperty("hits")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Search_MalformedQuery_PrintsThePositionNotAStackTrace()
    {
        await File.WriteAllLinesAsync(_input, ["""{"id":"a1","url":"https://baomoi.com/a1","title":"Dân vận","body":""}"""]);
        await DanvanCli.RunAsync("index", "--in", _input, "--index", IndexPath);

        var search = await DanvanCli.RunAsync("search", "--index", IndexPath, "dân vận \"khéo");

        Assert.Equal(2, search.ExitCode);
        Assert.StartsWith("error: in the query at position 9:", search.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", search.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_MissingIndex_SaysSoWithoutAStackTrace()
    {
        var search = await DanvanCli.RunAsync("search", "--index", IndexPath, "dân vận");

        Assert.Equal(1, search.ExitCode);
        Assert.StartsWith("error: There is no index", search.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", search.Error, StringComparison.Ordinal);
    }
}
