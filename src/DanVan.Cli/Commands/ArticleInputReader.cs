using DanVan.Analytics.Articles;
using DanVan.Analytics.Learning.Data;
using DanVan.Cli.CommandLine;

namespace DanVan.Cli.Commands;

/// <summary>An article read for learning: identifier, text and publication day.</summary>
internal sealed record ArticleInput(string Id, string Text, DateOnly? Date);

/// <summary>
/// The learning commands' view of the core's <see cref="ArticleRecordReader"/>: article records and plain
/// <c>{"id", "text"}</c> cases with the one definition of an article's text (<see cref="ArticleRecord.ComposeText"/>).
/// A plain case loses the page store's " date …" marker, as in training. Bad lines and records without text go to
/// <see cref="InputProblems"/> as they are met (stderr, counted for the exit code) and are skipped.
/// </summary>
internal static class ArticleInputReader
{
    /// <summary>Streams the usable articles of <paramref name="path"/>.</summary>
    /// <exception cref="BadLineException">A bad line in a strict run.</exception>
    public static IEnumerable<ArticleInput> Read(string path, InputProblems problems, CancellationToken cancellationToken = default)
    {
        long count = 0;
        foreach (ArticleRecord record in ArticleRecordReader.ReadAsync(path, problems.ReadOptions, cancellationToken).ToBlockingEnumerable(cancellationToken))
        {
            count++;
            string text = record.Text is { } plain ? LabeledDataReader.StripDateMarker(plain) : record.ComposeText();
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Report(new BadLine(path, count + problems.Skipped, $"'{record.Id}' has no text"));
                continue;
            }

            yield return new ArticleInput(record.Id, text, record.Published is { } published ? DateOnly.FromDateTime(published.Date) : null);
        }
    }

}
