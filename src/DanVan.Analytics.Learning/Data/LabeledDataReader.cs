using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DanVan.Analytics.Learning.Data;

/// <summary>
/// Reads labeled training files: JSON lines <c>{"id", "url"|"site", "label": "danvan"|"other", "topic", "text"}</c>, the
/// shape of the public corpus's <c>labeled.jsonl</c> and <c>labeled2.jsonl</c>.
/// </summary>
/// <remarks>
/// The page store put " date YYYY-MM[-DD] " in front of some excerpts, more often before <c>other</c> ones; it is removed so
/// that no model learns it. Every problem is a <see cref="TrainingDataException"/> naming the file and line.
/// </remarks>
public static partial class LabeledDataReader
{
    /// <summary>Reads every example of the files, in order.</summary>
    /// <exception cref="TrainingDataException">A line is not a usable example, or an id repeats.</exception>
    public static IReadOnlyList<LabeledArticle> Read(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var examples = new List<LabeledArticle>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (string path in paths)
        {
            if (!File.Exists(path))
            {
                throw new TrainingDataException("the file does not exist.", path);
            }

            int lineNumber = 0;
            foreach (string line in File.ReadLines(path))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                LabeledArticle example = Parse(line, path, lineNumber);
                if (!ids.Add(example.Id))
                {
                    throw new TrainingDataException($"the id '{example.Id}' appears twice.", path, lineNumber);
                }

                examples.Add(example);
            }
        }

        if (examples.Count == 0)
        {
            throw new TrainingDataException("no examples.", string.Join(", ", paths));
        }

        return examples;
    }

    /// <summary>Parses one line.</summary>
    /// <exception cref="TrainingDataException">The line is not a usable example.</exception>
    public static LabeledArticle Parse(string line, string source = "(input)", int lineNumber = 0)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            using JsonDocument document = JsonDocument.Parse(line);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new TrainingDataException("not a JSON object.", source, lineNumber);
            }

            string id = StringOf(root, "id") ?? throw new TrainingDataException("no \"id\".", source, lineNumber);
            string label = StringOf(root, "label") ?? throw new TrainingDataException($"'{id}' has no \"label\".", source, lineNumber);
            if (label is not (RelevanceLabels.DanVan or RelevanceLabels.Other))
            {
                throw new TrainingDataException(
                    $"'{id}' has the label '{label}'; expected \"{RelevanceLabels.DanVan}\" or \"{RelevanceLabels.Other}\".", source, lineNumber);
            }

            string text = StripDateMarker(StringOf(root, "text") ?? string.Empty);
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new TrainingDataException($"'{id}' has an empty text.", source, lineNumber);
            }

            // Without a site or URL each example is its own group: safe for folds, if less strict.
            string site = StringOf(root, "site") ?? StringOf(root, "url") ?? id;
            return new LabeledArticle(id, SiteKey.Of(site), label, StringOf(root, "topic"), text);
        }
        catch (JsonException e)
        {
            throw new TrainingDataException($"not JSON ({e.Message}).", source, lineNumber);
        }
    }

    /// <summary>Removes the page store's leading " date YYYY-MM[-DD] " marker.</summary>
    public static string StripDateMarker(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Match match = DateMarker().Match(text);
        return match.Success ? text[match.Length..] : text;
    }

    /// <summary>
    /// A SHA-256 of the examples (ids, labels, topics, texts in order), independent of file names and line endings: it
    /// tells which data a model was trained on.
    /// </summary>
    public static string Hash(IEnumerable<LabeledArticle> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (LabeledArticle e in examples)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{e.Id}\u001f{e.Label}\u001f{e.Topic}\u001f{e.Text}\u001e"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string? StringOf(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"^\s*date\s+\d{4}-\d{2}(-\d{2})?\s+")]
    private static partial Regex DateMarker();
}
