using DanVan.Analytics.Datasets.Tables;
using DanVan.Analytics.Evaluation;
using DanVan.Analytics.Pipeline;

namespace DanVan.Cli.Commands;

/// <summary>
/// <c>danvan extract --format csv</c>: the facts in long form, one row per fact (per mention for an official), so a
/// spreadsheet or <c>pandas.read_csv</c> counts them directly. The values are those of the JSONL output (the gold
/// schema's shape); an article without facts has no row.
/// </summary>
internal sealed class FactsCsvSink(CsvTable table) : IArticleSink
{
    /// <summary>The header: <c>fact</c> is document, model_count or official; <c>value</c> the canonical code, the count or the name; <c>type</c> the document type, the counted noun or the titles.</summary>
    public static readonly string[] Columns = ["article_id", "fact", "value", "type", "surface", "start", "length", "sentence"];

    public ValueTask WriteAsync(ProcessedArticle article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (article.Facts is not { } found)
        {
            return ValueTask.CompletedTask;
        }

        ExtractionCase facts = ExtractionCaseJson.FromResult(article.Record.Id, found);
        foreach (CaseDocument d in facts.Documents)
        {
            Row(facts.Id, "document", d.Canonical ?? d.Number ?? d.Surface, d.DocType, d.Surface, d.Start, d.Length, d.Sentence);
        }

        foreach (CaseModelCount m in facts.ModelCounts)
        {
            Row(facts.Id, "model_count", m.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Noun, m.Surface, m.Start, m.Length, m.Sentence);
        }

        foreach (CaseOfficial o in facts.Officials)
        {
            string titles = string.Join("; ", o.Titles);
            if (o.Mentions is not { Count: > 0 } mentions)
            {
                Row(facts.Id, "official", o.Name, titles, null, null, null, null);
                continue;
            }

            foreach (CaseMention mention in mentions)
            {
                Row(facts.Id, "official", o.Name, titles, mention.Surface, mention.Start, mention.Length, mention.Sentence);
            }
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken) => await table.DisposeAsync();

    private void Row(string id, string fact, string value, string? type, string? surface, int? start, int? length, int? sentence)
    {
        table.Field(id);
        table.Field(fact);
        table.Field(value);
        table.Field(type);
        table.Field(surface);
        table.Field(start);
        table.Field(length);
        table.Field(sentence);
        table.EndRow();
    }
}
