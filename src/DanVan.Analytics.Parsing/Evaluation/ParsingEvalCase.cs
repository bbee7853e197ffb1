using System.Text.Json;

namespace DanVan.Analytics.Parsing.Evaluation;

/// <summary>
/// One annotated page of an article-extraction evaluation set: passages the body must contain and must not
/// contain, and the page's title, author and publication date as annotated (null when not annotated).
/// </summary>
/// <param name="Id">The page's id in the manifest.</param>
/// <param name="Url">The page's address, or null when the manifest gives a label instead.</param>
/// <param name="Path">The page file, absolute.</param>
/// <param name="With">Passages of the main text.</param>
/// <param name="Without">Passages of boilerplate.</param>
/// <param name="Title">The annotated title, or null.</param>
/// <param name="Author">The annotated author(s) as one string, or null; empty means the annotator found none.</param>
/// <param name="Date">The annotated publication date, or null.</param>
public sealed record ParsingEvalCase(
    string Id,
    Uri? Url,
    string Path,
    IReadOnlyList<string> With,
    IReadOnlyList<string> Without,
    string? Title,
    string? Author,
    DateOnly? Date)
{
    /// <summary>
    /// Reads a manifest of <c>{"id", "url", "path", "with", "without", "title"?, "author"?, "date"?}</c> lines;
    /// relative paths are resolved against the manifest's folder. A line that is not such an object is skipped
    /// and reported through <paramref name="skipped"/> with its line number.
    /// </summary>
    /// <param name="manifestPath">The JSONL manifest.</param>
    /// <param name="skipped">Receives the number and reason of each skipped line, when given.</param>
    public static IEnumerable<ParsingEvalCase> ReadManifest(string manifestPath, Action<int, string>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(manifestPath);
        string root = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(manifestPath)) ?? ".";
        int lineNumber = 0;
        foreach (string line in File.ReadLines(manifestPath))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            ParsingEvalCase? entry = null;
            string reason = "not a JSON object with \"id\" and \"path\"";
            try
            {
                entry = Parse(line, root);
            }
            catch (JsonException exception)
            {
                reason = exception.Message;
            }

            if (entry is null)
            {
                skipped?.Invoke(lineNumber, reason);
                continue;
            }

            yield return entry;
        }
    }

    private static ParsingEvalCase? Parse(string line, string root)
    {
        using JsonDocument document = JsonDocument.Parse(line);
        JsonElement e = document.RootElement;
        if (e.ValueKind != JsonValueKind.Object || String(e, "id") is not { } id || String(e, "path") is not { } path)
        {
            return null;
        }

        Uri? url = Uri.TryCreate(String(e, "url"), UriKind.Absolute, out Uri? parsed) && parsed.Scheme is "http" or "https" ? parsed : null;
        DateOnly? date = DateOnly.TryParseExact(String(e, "date"), "yyyy-MM-dd", out DateOnly d) ? d : null;
        return new ParsingEvalCase(id, url, System.IO.Path.GetFullPath(path, root), Strings(e, "with"), Strings(e, "without"), String(e, "title"), String(e, "author"), date);
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Strings(JsonElement e, string name)
    {
        var list = new List<string>();
        if (e.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
                {
                    list.Add(item.GetString()!);
                }
            }
        }

        return list;
    }
}
