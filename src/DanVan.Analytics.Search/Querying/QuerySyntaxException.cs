namespace DanVan.Analytics.Search.Querying;

/// <summary>A search query could not be read; <see cref="Position"/> points at the problem.</summary>
public sealed class QuerySyntaxException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, in words for the user.</param>
    /// <param name="position">The offset in the query where the problem is.</param>
    public QuerySyntaxException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    /// <summary>Creates the exception at position 0.</summary>
    public QuerySyntaxException()
        : this("The query could not be read.", 0)
    {
    }

    /// <summary>Creates the exception at position 0.</summary>
    public QuerySyntaxException(string message)
        : this(message, 0)
    {
    }

    /// <summary>Creates the exception at position 0.</summary>
    public QuerySyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The offset in the query where the problem is.</summary>
    public int Position { get; }
}
