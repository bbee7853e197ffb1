using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DanVan.Analytics.Articles;

/// <summary>
/// One <see cref="ArticleRecord"/> as one JSON line and back: snake_case names, Vietnamese written as is (not
/// \u-escaped) so that the files stay readable, source-generated (no reflection). Reading is tolerant of what
/// users' files hold: the camelCase names that <c>danvan parse</c> and <c>danvan crawl</c> wrote before schema
/// version 1 (<c>canonicalUrl</c>), a missing id (the URL stands in), null lists, a body given only as paragraphs.
/// </summary>
public static class ArticleRecordJson
{
    private static readonly JsonSerializerOptions s_compact = CreateOptions(indented: false);
    private static readonly JsonSerializerOptions s_indented = CreateOptions(indented: true);

    /// <summary>The options the records are written with (snake_case, relaxed escaping, source-generated).</summary>
    public static JsonSerializerOptions Options => s_compact;

    internal static JsonTypeInfo<ArticleRecord> RecordInfo { get; } = (JsonTypeInfo<ArticleRecord>)s_compact.GetTypeInfo(typeof(ArticleRecord));

    internal static JsonTypeInfo<BadLine> BadLineInfo { get; } = (JsonTypeInfo<BadLine>)s_compact.GetTypeInfo(typeof(BadLine));

    /// <summary>Writes <paramref name="record"/> as one JSON line (no line break in it), or indented for people.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public static string Serialize(ArticleRecord record, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(record);
        return JsonSerializer.Serialize(record, indented ? (JsonTypeInfo<ArticleRecord>)s_indented.GetTypeInfo(typeof(ArticleRecord)) : RecordInfo);
    }

    /// <summary>Writes <paramref name="badLine"/> as one JSON line <c>{"file", "line", "reason"}</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="badLine"/> is null.</exception>
    public static string Serialize(BadLine badLine)
    {
        ArgumentNullException.ThrowIfNull(badLine);
        return JsonSerializer.Serialize(badLine, BadLineInfo);
    }

    /// <summary>Reads one line: an article record or a plain case <c>{"id", "text"}</c>.</summary>
    /// <returns>The record, with an id (the URL when the line has none), non-null lists and a body.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="line"/> is null.</exception>
    /// <exception cref="JsonException">The line is not such a record; the message says why, for people.</exception>
    public static ArticleRecord Deserialize(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArticleRecord? read;
        try
        {
            read = JsonSerializer.Deserialize(line, RecordInfo);
        }
        catch (JsonException e)
        {
            // The serializer's message names .NET types; say what is wrong in the line's own words.
            string where = e.Path is { Length: > 1 } path ? $" at {path}" : "";
            throw new JsonException($"not an article record{where}: {FirstSentence(e.Message)}", e.Path, e.LineNumber, e.BytePositionInLine, e);
        }

        if (read is null)
        {
            throw new JsonException("the line is JSON null, not an article record");
        }

        if (read.SchemaVersion > ArticleRecord.CurrentSchemaVersion)
        {
            throw new JsonException($"schema_version {read.SchemaVersion} is newer than this reader's ({ArticleRecord.CurrentSchemaVersion}); update danvan");
        }

        string? id = FirstNonBlank(read.Id, read.CanonicalUrl, read.Url);
        if (id is null)
        {
            throw new JsonException("the record has no \"id\" (nor a \"url\" to stand in for it)");
        }

        IReadOnlyList<string> paragraphs = read.Paragraphs ?? [];
        string body = string.IsNullOrEmpty(read.Body) ? string.Join(ArticleText.PartSeparator, paragraphs) : read.Body;
        if (read.Text is null && string.IsNullOrWhiteSpace(read.Title) && string.IsNullOrWhiteSpace(read.Lead) && string.IsNullOrWhiteSpace(body))
        {
            throw new JsonException("the record has no text: neither \"text\" nor \"title\", \"lead\" or \"body\"");
        }

        return read with
        {
            Id = id,
            Body = body,
            Authors = read.Authors ?? [],
            Paragraphs = paragraphs,
            Captions = read.Captions ?? [],
            Tags = read.Tags ?? [],
            Warnings = read.Warnings ?? [],
        };
    }

    private static string? FirstNonBlank(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions(ArticleJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            // The C# 'required' on Id guides people who build records; a line without an id gets its URL instead
            // (see Deserialize), so the serializer must not refuse it.
            TypeInfoResolver = ArticleJsonContext.Default.WithAddedModifier(static info =>
            {
                foreach (JsonPropertyInfo property in info.Properties)
                {
                    property.IsRequired = false;
                }
            }),
        };
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>The source-generated serializers of the article records.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    AllowTrailingCommas = true,
    ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(ArticleRecord))]
[JsonSerializable(typeof(BadLine))]
internal sealed partial class ArticleJsonContext : JsonSerializerContext;
