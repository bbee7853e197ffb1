using System.Globalization;
using System.Text.Json;
using DanVan.Analytics.Learning.Data;

namespace DanVan.Cli.Commands;

/// <summary>An article read for learning: identifier, text and publication day.</summary>
internal sealed record ArticleInput(string Id, string Text, DateOnly? Date);

/// <summary>A line that could not be used, with the reason.</summary>
internal sealed record ArticleInputProblem(int Line, string Reason);

/// <summary>
/// SEAM (temporary, for <c>classify</c> and <c>topics</c> only): reads article records (<c>title</c>/<c>lead</c>/<c>body</c>,
/// <c>published</c>) and plain cases (<c>{"id", "text"}</c>, <c>date</c>) line by line. The architecture work moves one
/// streaming <c>ArticleRecordReader</c> with the one definition of an article's text into the core; once it is on main this
/// class goes and the two commands read through it.
/// </summary>
internal static class ArticleInputReader
{
    /// <summary>Streams the usable articles of <paramref name="path"/>; unusable lines go to <paramref name="problems"/>.</summary>
    public static IEnumerable<ArticleInput> Read(string path, List<ArticleInputProblem> problems)
    {
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            ArticleInput? input = null;
            string? problem = null;
            try
            {
                using JsonDocument document = JsonDocument.Parse(line);
                input = Parse(document.RootElement, out problem);
            }
            catch (JsonException e)
            {
                problem = $"not JSON ({e.Message})";
            }

            if (input is null)
            {
                problems.Add(new ArticleInputProblem(lineNumber, problem ?? "unreadable"));
                continue;
            }

            yield return input;
        }
    }

    private static ArticleInput? Parse(JsonElement root, out string? problem)
    {
        problem = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = "not a JSON object";
            return null;
        }

        string? id = StringOf(root, "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            problem = "no \"id\"";
            return null;
        }

        string text = StringOf(root, "text") is { } plain
            ? LabeledDataReader.StripDateMarker(plain)
            : string.Join("\n\n", new[] { StringOf(root, "title"), StringOf(root, "lead"), StringOf(root, "body") }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = $"'{id}' has no text";
            return null;
        }

        return new ArticleInput(id, text, DateOf(StringOf(root, "published") ?? StringOf(root, "date")));
    }

    private static DateOnly? DateOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset moment) && value.Length > 7)
        {
            return DateOnly.FromDateTime(moment.DateTime);
        }

        return DateOnly.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly month) ? month : null;
    }

    private static string? StringOf(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
