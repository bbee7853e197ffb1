namespace DanVan.Analytics.Articles;

/// <summary>
/// Reads article records from JSON Lines, one at a time: the output of <c>danvan parse</c> and <c>danvan crawl</c>
/// (this schema version and the camelCase files written before it) and plain cases <c>{"id", "text"}</c> alike
/// (see <see cref="ArticleRecordJson.Deserialize"/> for what a line must hold). Bad lines follow
/// <see cref="JsonLinesReadOptions"/>.
/// </summary>
/// <example>
/// <code>
/// var options = new JsonLinesReadOptions { OnBadLine = bad => Console.Error.WriteLine(ArticleRecordJson.Serialize(bad)) };
/// await foreach (ArticleRecord article in ArticleRecordReader.ReadAsync("articles.jsonl", options, cancellationToken))
/// {
///     string text = article.ComposeText();
/// }
/// </code>
/// </example>
public static class ArticleRecordReader
{
    /// <summary>Reads the records of <paramref name="path"/> (<c>-</c>: standard input).</summary>
    /// <param name="path">The JSONL file.</param>
    /// <param name="options">The bad-line policy; without it a bad line throws <see cref="BadLineException"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    public static IAsyncEnumerable<ArticleRecord> ReadAsync(string path, JsonLinesReadOptions? options = null, CancellationToken cancellationToken = default) =>
        JsonLines.ReadAsync(path, ArticleRecordJson.Deserialize, options, cancellationToken);

    /// <summary>Reads the records of <paramref name="stream"/>, which stays open.</summary>
    /// <param name="stream">UTF-8 JSON Lines.</param>
    /// <param name="name">The input's name in bad-line reports.</param>
    /// <param name="options">The bad-line policy; without it a bad line throws <see cref="BadLineException"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static IAsyncEnumerable<ArticleRecord> ReadAsync(Stream stream, string name, JsonLinesReadOptions? options = null, CancellationToken cancellationToken = default) =>
        JsonLines.ReadAsync(stream, name, ArticleRecordJson.Deserialize, options, cancellationToken);
}
