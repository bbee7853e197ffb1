using System.Diagnostics;
using System.Text.Json;
using DanVan.Analytics.Crawling.Archiving;
using DanVan.Analytics.Crawling.Tests;
using DanVan.Analytics.Crawling.Tests.Fixtures;

namespace DanVan.Cli.Tests;

/// <summary>The real <c>danvan crawl</c> in a child process, killed with SIGKILL mid-crawl and run again.</summary>
public sealed class CrawlProcessTests() : NewsSiteTestBase(new NewsSite(crawlDelay: "0.05"))
{
    [Fact]
    public async Task DanvanCrawl_KilledMidCrawlAndResumed_WritesEveryArticleExactlyOnce()
    {
        string articles = Dir.File("articles.jsonl");
        string state = Dir.File("state");

        // First run: kill -9 the process tree once a few articles are out.
        using (Process first = StartCrawl(state, articles))
        {
            Task<string> firstErrors = first.StandardError.ReadToEndAsync(); // drained, so the child never blocks on a full pipe
            var watch = Stopwatch.StartNew();

            // Kill once the server has served a few articles: mid-way through the article pages. The watch runs on
            // its own thread so that nothing in the test host can delay it.
            var killer = new Thread(() =>
            {
                while (Server.Requests.Count(r => r.PathAndQuery.StartsWith("/tin/", StringComparison.Ordinal)) < 4 && !first.HasExited && watch.Elapsed < TimeSpan.FromSeconds(60))
                {
                    Thread.Sleep(10);
                }

                if (!first.HasExited)
                {
                    KillTree(first.Id);
                }
            });
            killer.Start();
            killer.Join();
            await first.WaitForExitAsync();
            Assert.True(first.ExitCode != 0, "the crawl finished before it could be killed: " + await firstErrors);
        }

        int linesAtKill = CountLines(articles);
        Assert.True(linesAtKill < Site.ArticlePaths.Count, $"the kill came after the crawl had written everything ({linesAtKill} lines; server saw {string.Join(" ", Server.Requests.Select(r => r.Arrived.ToString("ss.fff") + r.PathAndQuery))})");

        // Second run: resumes and finishes.
        using (Process second = StartCrawl(state, articles))
        {
            Task<string> errors = second.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await second.WaitForExitAsync(timeout.Token);
            string log = await errors;
            Assert.True(second.ExitCode == 0, log);
            Assert.Contains("finished:", log, StringComparison.Ordinal);
        }

        // Every article exactly once, each line a whole record.
        var urls = File.ReadAllLines(articles).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("title").GetString()));
            return new Uri(doc.RootElement.GetProperty("url").GetString()!).PathAndQuery;
        }).ToList();
        Assert.Equal(Site.ArticlePaths.Order(StringComparer.Ordinal), urls.Order(StringComparer.Ordinal));

        // The archive reads back cleanly and holds each article's 200 response exactly once.
        var responses = Directory.GetFiles(Path.Combine(state, "warc"), "*.warc.gz")
            .SelectMany(WarcReader.ReadAll)
            .Where(r => r.Type == "response" && r.HttpStatusCode == 200)
            .ToList();
        Assert.All(responses, r => Assert.True(r.PayloadDigestMatches()));
        foreach (string path in Site.ArticlePaths)
        {
            Assert.Single(responses, r => r.TargetUri == Server.Url(path).AbsoluteUri);
        }

        // Nothing disallowed was fetched in either run.
        Assert.DoesNotContain(Server.Requests, r => NewsSite.DisallowedPrefixes.Any(d => r.PathAndQuery.StartsWith(d, StringComparison.Ordinal)));
    }

    private Process StartCrawl(string state, string articles)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { DanvanCli.Dll(), "crawl", "--contact", "mailto:tests@example.org", "--seed", Server.BaseUrl.AbsoluteUri, "--state", state, "--out", articles, "--delay", "200ms", "--timeout", "2500ms", "--retries", "1" })
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>
    /// SIGKILLs a process and all its descendants at once (children found through /proc, so nothing in the tree gets
    /// to run on while the tree is walked, as <see cref="Process.Kill(bool)"/> allows).
    /// </summary>
    private static void KillTree(int pid)
    {
        var tree = new List<int>();
        var pending = new Stack<int>([pid]);
        while (pending.TryPop(out int current))
        {
            tree.Add(current);
            string tasks = $"/proc/{current}/task";
            if (!Directory.Exists(tasks))
            {
                continue;
            }

            foreach (string task in Directory.EnumerateDirectories(tasks))
            {
                string children = Path.Combine(task, "children");
                if (File.Exists(children))
                {
                    foreach (string child in File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        pending.Push(int.Parse(child, System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
            }
        }

        using var kill = Process.Start("kill", ["-9", .. tree.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        kill.WaitForExit();
    }

    private static int CountLines(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        int lines = 0;
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            lines += b == '\n' ? 1 : 0;
        }

        return lines;
    }
}
