using System.Net;
using System.Text;
using System.Text.Json;
using DanVan.Analytics.Crawling.Archiving;
using DanVan.Analytics.Crawling.Tests;
using DanVan.Analytics.Crawling.Tests.Fixtures;

namespace DanVan.Cli.Tests;

/// <summary>
/// The real <c>danvan crawl --keep-relevant</c> (a relevance model trained here on the public labeled corpus with
/// <c>danvan train</c>) against the fixture site, with a section
/// of excerpts from the public labeled corpus, about dân vận work and not: the JSONL holds exactly the articles
/// <c>danvan classify</c> calls relevant, while the WARC archive holds every page.
/// </summary>
public sealed class CrawlKeepRelevantTests() : NewsSiteTestBase(new NewsSite(crawlDelay: "0.05"))
{
    private const int ExcerptsPerLabel = 6;

    private static string Labeled => Path.Combine(RepositoryPaths.Shared, "corpus", "labeled.jsonl");

    [Fact]
    public async Task DanvanCrawl_KeepRelevant_WritesOnlyRelevantArticlesAndArchivesAll()
    {
        ServeLabeledSection();
        string keptState = Path.Combine(Dir.Path, "kept-state");
        string kept = Path.Combine(Dir.Path, "kept.jsonl");
        string allState = Path.Combine(Dir.Path, "all-state");
        string all = Path.Combine(Dir.Path, "all.jsonl");
        string predictions = Path.Combine(Dir.Path, "predictions.jsonl");
        string model = Path.Combine(Dir.Path, "relevance.zip");
        (int trainExit, string trainLog) = await RunCliAsync(["train", "relevance", "--data", Labeled, "--out", model, "--folds", "2", "--trainer", "lbfgs_logistic"]);
        Assert.True(trainExit == 0, trainLog);

        (int keptExit, string keptLog) = await RunCliAsync(CrawlArguments(keptState, kept, "--keep-relevant", model));
        (int allExit, string allLog) = await RunCliAsync(CrawlArguments(allState, all));
        Assert.True(keptExit == 0, keptLog);
        Assert.True(allExit == 0, allLog);
        (int classifyExit, string classifyLog) = await RunCliAsync(["classify", "--model", model, "--no-topic", "--in", all, "--out", predictions]);
        Assert.True(classifyExit == 0, classifyLog);

        // What the same model says of every article the crawl found (ids are stable: the hash of the URL).
        var urlById = File.ReadLines(all).Select(Parse).ToDictionary(a => a.Id, a => a.Url);
        var labels = File.ReadLines(predictions).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            return (Url: urlById[doc.RootElement.GetProperty("id").GetString()!], Label: doc.RootElement.GetProperty("label").GetString()!);
        }).ToList();
        var relevant = labels.Where(l => l.Label == "danvan").Select(l => l.Url).Order(StringComparer.Ordinal).ToList();
        int notRelevant = labels.Count(l => l.Label == "other");

        // The off-topic excerpts make some articles irrelevant, so that the filter has something to leave out.
        Assert.Equal(urlById.Count, labels.Count);
        Assert.True(notRelevant >= ExcerptsPerLabel / 2, $"only {notRelevant} articles classified other");
        Assert.NotEmpty(relevant);

        Assert.Equal(relevant, File.ReadLines(kept).Select(line => Parse(line).Url).Order(StringComparer.Ordinal));
        Assert.Contains($"{notRelevant} articles not relevant, left out", keptLog, StringComparison.Ordinal);

        // The archive of the filtered crawl still holds the response of every article, relevant or not.
        var archived = Directory.GetFiles(Path.Combine(keptState, "warc"), "*.warc.gz")
            .SelectMany(WarcReader.ReadAll)
            .Where(r => r.Type == "response" && r.HttpStatusCode == 200)
            .Select(r => r.TargetUri)
            .ToHashSet(StringComparer.Ordinal);
        Assert.All(urlById.Values, url => Assert.Contains(url, archived));
    }

    [Fact]
    public async Task DanvanCrawl_KeepRelevantWithADamagedModel_FailsWithExitCode2BeforeFetching()
    {
        string model = Path.Combine(Dir.Path, "relevance.zip");
        await File.WriteAllTextAsync(model, "not a zip");

        (int exit, string log) = await RunCliAsync(CrawlArguments(Path.Combine(Dir.Path, "state"), Path.Combine(Dir.Path, "a.jsonl"), "--keep-relevant", model));

        Assert.Equal(2, exit);
        Assert.Contains("--keep-relevant", log, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }

    /// <summary>A section linking excerpts of the public labeled corpus, the first of each label, as article pages.</summary>
    private void ServeLabeledSection()
    {
        var rows = File.ReadLines(Labeled).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            return (Id: doc.RootElement.GetProperty("id").GetString()!, Label: doc.RootElement.GetProperty("label").GetString()!, Text: doc.RootElement.GetProperty("text").GetString()!);
        }).ToList();
        var chosen = rows.Where(r => r.Label == "danvan").Take(ExcerptsPerLabel).Concat(rows.Where(r => r.Label == "other").Take(ExcerptsPerLabel));
        var section = new StringBuilder("<html><head><title>Tin tổng hợp</title></head><body><ul>");
        foreach (var row in chosen)
        {
            string path = $"/tong-hop/{row.Id}.html";
            string text = row.Text.Trim();
            if (text.StartsWith("date ", StringComparison.Ordinal))
            {
                text = text[(text.IndexOf(' ', 5) + 1)..];
            }

            int stop = text.IndexOf(". ", StringComparison.Ordinal);
            string title = stop > 0 ? text[..stop] : text;
            string[] body = stop > 0 ? [text[(stop + 2)..]] : [text];
            Server.MapText(path, NewsSite.ArticleHtml(Server.Url(path).AbsoluteUri, title, body));
            section.Append($"<li><a href='{path}'>{WebUtility.HtmlEncode(title)}</a></li>");
        }

        Server.MapText("/tong-hop", section.Append("</ul></body></html>").ToString());
    }

    private string[] CrawlArguments(string state, string output, params string[] extra) =>
    [
        "crawl", "--contact", "mailto:tests@example.org", "--seed", Server.BaseUrl.AbsoluteUri, "--seed", Server.Url("/tong-hop").AbsoluteUri,
        "--state", state, "--out", output, "--delay", "50ms", "--timeout", "2500ms", "--retries", "0", .. extra,
    ];

    private static (string Id, string Url) Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        return (doc.RootElement.GetProperty("id").GetString()!, doc.RootElement.GetProperty("url").GetString()!);
    }

    private static async Task<(int ExitCode, string Error)> RunCliAsync(string[] arguments)
    {
        var run = await DanvanCli.RunAsync(arguments);
        return (run.ExitCode, run.Error);
    }
}
