using System.Text.Json;
using System.Text.Json.Serialization;
using DanVan.Analytics.Extraction;

namespace DanVan.Analytics.Evaluation;

/// <summary>One case of the gold schema (<c>shared/gold/SCHEMA.md</c>): a text and what it mentions.</summary>
public sealed record ExtractionCase
{
    /// <summary>The version of the output's shape when the product wrote the case (<c>danvan extract</c>); absent in gold files.</summary>
    [JsonPropertyName("schema_version"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? SchemaVersion { get; init; }

    /// <summary>The case id.</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    /// <summary>The source (URL or file name); may be null.</summary>
    [JsonPropertyName("source"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Source { get; init; }

    /// <summary>The text annotated.</summary>
    [JsonPropertyName("text"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Text { get; init; }

    /// <summary>The document references.</summary>
    [JsonPropertyName("documents")] public IReadOnlyList<CaseDocument> Documents { get; init; } = [];

    /// <summary>The model counts.</summary>
    [JsonPropertyName("model_counts")] public IReadOnlyList<CaseModelCount> ModelCounts { get; init; } = [];

    /// <summary>The officials.</summary>
    [JsonPropertyName("officials")] public IReadOnlyList<CaseOfficial> Officials { get; init; } = [];
}

/// <summary>A document reference in the schema's shape, with the extractor's extra fields.</summary>
public sealed record CaseDocument
{
    /// <summary>The mention as written.</summary>
    [JsonPropertyName("surface")] public string Surface { get; init; } = "";

    /// <summary>"nghị quyết", "quyết định" ...</summary>
    [JsonPropertyName("doc_type")] public string? DocType { get; init; }

    /// <summary>The number as written.</summary>
    [JsonPropertyName("number")] public string? Number { get; init; }

    /// <summary>The canonical id, or null.</summary>
    [JsonPropertyName("canonical")] public string? Canonical { get; init; }

    /// <summary>The issue date (ISO), or null.</summary>
    [JsonPropertyName("date")] public string? Date { get; init; }

    /// <summary>True for a short reference.</summary>
    [JsonPropertyName("short")] public bool IsShort { get; init; }

    /// <summary>Extra: the start in the original text.</summary>
    [JsonPropertyName("start"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Start { get; init; }

    /// <summary>Extra: the length in the original text.</summary>
    [JsonPropertyName("length"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Length { get; init; }

    /// <summary>Extra: the sentence index.</summary>
    [JsonPropertyName("sentence"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Sentence { get; init; }

    /// <summary>Extra: the issuing body.</summary>
    [JsonPropertyName("issuer_body"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? IssuerBody { get; init; }

    /// <summary>Extra: the issuing body's term.</summary>
    [JsonPropertyName("term"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Term { get; init; }
}

/// <summary>A model count in the schema's shape, with the extractor's extra fields.</summary>
public sealed record CaseModelCount
{
    /// <summary>The count as written.</summary>
    [JsonPropertyName("surface")] public string Surface { get; init; } = "";

    /// <summary>The value.</summary>
    [JsonPropertyName("value")] public long Value { get; init; }

    /// <summary>exact, approx, more_than, at_least, less_than or vague.</summary>
    [JsonPropertyName("qualifier")] public string Qualifier { get; init; } = "exact";

    /// <summary>The counted noun as written.</summary>
    [JsonPropertyName("noun")] public string? Noun { get; init; }

    /// <summary>The movement, or null.</summary>
    [JsonPropertyName("movement")] public string? Movement { get; init; }

    /// <summary>Extra: the start in the original text.</summary>
    [JsonPropertyName("start"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Start { get; init; }

    /// <summary>Extra: the length in the original text.</summary>
    [JsonPropertyName("length"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Length { get; init; }

    /// <summary>Extra: the sentence index.</summary>
    [JsonPropertyName("sentence"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Sentence { get; init; }

    /// <summary>Extra: the scope as written.</summary>
    [JsonPropertyName("scope"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Scope { get; init; }

    /// <summary>Extra: the period as written.</summary>
    [JsonPropertyName("period"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Period { get; init; }
}

/// <summary>An official in the schema's shape, with the extractor's extra fields.</summary>
public sealed record CaseOfficial
{
    /// <summary>The full name.</summary>
    [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>The titles.</summary>
    [JsonPropertyName("titles")] public IReadOnlyList<string> Titles { get; init; } = [];

    /// <summary>Extra: each title split into parts.</summary>
    [JsonPropertyName("title_parts"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<CaseTitlePart>? TitleParts { get; init; }

    /// <summary>Extra: each mention's place.</summary>
    [JsonPropertyName("mentions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<CaseMention>? Mentions { get; init; }
}

/// <summary>A title split into position, organisation and level.</summary>
/// <param name="Text">The title.</param>
/// <param name="Position">The position.</param>
/// <param name="Organisation">The organisation, or null.</param>
/// <param name="Level">central, province, district, commune, village or unknown.</param>
public sealed record CaseTitlePart(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("position")] string Position,
    [property: JsonPropertyName("organisation")] string? Organisation,
    [property: JsonPropertyName("level")] string Level);

/// <summary>Where a mention stands.</summary>
/// <param name="Surface">The name as written.</param>
/// <param name="Start">The start in the original text.</param>
/// <param name="Length">The length in the original text.</param>
/// <param name="Sentence">The sentence index.</param>
public sealed record CaseMention(
    [property: JsonPropertyName("surface")] string Surface,
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("length")] int Length,
    [property: JsonPropertyName("sentence")] int Sentence);

/// <summary>Reads and writes cases as JSON lines, and turns extraction results into cases.</summary>
public static class ExtractionCaseJson
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Parses one JSON line.</summary>
    /// <exception cref="JsonException">The line is not a JSON object of the schema.</exception>
    public static ExtractionCase Parse(string line) =>
        JsonSerializer.Deserialize<ExtractionCase>(line, s_options) ?? throw new JsonException("The line is JSON null, not a case.");

    /// <summary>Writes one case as a single JSON line (no line breaks).</summary>
    public static string Serialize(ExtractionCase value) => JsonSerializer.Serialize(value, s_options);

    /// <summary>The case for <paramref name="result"/>: the schema's fields plus offsets, sentences and parts.</summary>
    public static ExtractionCase FromResult(string id, ExtractionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ExtractionCase
        {
            Id = id,
            Documents = result.Documents.Select(d => new CaseDocument
            {
                Surface = d.Surface,
                DocType = d.DocumentType,
                Number = d.Number,
                Canonical = d.Canonical,
                Date = d.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                IsShort = d.IsShort,
                Start = d.Span.Start,
                Length = d.Span.Length,
                Sentence = d.SentenceIndex,
                IssuerBody = d.IssuingBody,
                Term = d.Term,
            }).ToList(),
            ModelCounts = result.ModelCounts.Select(c => new CaseModelCount
            {
                Surface = c.Surface,
                Value = c.Value,
                Qualifier = QualifierName(c.Qualifier),
                Noun = c.Noun,
                Movement = c.Movement,
                Start = c.Span.Start,
                Length = c.Span.Length,
                Sentence = c.SentenceIndex,
                Scope = c.Scope,
                Period = c.Period,
            }).ToList(),
            Officials = result.Officials.Select(o => new CaseOfficial
            {
                Name = o.Name,
                Titles = o.Titles.Select(t => t.Text).ToList(),
                TitleParts = o.Titles.Select(t => new CaseTitlePart(t.Text, t.Position, t.Organisation, t.Level.ToString().ToLowerInvariant())).ToList(),
                Mentions = o.Mentions.Select(m => new CaseMention(m.Surface, m.Span.Start, m.Span.Length, m.SentenceIndex)).ToList(),
            }).ToList(),
        };
    }

    /// <summary>The schema's name of a qualifier: "exact", "approx", "more_than", "at_least", "less_than", "vague".</summary>
    public static string QualifierName(CountQualifier qualifier) => qualifier switch
    {
        CountQualifier.Approx => "approx",
        CountQualifier.MoreThan => "more_than",
        CountQualifier.AtLeast => "at_least",
        CountQualifier.LessThan => "less_than",
        CountQualifier.Vague => "vague",
        _ => "exact",
    };
}
