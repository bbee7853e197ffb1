using System.Runtime.CompilerServices;
using System.Text.Json;

namespace DanVan.Analytics.Datasets.Sources;

/// <summary>
/// Reads article JSONL: article records (<c>danvan parse</c>/<c>danvan crawl</c> output: title, lead, body) and plain cases
/// (<c>{"id", "text"}</c>), one at a time. A line that is not one of them is reported and skipped.
/// </summary>
/// <remarks>
/// SEAM, TEMPORARY: the core's <c>ArticleRecordReader</c> (architecture issue 12 §1) replaces this reader when it lands;
/// until then it reads the field names of both the camelCase and the snake_case record.
/// </remarks>
public static class ArticleLineReader
{
    /// <summary>Reads the articles of <paramref name="path"/>.</summary>
    /// <param name="path">The JSONL file.</param>
    /// <param name="onBadLine">Told of each skipped line; may throw to stop (strict mode).</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static async IAsyncEnumerable<DatasetArticle> ReadAsync(string path, Action<BadLine> onBadLine,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(onBadLine);
        string file = Path.GetFileName(path);
        long lineNumber = 0;
        await foreach (string line in File.ReadLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            DatasetArticle? article = null;
            string? reason = null;
            try
            {
                article = Parse(line, file, lineNumber, out reason);
            }
            catch (JsonException e)
            {
                reason = "not JSON: " + e.Message;
            }

            if (article is null)
            {
                onBadLine(new BadLine(file, lineNumber, reason ?? "not an article"));
                continue;
            }

            yield return article;
        }
    }

    private static DatasetArticle? Parse(string line, string file, long lineNumber, out string? reason)
    {
        using var document = JsonDocument.Parse(line);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            reason = "not a JSON object";
            return null;
        }

        string? id = String(root, "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            reason = "no \"id\"";
            return null;
        }

        string? title = String(root, "title");
        string? text = String(root, "text");
        if (text is null)
        {
            string? lead = String(root, "lead");
            string? body = String(root, "body");
            if (title is null && lead is null && body is null)
            {
                reason = "neither \"text\" nor an article's \"title\", \"lead\" or \"body\"";
                return null;
            }

            text = ArticleText.Join(title, lead, body);
        }

        DateTimeOffset? published = null;
        if (String(root, "published") is { } p && DateTimeOffset.TryParse(p, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out DateTimeOffset parsed))
        {
            published = parsed;
        }

        var authors = new List<string>();
        if (root.TryGetProperty("authors", out JsonElement a) && a.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement author in a.EnumerateArray())
            {
                if (author.ValueKind == JsonValueKind.String && author.GetString() is { Length: > 0 } name)
                {
                    authors.Add(name);
                }
            }
        }

        reason = null;
        return new DatasetArticle
        {
            Id = id,
            Text = text,
            Url = String(root, "url") ?? String(root, "canonical_url") ?? String(root, "canonicalUrl") ?? String(root, "source"),
            Site = String(root, "site"),
            Title = title,
            Published = published,
            Authors = authors,
            SourceFile = file,
            SourceLine = (int)Math.Min(lineNumber, int.MaxValue),
            WarcFile = String(root, "warc_file"),
            WarcRecordId = String(root, "warc_record_id"),
        };
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
