namespace DanVan.Analytics.Crawling.State;

/// <summary>The crawl state directory cannot be used (not a crawl database, a newer schema, a corrupt file).</summary>
public sealed class CrawlStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CrawlStateException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public CrawlStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CrawlStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
