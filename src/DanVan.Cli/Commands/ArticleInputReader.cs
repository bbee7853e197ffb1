using DanVan.Analytics.Articles;
using DanVan.Analytics.Learning.Data;

namespace DanVan.Cli.Commands;

/// <summary>An article read for learning: identifier, text and publication day.</summary>
internal sealed record ArticleInput(string Id, string Text, DateOnly? Date);

/// <summary>
/// The learning commands' view of the core's <see cref="ArticleRecordReader"/>: article records and plain
/// <c>{"id", "text"}</c> cases with the one definition of an article's text (<see cref="ArticleRecord.ComposeText"/>).
/// A plain case loses the page store's " date …" marker, as in training. Bad lines and records without text are
/// reported to <paramref name="problems"/> and skipped.
/// </summary>
internal static class ArticleInputReader
{
    /// <summary>Streams the usable articles of <paramref name="path"/>.</summary>
    public static IEnumerable<ArticleInput> Read(string path, List<BadLine> problems, CancellationToken cancellationToken = default)
    {
        var options = new JsonLinesReadOptions { OnBadLine = problems.Add };
        long count = 0;
        foreach (ArticleRecord record in ArticleRecordReader.ReadAsync(path, options, cancellationToken).ToBlockingEnumerable(cancellationToken))
        {
            count++;
            string text = record.Text is { } plain ? LabeledDataReader.StripDateMarker(plain) : record.ComposeText();
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add(new BadLine(path, count + problems.Count, $"'{record.Id}' has no text"));
                continue;
            }

            yield return new ArticleInput(record.Id, text, record.Published is { } published ? DateOnly.FromDateTime(published.Date) : null);
        }
    }

    /// <summary>Writes each problem as the product reports bad lines: one JSON object on standard error.</summary>
    public static void Report(IEnumerable<BadLine> problems)
    {
        foreach (BadLine problem in problems)
        {
            Console.Error.WriteLine(ArticleRecordJson.Serialize(problem));
        }
    }
}
