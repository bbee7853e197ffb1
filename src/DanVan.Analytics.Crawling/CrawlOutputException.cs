namespace DanVan.Analytics.Crawling;

/// <summary>
/// The crawl's output or archive could not be written (a full disk, a directory where a file was expected, a
/// read-only file). The pages not yet committed stay in the frontier, so the same crawl run again once the cause
/// is fixed loses nothing.
/// </summary>
public sealed class CrawlOutputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CrawlOutputException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What could not be written, and why.</param>
    public CrawlOutputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What could not be written, and why.</param>
    /// <param name="innerException">The cause.</param>
    public CrawlOutputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
