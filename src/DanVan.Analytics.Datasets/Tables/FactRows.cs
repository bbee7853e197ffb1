using System.Globalization;
using DanVan.Analytics.Extraction;

namespace DanVan.Analytics.Datasets.Tables;

/// <summary>The rows of the fact tables for one article's facts: the values <c>danvan extract</c> reports, flattened.</summary>
internal static class FactRows
{
    public static IEnumerable<DocumentRow> Documents(string articleId, string split, ExtractionResult facts) =>
        facts.Documents.Select(d => new DocumentRow
        {
            ArticleId = articleId,
            Split = split,
            Canonical = d.Canonical,
            DocType = d.DocumentType,
            Number = d.Number,
            Date = d.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IsShort = d.IsShort,
            IssuerBody = d.IssuingBody,
            Term = d.Term,
            Surface = d.Surface,
            Start = d.Span.Start,
            Length = d.Span.Length,
            Sentence = d.SentenceIndex,
        });

    public static IEnumerable<ModelCountRow> ModelCounts(string articleId, string split, ExtractionResult facts) =>
        facts.ModelCounts.Select(c => new ModelCountRow
        {
            ArticleId = articleId,
            Split = split,
            Value = c.Value,
            Qualifier = Evaluation.ExtractionCaseJson.QualifierName(c.Qualifier),
            Noun = c.Noun,
            Movement = c.Movement,
            Scope = c.Scope,
            Period = c.Period,
            Surface = c.Surface,
            Start = c.Span.Start,
            Length = c.Span.Length,
            Sentence = c.SentenceIndex,
        });

    public static IEnumerable<OfficialRow> Officials(string articleId, string split, ExtractionResult facts) =>
        facts.Officials.Select(o => new OfficialRow
        {
            ArticleId = articleId,
            Split = split,
            Name = o.Name,
            Titles = [.. o.Titles.Select(t => t.Text)],
            Positions = [.. o.Titles.Select(t => t.Position)],
            Organisations = [.. o.Titles.Select(t => t.Organisation ?? string.Empty)],
            Levels = [.. o.Titles.Select(t => t.Level.ToString().ToLowerInvariant())],
            Mentions = o.Mentions.Count,
            Start = o.Mentions.Count > 0 ? o.Mentions[0].Span.Start : 0,
            Length = o.Mentions.Count > 0 ? o.Mentions[0].Span.Length : 0,
        });
}
