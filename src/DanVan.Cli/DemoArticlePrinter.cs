using DanVan.Analytics.Articles;
using DanVan.Analytics.Extraction;
using DanVan.Analytics.Pipeline;

namespace DanVan.Cli;

/// <summary>The demo's screen as a pipeline sink: each article's headline, metadata and facts.</summary>
internal sealed class DemoArticlePrinter(TextWriter output) : IArticleSink
{
    public ValueTask WriteAsync(ProcessedArticle article, CancellationToken cancellationToken)
    {
        ArticleRecord record = article.Record;
        output.WriteLine($"{record.Id}: \"{record.Title}\"");
        output.WriteLine($"  {record.Site ?? "?"}, {record.Published?.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture) ?? "no date"}, by {(record.Authors.Count > 0 ? string.Join(", ", record.Authors) : "?")}; "
            + $"{record.Paragraphs.Count} paragraphs, {record.Captions.Count} captions, {record.Warnings.Count} warnings");
        if (article.Facts is not { } found)
        {
            return ValueTask.CompletedTask;
        }

        if (found.Documents.Count > 0)
        {
            output.WriteLine($"  documents: {string.Join(", ", found.Documents.Select(d => d.Canonical ?? d.Surface).Distinct())}");
        }

        foreach (ModelCount count in found.ModelCounts)
        {
            output.WriteLine($"  model count: {count.Value:N0} {count.Noun} ({count.Qualifier}{(count.Movement is null ? "" : ", " + count.Movement)}) ← \"{count.Surface}\"");
        }

        foreach (Official official in found.Officials.Take(4))
        {
            output.WriteLine($"  official: {official.Name}{(official.Titles.Count > 0 ? " — " + string.Join("; ", official.Titles.Select(t => t.Text)) : "")}");
        }

        if (found.Officials.Count > 4)
        {
            output.WriteLine($"  … and {found.Officials.Count - 4} more officials");
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
