using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DanVan.Analytics.Parsing;

/// <summary>
/// JSON for <see cref="ManifestEntry"/> and <see cref="ArticleFailure"/>: snake_case like every JSON the product
/// writes, Vietnamese written as is (not \u-escaped), source-generated (no reflection). Article records are
/// <c>DanVan.Analytics.Articles.ArticleRecordJson</c>'s.
/// </summary>
public static class ArticleJson
{
    private static readonly ArticleJsonContext Compact = new(CreateOptions());

    /// <summary>Writes <paramref name="failure"/> as one JSON line.</summary>
    public static string Serialize(ArticleFailure failure) => JsonSerializer.Serialize(failure, Compact.ArticleFailure);

    /// <summary>Reads a manifest line <c>{"id", "url", "path"}</c>.</summary>
    /// <exception cref="JsonException">The line is not valid JSON of that shape.</exception>
    public static ManifestEntry DeserializeManifestEntry(string line) =>
        JsonSerializer.Deserialize(line, Compact.ManifestEntry) ?? throw new JsonException("The line is null, not a manifest entry.");

    private static JsonSerializerOptions CreateOptions() => new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}

/// <summary>The source-generated serializers of the parsing records.</summary>
[JsonSerializable(typeof(ManifestEntry))]
[JsonSerializable(typeof(ArticleFailure))]
internal sealed partial class ArticleJsonContext : JsonSerializerContext;
