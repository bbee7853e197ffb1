using System.CommandLine;
using System.Globalization;
using DanVan.Analytics.Classification;
using DanVan.Analytics.Crawling;
using DanVan.Analytics.Crawling.Fetching;
using DanVan.Analytics.Crawling.Output;
using DanVan.Analytics.Crawling.State;
using DanVan.Analytics.Crawling.Urls;
using DanVan.Cli.CommandLine;

namespace DanVan.Cli.Commands;

/// <summary>
/// <c>danvan crawl --seed URL [--seed URL ...] --state DIR --out articles.jsonl</c>: crawls news sites politely,
/// archives every response as WARC in the state directory, and appends the articles to a JSONL file. Stopped at any
/// moment (Ctrl+C, or even kill -9), the same command resumes where it stopped. Progress goes to stderr.
/// </summary>
internal static class CrawlCommand
{
    private const int UsageError = ExitCodes.Usage;
    private const int NothingFetched = ExitCodes.Failure;
    private const int Failure = ExitCodes.Failure;

    public static Command Create()
    {
        var seeds = new Option<string[]>("--seed") { Description = "A URL to start from (a home page, section, sitemap or feed); repeat for more.", Required = true, AllowMultipleArgumentsPerToken = false, HelpName = "URL" };
        var state = CliOptions.Directory("--state", "The crawl's state directory (frontier database and WARC files); reuse it to resume.", required: true);
        var output = CliOptions.File("--out", "The articles JSONL file to append to (outside the state directory).", required: true);
        var maxPages = CliOptions.OptionalWholeNumber("--max-pages", "Stop after this many fetches in this run.");
        var delay = new Option<string>("--delay") { Description = "The pause between requests to one host: 1s, 500ms, 2m. robots.txt Crawl-delay may make it longer.", DefaultValueFactory = _ => "1s", HelpName = "DURATION" };
        var concurrency = CliOptions.WholeNumber("--concurrency", "Pages fetched at once across hosts.", 8, min: 1);
        var perHost = CliOptions.WholeNumber("--per-host", "Pages fetched at once from one host.", 1, min: 1);
        var timeout = new Option<string>("--timeout") { Description = "The time allowed for one request.", DefaultValueFactory = _ => "30s", HelpName = "DURATION" };
        var retries = CliOptions.WholeNumber("--retries", "How often a timeout, 5xx or 429 is retried.", 3);
        var maxDepth = CliOptions.WholeNumber("--max-depth", "The most links away from a seed.", 20);
        var include = new Option<string[]>("--include") { Description = "Only follow URLs matching this regular expression (repeatable).", HelpName = "REGEX" };
        var exclude = new Option<string[]>("--exclude") { Description = "Never follow URLs matching this regular expression (repeatable).", HelpName = "REGEX" };
        var allowHost = new Option<string[]>("--allow-host") { Description = "Another host the crawl may visit (repeatable).", HelpName = "HOST" };
        var contact = new Option<string>("--contact") { Description = "How site owners reach you: a URL of a page about your crawl, or mailto:you@example.org. Goes into the User-Agent; required unless --user-agent is given.", HelpName = "URL" };
        var userAgent = new Option<string>("--user-agent") { Description = "A whole User-Agent instead of DanVanBot/0.1 (+CONTACT): keep a product token and your contact in it.", HelpName = "TEXT" };
        var maxLinks = CliOptions.WholeNumber("--max-links-per-page", "The most links taken from one page; past it a warning is printed.", 5000);
        var maxNew = CliOptions.WholeNumber("--max-new-urls-per-page", "The most new URLs one page may queue.", 1000);
        var anyPort = new Option<bool>("--any-port") { Description = "Follow links to any port of the seeds' hosts (by default scheme, host and port must match a seed's)." };
        var allowPrivate = new Option<bool>("--allow-private-networks") { Description = "Allow private and loopback addresses for every host (only for crawling your own network)." };
        Option<FileInfo?> keepRelevant = ClassifierOptions.KeepRelevantOption();

        var command = new Command("crawl", "Crawl news sites politely and resumably into a WARC archive and an articles JSONL file.");
        foreach (Option option in new Option[] { seeds, state, output, maxPages, delay, concurrency, perHost, timeout, retries, maxDepth, include, exclude, allowHost, contact, userAgent, maxLinks, maxNew, anyPort, allowPrivate, keepRelevant })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!TryParseDuration(parseResult.GetValue(delay)!, out TimeSpan pause) || !TryParseDuration(parseResult.GetValue(timeout)!, out TimeSpan requestTimeout) || requestTimeout <= TimeSpan.Zero)
            {
                Console.Error.WriteLine("error: --delay and --timeout take a duration such as 1s, 500ms or 2m.");
                return UsageError;
            }

            if (!TryGetUserAgent(parseResult.GetValue(contact), parseResult.GetValue(userAgent), out string agent, out string? agentError))
            {
                Console.Error.WriteLine("error: " + agentError);
                return UsageError;
            }

            FileInfo articlesFile = parseResult.GetValue(output)!;
            if (CliOptions.IsStandardStream(articlesFile))
            {
                Console.Error.WriteLine("error: --out needs a file: the crawl appends to it and repairs it after a stop.");
                return UsageError;
            }

            if (!OutputGuard.AllowsOutside(articlesFile, parseResult.GetValue(state)!, "the state directory"))
            {
                return UsageError;
            }

            IArticleClassifier? relevance;
            try
            {
                relevance = ClassifierOptions.KeepRelevant(parseResult, keepRelevant);
            }
            catch (Exception e) when (e is Analytics.Learning.ModelFormatException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: the --keep-relevant model could not be loaded: {e.Message}");
                return UsageError;
            }

            var options = new CrawlerOptions
            {
                Seeds = parseResult.GetValue(seeds) ?? [],
                StateDirectory = parseResult.GetValue(state)!.FullName,
                Delay = pause,
                MaxPages = parseResult.GetValue(maxPages),
                MaxConcurrency = Math.Max(1, parseResult.GetValue(concurrency)),
                MaxConcurrencyPerHost = Math.Max(1, parseResult.GetValue(perHost)),
                AllowPrivateNetworks = parseResult.GetValue(allowPrivate),
                Fetcher = new FetcherOptions { UserAgent = agent, RequestTimeout = requestTimeout, MaxRetries = Math.Max(0, parseResult.GetValue(retries)) },
                Scope = new CrawlScopeOptions
                {
                    MaxDepth = parseResult.GetValue(maxDepth),
                    IncludePatterns = parseResult.GetValue(include) ?? [],
                    ExcludePatterns = parseResult.GetValue(exclude) ?? [],
                    AllowedHosts = parseResult.GetValue(allowHost) ?? [],
                    MatchSchemeAndPort = !parseResult.GetValue(anyPort),
                },
                MaxLinksPerPage = Math.Max(0, parseResult.GetValue(maxLinks)),
                MaxNewUrlsPerPage = Math.Max(0, parseResult.GetValue(maxNew)),
                // The command line ends the process about 2 s after Ctrl+C: leave time to commit.
                StopGracePeriod = TimeSpan.FromSeconds(1),
            };
            return await RunAsync(options, articlesFile, relevance, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CrawlerOptions options, FileInfo output, IArticleClassifier? keepRelevant, CancellationToken cancellationToken)
    {
        // The first Ctrl+C (or SIGTERM) stops cleanly: in-flight writes finish and the state is committed. A second
        // Ctrl+C ends the process at once, which is safe too (the next run recovers).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (!stop.IsCancellationRequested)
            {
                e.Cancel = true;
                Console.Error.WriteLine();
                Console.Error.WriteLine("stopping: finishing the pages in flight and committing (Ctrl+C again to quit at once)...");
                stop.Cancel();
            }
        };
        Console.CancelKeyPress += onCancel;
        using var onTerminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        using var articles = new JsonlArticleOutput(output.FullName, keepRelevant);
        CrawlSummary summary;
        try
        {
            summary = await ProgressDisplay.RunAsync("crawl", display =>
                new Crawler(options with { Progress = new ProgressLine(display) }, articles, new WarningLog(display)).RunAsync(cancellationToken: stop.Token));
        }
        catch (Exception e) when (e is CrawlConfigurationException or ArgumentException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return UsageError;
        }
        catch (Exception e) when (e is CrawlStateLockedException or CrawlOutputException)
        {
            // Another crawl holds the state, or the output cannot be written: nothing was lost, run again later.
            Console.Error.WriteLine($"error: {e.Message}");
            return Failure;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        Console.Error.WriteLine();
        Console.Error.WriteLine(
            $"{(summary.Cancelled ? "stopped" : "finished")}: {summary.Fetched} fetched, {summary.Emitted} articles written to {output.FullName}, "
            + $"{summary.Errors} errors, {summary.Skipped} skipped, {summary.NotModified} unchanged, {summary.Queued} still queued, in {summary.Elapsed.TotalSeconds:0.0} s"
            + (summary.Recovered > 0 ? $" ({summary.Recovered} interrupted pages re-queued)" : "")
            + (keepRelevant is not null ? $"; {articles.NotRelevant} articles not relevant, left out" : ""));
        if (summary.ErrorsByKind.Count > 0)
        {
            Console.Error.WriteLine("errors: " + string.Join(", ", summary.ErrorsByKind.Select(e => $"{e.Key} {e.Value}")));
        }

        if (summary.Cancelled || summary.Queued > 0)
        {
            Console.Error.WriteLine("run the same command again to continue.");
        }

        if (summary.Fetched == 0 && summary.Errors > 0)
        {
            foreach (string sample in summary.ErrorSamples)
            {
                Console.Error.WriteLine($"error: {sample}");
            }

            return NothingFetched;
        }

        return 0;
    }

    /// <summary>Parses 1s, 500ms, 2m, 1.5s, 1h or a plain number of seconds.</summary>
    internal static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        string value = text.Trim().ToLowerInvariant();
        (string number, double unit) = value switch
        {
            _ when value.EndsWith("ms", StringComparison.Ordinal) => (value[..^2], 0.001),
            _ when value.EndsWith('s') => (value[..^1], 1.0),
            _ when value.EndsWith('m') => (value[..^1], 60.0),
            _ when value.EndsWith('h') => (value[..^1], 3600.0),
            _ => (value, 1.0),
        };
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double amount) || amount < 0 || amount * unit > 86_400)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(amount * unit);
        return true;
    }

    /// <summary>The crawler's warnings and errors (capped pages, crawler errors) as lines on stderr.</summary>
    private sealed class WarningLog(ProgressDisplay display) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Warning;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                display.WriteLine((logLevel == Microsoft.Extensions.Logging.LogLevel.Warning ? "warning: " : "error: ") + formatter(state, exception));
            }
        }
    }

    /// <summary>Shows the crawl's progress on a <see cref="ProgressDisplay"/>: pages fetched of those known so far.</summary>
    private sealed class ProgressLine(ProgressDisplay display) : IProgress<CrawlProgress>
    {
        public void Report(CrawlProgress value) =>
            display.Show($"fetched {value.Fetched:N0} | queued {value.Queued:N0} | errors {value.Errors:N0} | articles {value.Emitted:N0} | {value.PagesPerSecond:0.0} pages/s",
                value.Fetched, value.Fetched + value.Queued, value.Elapsed, final: false);
    }

    // Polite crawlers name their operator (as Heritrix requires an operator contact URL): there is no default contact.
    private static bool TryGetUserAgent(string? contact, string? userAgent, out string agent, out string? error)
    {
        agent = "";
        error = null;
        if (!string.IsNullOrWhiteSpace(userAgent))
        {
            agent = userAgent.Trim();
            return true;
        }

        if (string.IsNullOrWhiteSpace(contact))
        {
            error = "crawl needs --contact URL (a page about your crawl, or mailto:you@example.org) so site owners can reach you; or give a whole --user-agent.";
            return false;
        }

        try
        {
            agent = FetcherOptions.UserAgentFor(contact);
            return true;
        }
        catch (ArgumentException e)
        {
            error = "--contact: " + e.Message;
            return false;
        }
    }
}
