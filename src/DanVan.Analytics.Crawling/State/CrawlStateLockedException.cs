namespace DanVan.Analytics.Crawling.State;

/// <summary>
/// Another crawl (in this or another process) holds the state directory. Two runs on one state would both mark
/// pages done while their outputs race, so the second is refused. The lock is the operating system's, on
/// <see cref="CrawlState.LockFileName"/>: it goes away with the process that held it, even after kill -9.
/// </summary>
public sealed class CrawlStateLockedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CrawlStateLockedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public CrawlStateLockedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CrawlStateLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
