namespace DanVan.Analytics.Articles;

/// <summary>
/// A line of a JSON Lines input that could not be read. Every command that reads JSONL reports it the same way:
/// one JSON object <c>{"file", "line", "reason"}</c> on stderr, and the run goes on (or stops, with <c>--strict</c>).
/// </summary>
/// <param name="File">The input's path as given (<c>-</c> for standard input).</param>
/// <param name="Line">The line number, from 1.</param>
/// <param name="Reason">What is wrong with it, for people.</param>
public sealed record BadLine(string File, long Line, string Reason);

/// <summary>A bad line stopped a read: the reader was strict, or it had no one to report the line to.</summary>
public sealed class BadLineException : Exception
{
    /// <summary>Creates the exception for <paramref name="badLine"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="badLine"/> is null.</exception>
    public BadLineException(BadLine badLine)
        : base(Describe(badLine))
    {
        BadLine = badLine;
    }

    /// <summary>The line.</summary>
    public BadLine BadLine { get; }

    private static string Describe(BadLine badLine)
    {
        ArgumentNullException.ThrowIfNull(badLine);
        return $"{badLine.File} line {badLine.Line}: {badLine.Reason}";
    }
}
