using System.Net;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using DanVan.Analytics.Crawling.Pipeline;
using DanVan.Analytics.Crawling.State;
using DanVan.Analytics.Crawling.Urls;
using DanVan.Analytics.Parsing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DanVan.Analytics.Crawling;

/// <summary>
/// A polite, resumable crawl in three stages: fetch (robots.txt, per-host politeness, HTTP with checked redirects and
/// address safety), page analysis (one decoding and one DOM per page for its links and its article), and one sink
/// (WARC archive, duplicate and unchanged content, output, commit). Archive and output are flushed before a batch
/// is committed to the SQLite state, so a stop at any moment (Ctrl+C, kill -9) loses nothing: URLs that were in
/// flight are queued again on the next run, and the output skips what it had already written. The state directory
/// is locked for the whole run; a second crawl on it gets a <see cref="CrawlStateLockedException"/>.
/// </summary>
/// <remarks>
/// Scope and trust: a URL is in the crawl when its scheme, host and port match a seed's (see
/// <see cref="CrawlScopeOptions"/>); a seed that resolves to a private or loopback address makes exactly its origin
/// (host and port) trusted for such addresses, never the host's other ports or other hosts.
/// </remarks>
public sealed class Crawler
{
    private readonly CrawlerOptions _options;
    private readonly ICrawlOutput? _output;
    private readonly ILogger _logger;
    private readonly HttpMessageHandler? _handler;

    /// <summary>Creates a crawler.</summary>
    /// <param name="options">What to crawl.</param>
    /// <param name="output">Where pages go besides the WARC archive (the articles JSONL), or <see langword="null"/>.</param>
    /// <param name="logger">Receives the run's start and end, warnings (capped links) and per-page errors; none when <see langword="null"/>.</param>
    /// <param name="handler">
    /// The HTTP handler to fetch through (a proxy, <c>IHttpMessageHandlerFactory.CreateHandler</c>), or
    /// <see langword="null"/> for the crawler's own. See <see cref="Fetching.PageFetcher(Fetching.FetcherOptions?, Fetching.HostScheduler?, HttpMessageHandler?)"/>
    /// for what such a handler must do; the crawler does not dispose it.
    /// </param>
    public Crawler(CrawlerOptions options, ICrawlOutput? output = null, ILogger? logger = null, HttpMessageHandler? handler = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _output = output;
        _logger = logger ?? NullLogger.Instance;
        _handler = handler;
    }

    /// <summary>Crawls, yielding each page once it is archived, written and committed.</summary>
    /// <param name="cancellationToken">Stops the crawl cleanly: in-flight writes finish and the state is committed; the enumeration then ends.</param>
    /// <returns>The committed pages (<see cref="RunAsync"/> gives the run's summary too).</returns>
    /// <exception cref="CrawlConfigurationException">A seed is invalid or the state cannot be opened.</exception>
    /// <exception cref="CrawlStateLockedException">Another crawl is using the state directory.</exception>
    public async IAsyncEnumerable<CrawledPage> CrawlAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pages = Channel.CreateBounded<CrawledPage>(new BoundedChannelOptions(CrawlSink.Batch) { SingleReader = true, SingleWriter = true });
        Task<CrawlSummary> run = Task.Run(
            async () =>
            {
                try
                {
                    return await RunAsync((page, _) => pages.Writer.WriteAsync(page, CancellationToken.None), cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    pages.Writer.Complete();
                }
            },
            CancellationToken.None);
        await foreach (CrawledPage page in pages.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            yield return page;
        }

        await run.ConfigureAwait(false);
    }

    /// <summary>Crawls, yielding each article once it is archived, written and committed.</summary>
    /// <param name="cancellationToken">Stops the crawl cleanly; the enumeration then ends.</param>
    /// <returns>The articles, each once (duplicates by URL, canonical URL and content are dropped).</returns>
    /// <exception cref="CrawlConfigurationException">A seed is invalid or the state cannot be opened.</exception>
    public async IAsyncEnumerable<Article> CrawlArticlesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (CrawledPage page in CrawlAsync(cancellationToken).ConfigureAwait(false))
        {
            if (page.IsOutputCandidate && page.Article is { } article)
            {
                yield return article;
            }
        }
    }

    /// <summary>Crawls until the frontier is empty, the page limit is reached or <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="onPage">Called with each committed page, in commit order, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the crawl cleanly (no exception): in-flight writes finish and the state is committed.</param>
    /// <returns>What the run did.</returns>
    /// <exception cref="CrawlConfigurationException">A seed is invalid, the output is one of the state's files or a directory, or the state cannot be opened.</exception>
    /// <exception cref="CrawlStateLockedException">Another crawl is using the state directory.</exception>
    /// <exception cref="CrawlOutputException">The output could not be opened or written (the pages not committed are fetched again by the next run).</exception>
    public async Task<CrawlSummary> RunAsync(Func<CrawledPage, CancellationToken, ValueTask>? onPage = null, CancellationToken cancellationToken = default)
    {
        List<Uri> seeds = ParseSeeds(_options.Seeds);
        CheckOutputFiles();
        AddressPolicy policy = await BuildAddressPolicyAsync(seeds, cancellationToken).ConfigureAwait(false);
        CrawlState state;
        try
        {
            state = CrawlState.Open(_options.StateDirectory);
        }
        catch (Exception e) when (e is CrawlStateException or UnauthorizedAccessException || (e is IOException && e is not CrawlStateLockedException))
        {
            throw new CrawlConfigurationException($"the state directory '{_options.StateDirectory}' cannot be used: {e.Message}", e);
        }

        using (state)
        {
            var run = new CrawlRun(_options, state, seeds, policy, _output, _handler, onPage, _logger);
            try
            {
                return await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                run.Dispose();
            }
        }
    }

    private void CheckOutputFiles()
    {
        string warc = CrawlState.ResolveLinks(Path.GetFullPath(_options.WarcDirectory ?? Path.Combine(_options.StateDirectory, "warc")));
        foreach (string file in _output?.Files ?? [])
        {
            if (Directory.Exists(file))
            {
                throw new CrawlConfigurationException($"the output '{file}' is a directory; give a file path");
            }

            string resolved = CrawlState.ResolveLinks(Path.GetFullPath(file));
            if (CrawlState.IsOwnFile(_options.StateDirectory, file) || resolved.StartsWith(warc + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new CrawlConfigurationException($"the output '{file}' is one of the crawl state's own files in '{_options.StateDirectory}'; write it elsewhere");
            }
        }
    }

    private static List<Uri> ParseSeeds(IReadOnlyList<string> seeds)
    {
        if (seeds is null || seeds.Count == 0)
        {
            throw new CrawlConfigurationException("no seed URL was given");
        }

        var result = new List<Uri>();
        foreach (string seed in seeds)
        {
            if (!UrlCanonicalizer.Default.TryCanonicalize(seed, out Uri? url))
            {
                throw new CrawlConfigurationException($"'{seed}' is not a valid seed: give an absolute http:// or https:// URL");
            }

            result.Add(url);
        }

        return result;
    }

    private async Task<AddressPolicy> BuildAddressPolicyAsync(List<Uri> seeds, CancellationToken cancellationToken)
    {
        if (_options.AllowPrivateNetworks)
        {
            return new AddressPolicy(allowPrivateNetworks: true);
        }

        var trusted = new List<Uri>();
        if (_options.TrustPrivateSeeds)
        {
            foreach (Uri seed in seeds)
            {
                IPAddress[] addresses;
                try
                {
                    addresses = IPAddress.TryParse(seed.DnsSafeHost, out IPAddress? literal)
                        ? [literal]
                        : await Dns.GetHostAddressesAsync(seed.DnsSafeHost, cancellationToken).ConfigureAwait(false);
                }
                catch (System.Net.Sockets.SocketException)
                {
                    continue; // reported when the fetch fails, with the host name
                }

                if (addresses.Any(a => !AddressPolicy.IsPublic(a)))
                {
                    trusted.Add(seed); // its origin only: host and port
                }
            }
        }

        return new AddressPolicy(trustedOrigins: trusted);
    }
}
