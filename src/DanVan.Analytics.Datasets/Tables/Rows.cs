using System.Text.Json.Serialization;

namespace DanVan.Analytics.Datasets.Tables;

/// <summary>A row of one of the dataset's tables: its CSV fields in column order (the JSON and Parquet names are the properties').</summary>
internal interface IDatasetRow
{
    /// <summary>The values for a CSV line, in the order of the CSV header.</summary>
    void WriteCsv(ICsvFields fields);
}

/// <summary>Where a row writes its CSV fields.</summary>
internal interface ICsvFields
{
    void Field(string? value);

    void Field(long value);

    void Field(long? value);

    void Field(bool value);

    /// <summary>A list, joined with "; ".</summary>
    void Field(IReadOnlyList<string> values);
}

/// <summary>A row of <c>articles</c>: one per article.</summary>
public sealed class ArticleRow : IDatasetRow
{
    /// <summary>The CSV header.</summary>
    internal static readonly string[] Columns =
    [
        "article_id", "url", "site", "title", "published", "authors", "split", "text_sha256", "text_length", "extractor_version",
        "annotation_source", "documents", "model_counts", "officials", "duplicate_of", "source_file", "content_sha256", "warc_file", "warc_record_id",
    ];

    /// <summary>The article's id.</summary>
    [JsonPropertyName("article_id")] public string ArticleId { get; set; } = "";

    /// <summary>The address, or null.</summary>
    [JsonPropertyName("url")] public string? Url { get; set; }

    /// <summary>The site or host, or null.</summary>
    [JsonPropertyName("site")] public string? Site { get; set; }

    /// <summary>The headline, or null.</summary>
    [JsonPropertyName("title")] public string? Title { get; set; }

    /// <summary>The publication time, ISO 8601 with its offset, or null.</summary>
    [JsonPropertyName("published")] public string? Published { get; set; }

    /// <summary>The authors.</summary>
    [JsonPropertyName("authors")] public List<string> Authors { get; set; } = [];

    /// <summary>train, dev or test.</summary>
    [JsonPropertyName("split")] public string Split { get; set; } = "";

    /// <summary>The SHA-256 of the text's UTF-8 bytes, lower-case hex.</summary>
    [JsonPropertyName("text_sha256")] public string TextSha256 { get; set; } = "";

    /// <summary>The text's length in UTF-16 code units (the unit of every offset).</summary>
    [JsonPropertyName("text_length")] public long TextLength { get; set; }

    /// <summary>The version of the extractor that made the facts.</summary>
    [JsonPropertyName("extractor_version")] public string ExtractorVersion { get; set; } = "";

    /// <summary>"extractor" or "gold".</summary>
    [JsonPropertyName("annotation_source")] public string AnnotationSource { get; set; } = "";

    /// <summary>The number of document mentions.</summary>
    [JsonPropertyName("documents")] public long Documents { get; set; }

    /// <summary>The number of model-count mentions.</summary>
    [JsonPropertyName("model_counts")] public long ModelCounts { get; set; }

    /// <summary>The number of officials.</summary>
    [JsonPropertyName("officials")] public long Officials { get; set; }

    /// <summary>The article this one nearly duplicates (an earlier one), or null.</summary>
    [JsonPropertyName("duplicate_of")] public string? DuplicateOf { get; set; }

    /// <summary>The input file, or null.</summary>
    [JsonPropertyName("source_file")] public string? SourceFile { get; set; }

    /// <summary>The SHA-256 of the page's decoded content as the crawler recorded it, or null.</summary>
    [JsonPropertyName("content_sha256")] public string? ContentSha256 { get; set; }

    /// <summary>The WARC file, or null.</summary>
    [JsonPropertyName("warc_file")] public string? WarcFile { get; set; }

    /// <summary>The WARC record id, or null.</summary>
    [JsonPropertyName("warc_record_id")] public string? WarcRecordId { get; set; }

    void IDatasetRow.WriteCsv(ICsvFields f)
    {
        f.Field(ArticleId); f.Field(Url); f.Field(Site); f.Field(Title); f.Field(Published); f.Field(Authors); f.Field(Split);
        f.Field(TextSha256); f.Field(TextLength); f.Field(ExtractorVersion); f.Field(AnnotationSource); f.Field(Documents); f.Field(ModelCounts);
        f.Field(Officials); f.Field(DuplicateOf); f.Field(SourceFile); f.Field(ContentSha256); f.Field(WarcFile); f.Field(WarcRecordId);
    }
}

/// <summary>A row of <c>documents</c>: one per document mention.</summary>
public sealed class DocumentRow : IDatasetRow
{
    /// <summary>The CSV header.</summary>
    internal static readonly string[] Columns =
        ["article_id", "split", "canonical", "doc_type", "number", "date", "short", "issuer_body", "term", "surface", "start", "length", "sentence"];

    /// <summary>The article's id.</summary>
    [JsonPropertyName("article_id")] public string ArticleId { get; set; } = "";

    /// <summary>The article's split.</summary>
    [JsonPropertyName("split")] public string Split { get; set; } = "";

    /// <summary>The canonical id, or null.</summary>
    [JsonPropertyName("canonical")] public string? Canonical { get; set; }

    /// <summary>The document type in lower case.</summary>
    [JsonPropertyName("doc_type")] public string? DocType { get; set; }

    /// <summary>The number as written.</summary>
    [JsonPropertyName("number")] public string? Number { get; set; }

    /// <summary>The issue date, yyyy-MM-dd, or null.</summary>
    [JsonPropertyName("date")] public string? Date { get; set; }

    /// <summary>True for a reference without a code.</summary>
    [JsonPropertyName("short")] public bool IsShort { get; set; }

    /// <summary>The issuing body, or null.</summary>
    [JsonPropertyName("issuer_body")] public string? IssuerBody { get; set; }

    /// <summary>The issuing body's term, or null.</summary>
    [JsonPropertyName("term")] public string? Term { get; set; }

    /// <summary>The mention as written.</summary>
    [JsonPropertyName("surface")] public string Surface { get; set; } = "";

    /// <summary>The mention's start in the article's text.</summary>
    [JsonPropertyName("start")] public long Start { get; set; }

    /// <summary>The mention's length.</summary>
    [JsonPropertyName("length")] public long Length { get; set; }

    /// <summary>The 0-based sentence.</summary>
    [JsonPropertyName("sentence")] public long Sentence { get; set; }

    void IDatasetRow.WriteCsv(ICsvFields f)
    {
        f.Field(ArticleId); f.Field(Split); f.Field(Canonical); f.Field(DocType); f.Field(Number); f.Field(Date); f.Field(IsShort);
        f.Field(IssuerBody); f.Field(Term); f.Field(Surface); f.Field(Start); f.Field(Length); f.Field(Sentence);
    }
}

/// <summary>A row of <c>model_counts</c>: one per model-count mention.</summary>
public sealed class ModelCountRow : IDatasetRow
{
    /// <summary>The CSV header.</summary>
    internal static readonly string[] Columns =
        ["article_id", "split", "value", "qualifier", "noun", "movement", "scope", "period", "surface", "start", "length", "sentence"];

    /// <summary>The article's id.</summary>
    [JsonPropertyName("article_id")] public string ArticleId { get; set; } = "";

    /// <summary>The article's split.</summary>
    [JsonPropertyName("split")] public string Split { get; set; } = "";

    /// <summary>The number counted.</summary>
    [JsonPropertyName("value")] public long Value { get; set; }

    /// <summary>exact, approx, more_than, at_least, less_than or vague.</summary>
    [JsonPropertyName("qualifier")] public string Qualifier { get; set; } = "";

    /// <summary>The counted noun as written.</summary>
    [JsonPropertyName("noun")] public string? Noun { get; set; }

    /// <summary>The movement, or null.</summary>
    [JsonPropertyName("movement")] public string? Movement { get; set; }

    /// <summary>The scope as written, or null.</summary>
    [JsonPropertyName("scope")] public string? Scope { get; set; }

    /// <summary>The period as written, or null.</summary>
    [JsonPropertyName("period")] public string? Period { get; set; }

    /// <summary>The count as written.</summary>
    [JsonPropertyName("surface")] public string Surface { get; set; } = "";

    /// <summary>The start in the article's text.</summary>
    [JsonPropertyName("start")] public long Start { get; set; }

    /// <summary>The length.</summary>
    [JsonPropertyName("length")] public long Length { get; set; }

    /// <summary>The 0-based sentence.</summary>
    [JsonPropertyName("sentence")] public long Sentence { get; set; }

    void IDatasetRow.WriteCsv(ICsvFields f)
    {
        f.Field(ArticleId); f.Field(Split); f.Field(Value); f.Field(Qualifier); f.Field(Noun); f.Field(Movement); f.Field(Scope);
        f.Field(Period); f.Field(Surface); f.Field(Start); f.Field(Length); f.Field(Sentence);
    }
}

/// <summary>A row of <c>officials</c>: one per person per article.</summary>
public sealed class OfficialRow : IDatasetRow
{
    /// <summary>The CSV header.</summary>
    internal static readonly string[] Columns =
        ["article_id", "split", "name", "titles", "positions", "organisations", "levels", "mentions", "start", "length"];

    /// <summary>The article's id.</summary>
    [JsonPropertyName("article_id")] public string ArticleId { get; set; } = "";

    /// <summary>The article's split.</summary>
    [JsonPropertyName("split")] public string Split { get; set; } = "";

    /// <summary>The full name.</summary>
    [JsonPropertyName("name")] public string Name { get; set; } = "";

    /// <summary>The titles, in order of first appearance.</summary>
    [JsonPropertyName("titles")] public List<string> Titles { get; set; } = [];

    /// <summary>Each title's position.</summary>
    [JsonPropertyName("positions")] public List<string> Positions { get; set; } = [];

    /// <summary>Each title's organisation ("" when none).</summary>
    [JsonPropertyName("organisations")] public List<string> Organisations { get; set; } = [];

    /// <summary>Each title's level (central, province, district, commune, village, unknown).</summary>
    [JsonPropertyName("levels")] public List<string> Levels { get; set; } = [];

    /// <summary>The number of mentions.</summary>
    [JsonPropertyName("mentions")] public long Mentions { get; set; }

    /// <summary>The first mention's start in the article's text.</summary>
    [JsonPropertyName("start")] public long Start { get; set; }

    /// <summary>The first mention's length.</summary>
    [JsonPropertyName("length")] public long Length { get; set; }

    void IDatasetRow.WriteCsv(ICsvFields f)
    {
        f.Field(ArticleId); f.Field(Split); f.Field(Name); f.Field(Titles); f.Field(Positions); f.Field(Organisations); f.Field(Levels);
        f.Field(Mentions); f.Field(Start); f.Field(Length);
    }
}

/// <summary>A row of <c>ner/{split}.jsonl</c>: one sentence's syllable tokens and IOB2 tags (indices into the label list).</summary>
public sealed class NerSentenceRow : IDatasetRow
{
    /// <summary>The CSV header (not written as CSV; kept for symmetry).</summary>
    internal static readonly string[] Columns = ["id", "article_id", "tokens", "ner_tags"];

    /// <summary>"{article_id}#{sentence}".</summary>
    [JsonPropertyName("id")] public string Id { get; set; } = "";

    /// <summary>The article's id.</summary>
    [JsonPropertyName("article_id")] public string ArticleId { get; set; } = "";

    /// <summary>The tokens as written.</summary>
    [JsonPropertyName("tokens")] public List<string> Tokens { get; set; } = [];

    /// <summary>The tags, indices into <see cref="Ner.NerLabels.All"/>.</summary>
    [JsonPropertyName("ner_tags")] public List<int> NerTags { get; set; } = [];

    void IDatasetRow.WriteCsv(ICsvFields f)
    {
        f.Field(Id); f.Field(ArticleId); f.Field(Tokens); f.Field(string.Join(' ', NerTags));
    }
}

/// <summary>The source-generated JSON of the rows: snake_case names from the attributes, Vietnamese unescaped.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ArticleRow))]
[JsonSerializable(typeof(DocumentRow))]
[JsonSerializable(typeof(ModelCountRow))]
[JsonSerializable(typeof(OfficialRow))]
[JsonSerializable(typeof(NerSentenceRow))]
internal sealed partial class DatasetJsonContext : JsonSerializerContext;
