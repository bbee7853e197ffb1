using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DanVan.Analytics.Parsing;

/// <summary>
/// JSON for <see cref="ArticleRecord"/>, <see cref="ManifestEntry"/> and <see cref="ArticleFailure"/>: camelCase,
/// Vietnamese written as is (not \u-escaped) so the files stay readable, source-generated (no reflection).
/// </summary>
public static class ArticleJson
{
    private static readonly ArticleJsonContext Compact = new(CreateOptions(indented: false));
    private static readonly ArticleJsonContext Indented = new(CreateOptions(indented: true));

    /// <summary>Writes <paramref name="record"/> as one JSON line, or indented.</summary>
    public static string Serialize(ArticleRecord record, bool indented = false) =>
        JsonSerializer.Serialize(record, (indented ? Indented : Compact).ArticleRecord);

    /// <summary>Writes <paramref name="failure"/> as one JSON line.</summary>
    public static string Serialize(ArticleFailure failure) => JsonSerializer.Serialize(failure, Compact.ArticleFailure);

    /// <summary>Reads an article record line.</summary>
    /// <exception cref="JsonException">The line is not a valid record.</exception>
    public static ArticleRecord DeserializeRecord(string line) =>
        JsonSerializer.Deserialize(line, Compact.ArticleRecord) ?? throw new JsonException("The line is null, not a record.");

    /// <summary>Reads a manifest line <c>{"id", "url", "path"}</c>.</summary>
    /// <exception cref="JsonException">The line is not valid JSON of that shape.</exception>
    public static ManifestEntry DeserializeManifestEntry(string line) =>
        JsonSerializer.Deserialize(line, Compact.ManifestEntry) ?? throw new JsonException("The line is null, not a manifest entry.");

    private static JsonSerializerOptions CreateOptions(bool indented) => new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = indented,
        Converters = { new JsonStringEnumConverter<ParseWarningCode>() },
    };
}

/// <summary>The source-generated serializers of the parsing records.</summary>
[JsonSerializable(typeof(ArticleRecord))]
[JsonSerializable(typeof(ManifestEntry))]
[JsonSerializable(typeof(ArticleFailure))]
internal sealed partial class ArticleJsonContext : JsonSerializerContext;
