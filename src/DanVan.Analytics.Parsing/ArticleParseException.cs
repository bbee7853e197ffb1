namespace DanVan.Analytics.Parsing;

/// <summary>The input is not a page that can be parsed at all; <see cref="Kind"/> says why.</summary>
public sealed class ArticleParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ArticleParseException()
        : this(ArticleParseErrorKind.Unreadable, "The page could not be parsed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public ArticleParseException(string message)
        : this(ArticleParseErrorKind.Unreadable, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ArticleParseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = ArticleParseErrorKind.Unreadable;
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Why the page cannot be parsed.</param>
    /// <param name="message">An explanation for people.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public ArticleParseException(ArticleParseErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>Why the page cannot be parsed.</summary>
    public ArticleParseErrorKind Kind { get; }
}

/// <summary>The reasons for an <see cref="ArticleParseException"/>.</summary>
public enum ArticleParseErrorKind
{
    /// <summary>The input is empty or only whitespace.</summary>
    Empty,

    /// <summary>The input is not an HTML page: binary data (an image, a PDF, an archive, known by its signature or its control bytes) or text without any HTML markup.</summary>
    NotHtml,

    /// <summary>The input could not be read (I/O or decompression failed).</summary>
    Unreadable,
}
