using System.Diagnostics;
using System.Text.Json;
using DanVan.Analytics.Crawling.Archiving;
using DanVan.Analytics.Crawling.Tests;
using DanVan.Analytics.Crawling.Tests.Fixtures;
using Microsoft.AspNetCore.Http;

namespace DanVan.Cli.Tests;

/// <summary>The real <c>danvan crawl</c> in a child process, killed with SIGKILL mid-crawl and run again.</summary>
public sealed class CrawlProcessTests() : NewsSiteTestBase(new NewsSite(crawlDelay: "0.05"))
{
    [Fact]
    public async Task DanvanCrawl_KilledMidCrawlAndResumed_WritesEveryArticleExactlyOnce()
    {
        string articles = Dir.File("articles.jsonl");
        string state = Dir.File("state");

        // Three runs killed with SIGKILL at growing points of the crawl (the sink commits every batch, so each kill
        // lands during fetching, writing or committing), then one run that finishes.
        int kills = 0;
        foreach (int threshold in new[] { 2, 5, 9 })
        {
            using (Process first = StartCrawl(state, articles))
            {
                Task<string> firstErrors = first.StandardError.ReadToEndAsync(); // drained, so the child never blocks on a full pipe
                var watch = Stopwatch.StartNew();

                // Kill once the server has served a few articles: mid-way through the article pages. The watch runs on
                // its own thread so that nothing in the test host can delay it.
                var killer = new Thread(() =>
                {
                    while (Server.Requests.Count(r => r.PathAndQuery.StartsWith("/tin/", StringComparison.Ordinal)) < threshold && !first.HasExited && watch.Elapsed < TimeSpan.FromSeconds(60))
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
                kills++;
            }
        }

        Assert.Equal(3, kills);

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

    [Fact]
    public async Task DanvanCrawl_SecondRunOnTheSameState_IsRefusedWhileTheFirstFinishesEveryArticleOnce()
    {
        string articles = Dir.File("articles.jsonl");
        string state = Dir.File("state");

        // The first run's second seed answers only once the other runs were refused, so the first holds the state
        // for as long as they take to start (seconds on a loaded machine) without any timing guess.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Server.Map("/cho", async context =>
        {
            await gate.Task.WaitAsync(TimeSpan.FromMinutes(10), context.RequestAborted); // released by the test (start-up can take a minute under load)
            await context.Response.WriteAsync("<html><body><a href='/'>home</a></body></html>");
        });
        using Process first = StartCrawl(state, articles, timeout: "15m", "--seed", Server.Url("/cho").AbsoluteUri);
        Task<string> firstErrors = first.StandardError.ReadToEndAsync();
        var watch = Stopwatch.StartNew();
        while (Server.RequestsFor("/cho").Count == 0 && !first.HasExited && watch.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(10);
        }

        if (first.HasExited)
        {
            Assert.Fail("the first crawl ended before the second could start: " + await firstErrors); // read only once it has ended
        }

        // Two more runs while the first holds the state: each is refused at once, with one line and exit code 1.
        int refused = 0;
        for (int attempt = 0; attempt < 2; attempt++)
        {
            using Process second = StartCrawl(state, Dir.File($"other-{attempt}.jsonl"));
            string secondErrors = await second.StandardError.ReadToEndAsync();
            await second.WaitForExitAsync();
            Assert.True(second.ExitCode == 1, $"exit {second.ExitCode}, first ended: {first.HasExited}: {secondErrors}");
            Assert.Contains("in use by another crawl", secondErrors, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", secondErrors, StringComparison.Ordinal);
            Assert.False(File.Exists(Dir.File($"other-{attempt}.jsonl")) && new FileInfo(Dir.File($"other-{attempt}.jsonl")).Length > 0);
            refused++;
        }

        Assert.False(first.HasExited, "the refusals came after the first crawl had finished");
        gate.TrySetResult();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await first.WaitForExitAsync(timeout.Token);
        Assert.True(first.ExitCode == 0, await firstErrors);
        Assert.Equal(2, refused);
        AssertEveryArticleOnce(articles);
    }

    [Fact]
    public async Task DanvanCrawl_OutputOnAFullDisk_PrintsOneErrorLineAndExitsOneWithoutAStackTrace()
    {
        Assert.True(File.Exists("/dev/full"), "the test needs Linux's /dev/full");
        using Process crawl = StartCrawl(Dir.File("state"), "/dev/full");
        string errors = await crawl.StandardError.ReadToEndAsync();
        await crawl.WaitForExitAsync();
        Assert.Equal(1, crawl.ExitCode);
        Assert.Contains("error: the crawl output could not", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);

        // Nothing the full disk swallowed is marked done: a run to a real file writes every article once.
        string articles = Dir.File("articles.jsonl");
        using Process again = StartCrawl(Dir.File("state"), articles);
        string log = await again.StandardError.ReadToEndAsync();
        await again.WaitForExitAsync();
        Assert.True(again.ExitCode == 0, log);
        AssertEveryArticleOnce(articles);
    }

    private void AssertEveryArticleOnce(string articles)
    {
        var urls = File.ReadAllLines(articles).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            return new Uri(doc.RootElement.GetProperty("url").GetString()!).PathAndQuery;
        }).ToList();
        Assert.Equal(Site.ArticlePaths.Order(StringComparer.Ordinal), urls.Order(StringComparer.Ordinal));
    }

    private Process StartCrawl(string state, string articles, string timeout = "2500ms", params string[] extra)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] args = [DanvanCli.Dll(), "crawl", "--contact", "mailto:tests@example.org", "--seed", Server.BaseUrl.AbsoluteUri, "--state", state, "--out", articles, "--delay", "200ms", "--timeout", timeout, "--retries", "1", .. extra];
        foreach (string arg in args)
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
