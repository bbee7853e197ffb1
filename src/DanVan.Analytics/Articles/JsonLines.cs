using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace DanVan.Analytics.Articles;

/// <summary>
/// Reads JSON Lines one line at a time (never the whole input in memory) with the product's one bad-line policy:
/// blank lines are skipped, a line the parser refuses becomes a <see cref="BadLine"/> that goes to
/// <see cref="JsonLinesReadOptions.OnBadLine"/>, and the read goes on, or stops with <see cref="BadLineException"/>
/// when <see cref="JsonLinesReadOptions.Strict"/> is set or nobody listens.
/// </summary>
public static class JsonLines
{
    /// <summary>The path that means standard input (for reading) or standard output (for writing).</summary>
    public const string StandardStream = "-";

    /// <summary>Opens <paramref name="path"/> for reading, or standard input for <c>-</c>.</summary>
    /// <exception cref="IOException">The file cannot be opened (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static Stream OpenRead(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return path == StandardStream
            ? Console.OpenStandardInput()
            : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, useAsync: true);
    }

    /// <summary>Creates (or truncates) <paramref name="path"/> for writing, or opens standard output for <c>-</c>.</summary>
    /// <exception cref="IOException">The file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be written.</exception>
    public static Stream OpenWrite(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return path == StandardStream
            ? Console.OpenStandardOutput()
            : new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16, useAsync: true);
    }

    /// <summary>Reads the lines of <paramref name="path"/> (<c>-</c>: standard input) through <paramref name="parse"/>.</summary>
    /// <typeparam name="T">What a line becomes.</typeparam>
    /// <param name="path">The file.</param>
    /// <param name="parse">Turns one non-blank line into a value; throws <see cref="JsonException"/> or <see cref="FormatException"/> with the reason for a bad line.</param>
    /// <param name="options">The bad-line policy; without it a bad line throws.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async IAsyncEnumerable<T> ReadAsync<T>(string path, Func<string, T> parse, JsonLinesReadOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parse);
        await using Stream stream = OpenRead(path);
        await foreach (T value in ReadAsync(stream, path, parse, options, cancellationToken))
        {
            yield return value;
        }
    }

    /// <summary>Reads the lines of <paramref name="stream"/> through <paramref name="parse"/>; the stream stays open.</summary>
    /// <typeparam name="T">What a line becomes.</typeparam>
    /// <param name="stream">UTF-8 JSON Lines.</param>
    /// <param name="name">The input's name in <see cref="BadLine.File"/>.</param>
    /// <param name="parse">Turns one non-blank line into a value; throws <see cref="JsonException"/> or <see cref="FormatException"/> with the reason for a bad line.</param>
    /// <param name="options">The bad-line policy; without it a bad line throws.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async IAsyncEnumerable<T> ReadAsync<T>(Stream stream, string name, Func<string, T> parse, JsonLinesReadOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach ((long _, T value) in ReadNumberedAsync(stream, name, parse, options, cancellationToken))
        {
            yield return value;
        }
    }

    /// <summary>As <see cref="ReadAsync{T}(string, Func{string, T}, JsonLinesReadOptions?, CancellationToken)"/>, each value with its line number (from 1).</summary>
    /// <typeparam name="T">What a line becomes.</typeparam>
    /// <param name="path">The file (<c>-</c>: standard input).</param>
    /// <param name="parse">Turns one non-blank line into a value; throws <see cref="JsonException"/> or <see cref="FormatException"/> with the reason for a bad line.</param>
    /// <param name="options">The bad-line policy; without it a bad line throws.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async IAsyncEnumerable<(long Line, T Value)> ReadNumberedAsync<T>(string path, Func<string, T> parse, JsonLinesReadOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parse);
        await using Stream stream = OpenRead(path);
        await foreach ((long Line, T Value) item in ReadNumberedAsync(stream, path, parse, options, cancellationToken))
        {
            yield return item;
        }
    }

    private static async IAsyncEnumerable<(long Line, T Value)> ReadNumberedAsync<T>(Stream stream, string name, Func<string, T> parse, JsonLinesReadOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(parse);
        using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        long lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            T value;
            try
            {
                value = parse(line);
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                Report(new BadLine(name, lineNumber, e.Message), options);
                continue;
            }

            yield return (lineNumber, value);
        }
    }

    /// <summary>Applies the policy to <paramref name="badLine"/>: reports it, and throws when the read must stop.</summary>
    /// <exception cref="BadLineException">The read is strict, or nobody listens for bad lines.</exception>
    public static void Report(BadLine badLine, JsonLinesReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(badLine);
        if (options?.OnBadLine is not { } onBadLine)
        {
            throw new BadLineException(badLine);
        }

        onBadLine(badLine);
        if (options.Strict)
        {
            throw new BadLineException(badLine);
        }
    }
}
