using System.Runtime.CompilerServices;
using DanVan.Analytics.Articles;

namespace DanVan.Analytics.Parsing;

/// <summary>Options of <see cref="ManifestArticleSource"/>.</summary>
public sealed record ManifestSourceOptions
{
    /// <summary>The bad-line policy for the manifest's own lines (not JSON, no id or path, a URL that is not absolute).</summary>
    public JsonLinesReadOptions? Lines { get; init; }

    /// <summary>Called for each page that could not be parsed; the read goes on. When null such a page throws <see cref="ArticleParseException"/> or the I/O error.</summary>
    public Action<ArticleFailure>? OnFailure { get; init; }

    /// <summary>A file the caller is writing (the output): a page that resolves to it is refused rather than read.</summary>
    public string? ProtectedPath { get; init; }

    /// <summary>
    /// Whether pages may lie outside the manifest's folder. False (the default): a path that leaves the folder,
    /// after <c>..</c> and symbolic links are resolved, is refused with the kind <c>OutsideManifestFolder</c>, so an
    /// untrusted manifest cannot copy <c>/proc/self/environ</c> or <c>../../etc/passwd</c> into the output.
    /// </summary>
    public bool AllowOutside { get; init; }

    /// <summary>The parser; a new one with the default options when null.</summary>
    public ArticleParser? Parser { get; init; }
}

/// <summary>
/// The pipeline's HTML source: reads a manifest of <c>{"id", "url", "path"}</c> lines and parses each page into an
/// <see cref="ArticleRecord"/>, one at a time. Relative paths are resolved against the manifest's folder, and
/// pages must lie inside that folder unless <see cref="ManifestSourceOptions.AllowOutside"/> is set. A file that is
/// not HTML by its content (binary, a PDF, an image, plain text) is refused with the kind <c>NotHtml</c>.
/// </summary>
public static class ManifestArticleSource
{
    /// <summary>The records of the pages that <paramref name="manifestPath"/> lists, in its order.</summary>
    /// <param name="manifestPath">The manifest (<c>-</c>: standard input, paths then relative to, and confined to, the working folder).</param>
    /// <param name="options">Bad lines, failed pages, the protected output.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static IAsyncEnumerable<ArticleRecord> ReadAsync(string manifestPath, ManifestSourceOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(manifestPath);
        options ??= new ManifestSourceOptions();
        string directory = manifestPath == JsonLines.StandardStream
            ? Directory.GetCurrentDirectory()
            : Path.GetDirectoryName(Path.GetFullPath(manifestPath)) ?? Directory.GetCurrentDirectory();
        return ReadEntriesAsync(manifestPath, directory, JsonLines.ReadNumberedAsync(manifestPath, ParseEntry, options.Lines, cancellationToken), options, cancellationToken);
    }

    /// <summary>
    /// The records of the pages in <paramref name="directory"/> and its subfolders (<c>.html</c>, <c>.htm</c>, and the
    /// same gzipped), in ordinal order of their relative paths; each page's id is its relative path without the
    /// extension, its URL unknown. Pages are confined to the folder as a manifest's are (a link out of it is refused
    /// unless <see cref="ManifestSourceOptions.AllowOutside"/>); failures name the folder as their file and the page's
    /// rank as their line.
    /// </summary>
    /// <param name="directory">The folder of pages.</param>
    /// <param name="options">Failed pages, the protected output (<see cref="ManifestSourceOptions.Lines"/> is not used).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="DirectoryNotFoundException"><paramref name="directory"/> does not exist.</exception>
    public static IAsyncEnumerable<ArticleRecord> ReadDirectoryAsync(string directory, ManifestSourceOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The folder {root} does not exist.");
        }

        return ReadEntriesAsync(directory, root, PagesOf(root).ToAsyncEnumerable(), options ?? new ManifestSourceOptions(), cancellationToken);
    }

    /// <summary>The number of pages <see cref="ReadDirectoryAsync"/> reads from <paramref name="directory"/> (for progress and remaining time).</summary>
    /// <param name="directory">A folder of saved pages.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static int CountDirectoryPages(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string root = Path.GetFullPath(directory);
        return Directory.Exists(root) ? PagesOf(root).Count() : throw new DirectoryNotFoundException($"The folder {root} does not exist.");
    }

    private static readonly string[] PageExtensions = [".html", ".htm", ".html.gz", ".htm.gz"];

    private static IEnumerable<(long Line, ManifestEntry Entry)> PagesOf(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        string[] pages = Directory.EnumerateFiles(root, "*", options)
            .Select(path => Path.GetRelativePath(root, path))
            .Where(relative => PageExtensions.Any(e => relative.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .ToArray();
        long rank = 0;
        foreach (string relative in pages)
        {
            string extension = PageExtensions.Where(e => relative.EndsWith(e, StringComparison.OrdinalIgnoreCase)).MaxBy(e => e.Length)!;
            yield return (++rank, new ManifestEntry(relative[..^extension.Length].Replace(Path.DirectorySeparatorChar, '/'), null, relative));
        }
    }

    private static async IAsyncEnumerable<ArticleRecord> ReadEntriesAsync(string source, string directory, IAsyncEnumerable<(long Line, ManifestEntry Entry)> entries, ManifestSourceOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string manifestPath = source;
        ArticleParser parser = options.Parser ?? new ArticleParser();
        string? protectedPath = options.ProtectedPath is { } p ? FileIdentity.Resolve(p) : null;
        await foreach ((long lineNumber, ManifestEntry entry) in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            int line = (int)Math.Min(lineNumber, int.MaxValue);
            string path = entry.ResolvePath(directory);
            ArticleFailure? failure = null;
            ArticleRecord? record = null;
            if (protectedPath is not null && FileIdentity.AreSame(path, protectedPath))
            {
                failure = new ArticleFailure(manifestPath, line, entry.Id, "OutputIsInput", $"{path} is the output file; it is not read as a page.");
            }
            else if (!options.AllowOutside && !FileIdentity.IsInside(path, directory))
            {
                failure = new ArticleFailure(manifestPath, line, entry.Id, "OutsideManifestFolder", $"{entry.Path} resolves to {FileIdentity.Resolve(path)}, outside the manifest's folder {directory}; it is not read unless outside paths are allowed.");
            }
            else
            {
                try
                {
                    Uri? url = entry.Url is null ? null : new Uri(entry.Url, UriKind.Absolute);
                    await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, useAsync: true);
                    Article article = await parser.ParseAsync(stream, url, cancellationToken: cancellationToken);
                    record = article.ToRecord(entry.Id!);
                }
                catch (ArticleParseException exception) when (options.OnFailure is not null)
                {
                    failure = new ArticleFailure(manifestPath, line, entry.Id, exception.Kind.ToString(), exception.Message);
                }
                catch (Exception exception) when (options.OnFailure is not null && exception is FileNotFoundException or DirectoryNotFoundException)
                {
                    failure = new ArticleFailure(manifestPath, line, entry.Id, "FileNotFound", $"{path} does not exist.");
                }
                catch (Exception exception) when (options.OnFailure is not null && exception is IOException or UnauthorizedAccessException)
                {
                    failure = new ArticleFailure(manifestPath, line, entry.Id, "Unreadable", $"{path}: {exception.Message}");
                }
            }

            if (record is not null)
            {
                yield return record;
            }
            else if (failure is not null)
            {
                if (options.OnFailure is null)
                {
                    throw new InvalidDataException(failure.Reason);
                }

                options.OnFailure(failure);
            }
        }
    }

    private static ManifestEntry ParseEntry(string line)
    {
        ManifestEntry entry;
        try
        {
            entry = ArticleJson.DeserializeManifestEntry(line);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new System.Text.Json.JsonException("not a manifest line {\"id\", \"url\", \"path\"}: " + e.Message, e);
        }

        if (string.IsNullOrWhiteSpace(entry.Id) || string.IsNullOrWhiteSpace(entry.Path))
        {
            throw new FormatException("a manifest line needs an \"id\" and a \"path\"");
        }

        if (entry.Url is not null && !Uri.TryCreate(entry.Url, UriKind.Absolute, out _))
        {
            throw new FormatException($"\"{entry.Url}\" is not an absolute URL");
        }

        return entry;
    }
}
