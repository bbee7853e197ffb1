using System.Text;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Crawling.Archiving;
using DanVan.Analytics.Datasets.Sources;
using DanVan.Analytics.Parsing;

namespace DanVan.Cli.Commands;

/// <summary>
/// The articles of a WARC file (the crawler's or a standard one such as Common Crawl's): each HTML <c>response</c> record
/// with status 200, parsed, with the WARC file and record id as provenance. Composed here, in the CLI, so that the
/// Datasets project depends on neither the crawler nor the HTML parser.
/// </summary>
internal static class WarcArticleSource
{
    public static IEnumerable<DatasetArticle> Read(string path, JsonLinesReadOptions options, CancellationToken cancellationToken)
    {
        string file = Path.GetFileName(path);
        var parser = new ArticleParser();
        long index = 0;
        using var reader = new WarcReader(File.OpenRead(path));
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WarcRecord? record;
            string? failure = null;
            try
            {
                record = reader.Read();
            }
            catch (WarcFormatException e)
            {
                record = null;
                failure = "not a WARC record: " + e.Message;
            }

            if (failure is not null)
            {
                // A damaged archive cannot be resynchronised safely: report and stop reading this file.
                JsonLines.Report(new BadLine(file, index + 1, failure), options);
                yield break;
            }

            if (record is null)
            {
                yield break;
            }

            index++;
            if (record.Type != "response" || record.HttpStatusCode != 200 || !IsHtml(record, out string? contentType))
            {
                continue;
            }

            DatasetArticle? article = null;
            try
            {
                Uri? url = Uri.TryCreate(record.TargetUri, UriKind.Absolute, out Uri? u) ? u : null;
                Article parsed = parser.Parse(record.SplitHttp().Payload, url, contentType, cancellationToken);
                ArticleRecord parsedRecord = parsed.ToRecord(record.RecordId ?? record.TargetUri ?? file + "#" + index) with
                {
                    WarcFile = file,
                    WarcRecordId = record.RecordId,
                };
                if (parsedRecord.ComposeText().Length > 0)
                {
                    article = DatasetArticle.From(parsedRecord, file) with { Site = parsed.Site ?? url?.Host };
                }
            }

            catch (ArticleParseException e)
            {
                JsonLines.Report(new BadLine(file, index, "page not parsed: " + e.Message), options);
            }

            if (article is not null)
            {
                yield return article;
            }
        }
    }

    private static bool IsHtml(WarcRecord record, out string? contentType)
    {
        string head = Encoding.ASCII.GetString(record.SplitHttp().Head.Span);
        contentType = null;
        foreach (string line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))
            {
                contentType = line["Content-Type:".Length..].Trim();
            }
        }

        return contentType is null || contentType.Contains("html", StringComparison.OrdinalIgnoreCase);
    }
}
