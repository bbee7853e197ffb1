namespace DanVan.Analytics.Crawling;

/// <summary>
/// Receives the crawl's pages before their state is committed, so that after a stop at any moment each page is
/// in the output exactly once: the crawler writes, then <see cref="Flush"/>es, then commits; on the next run it
/// hands the URLs that were in flight to <see cref="Recover"/>, and the output skips the ones it already has.
/// Called from one thread at a time.
/// </summary>
public interface ICrawlOutput : IDisposable
{
    /// <summary>Prepares for a run: repairs a write cut short and notes which in-flight URLs were already written.</summary>
    /// <param name="inFlightUrls">URLs that were in flight when the last run stopped.</param>
    void Recover(IReadOnlyCollection<string> inFlightUrls);

    /// <summary>Writes a page's output, if it has any.</summary>
    /// <param name="page">The page (with <see cref="CrawledPage.IsOutputCandidate"/> set for unique HTML pages).</param>
    /// <returns><see langword="true"/> when something was written.</returns>
    bool Write(CrawledPage page);

    /// <summary>Pushes what was written to the operating system.</summary>
    void Flush();

    /// <summary>The files the output writes, so the crawler can refuse one that is its own state (empty when unknown).</summary>
    IReadOnlyList<string> Files => [];
}
