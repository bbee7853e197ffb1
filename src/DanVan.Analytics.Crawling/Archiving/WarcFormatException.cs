namespace DanVan.Analytics.Crawling.Archiving;

/// <summary>The data is not a well-formed WARC file.</summary>
public sealed class WarcFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WarcFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong and where.</param>
    public WarcFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="innerException">The cause.</param>
    public WarcFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
