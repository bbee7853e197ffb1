using System.Text.Encodings.Web;
using System.Text.Json;

namespace DanVan.Analytics.Datasets.Card;

/// <summary>The JSON options of the dataset's small files (manifest, duplicates): Vietnamese unescaped.</summary>
internal static class DatasetJsonFiles
{
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonSerializerOptions Indented { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    /// <summary>A YAML double-quoted scalar: a JSON string is one.</summary>
    public static string Quote(string value) => JsonSerializer.Serialize(value, Options);
}
