using System.Text.Json.Serialization;

namespace DanVan.Analytics.Datasets.Sources;

/// <summary>An input line that was skipped, as reported on standard error: <c>{"file", "line", "reason"}</c>.</summary>
/// <param name="File">The input file's name.</param>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Reason">Why the line was skipped.</param>
public sealed record BadLine(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("line")] long Line,
    [property: JsonPropertyName("reason")] string Reason);

/// <summary>Thrown in strict mode at the first bad input line.</summary>
public sealed class BadInputLineException : Exception
{
    /// <summary>Creates the exception for <paramref name="line"/>.</summary>
    public BadInputLineException(BadLine line)
        : base($"{line?.File} line {line?.Line}: {line?.Reason}") => Line = line!;

    /// <summary>Creates the exception with a message.</summary>
    public BadInputLineException() => Line = new BadLine("", 0, "");

    /// <summary>Creates the exception with a message.</summary>
    public BadInputLineException(string message)
        : base(message) => Line = new BadLine("", 0, message);

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public BadInputLineException(string message, Exception innerException)
        : base(message, innerException) => Line = new BadLine("", 0, message);

    /// <summary>The bad line.</summary>
    public BadLine Line { get; }
}
