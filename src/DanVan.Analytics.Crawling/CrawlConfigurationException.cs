namespace DanVan.Analytics.Crawling;

/// <summary>The crawl cannot start: an invalid seed, an unusable state directory, contradictory options.</summary>
public sealed class CrawlConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CrawlConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong, in words the user can act on.</param>
    public CrawlConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CrawlConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
