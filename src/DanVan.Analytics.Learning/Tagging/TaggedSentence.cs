using System.Text.Json;

namespace DanVan.Analytics.Learning.Tagging;

/// <summary>The labels of the name tagger (IOB2 over names and titles); other entity kinds of a dataset read as <c>O</c>.</summary>
public static class TaggerLabels
{
    /// <summary>The labels in model order: <c>O, B-PER, I-PER, B-TITLE, I-TITLE</c>.</summary>
    public static IReadOnlyList<string> All => Names;

    private static readonly string[] Names = ["O", "B-PER", "I-PER", "B-TITLE", "I-TITLE"];

    /// <summary>The index of <c>O</c>.</summary>
    public const int Outside = 0;

    /// <summary>The entity kinds the tagger finds, in label order: <c>PER</c>, <c>TITLE</c>.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["PER", "TITLE"];

    /// <summary>The tagger's index of a dataset label, or <see cref="Outside"/> for labels it does not learn.</summary>
    public static int IndexOf(string label)
    {
        int index = Array.IndexOf(Names, label);
        return index < 0 ? Outside : index;
    }

    /// <summary>True when the label begins an entity.</summary>
    internal static bool IsBegin(int label) => label is 1 or 3;

    /// <summary>The kind (0 = PER, 1 = TITLE) of an entity label.</summary>
    internal static int KindOf(int label) => (label - 1) / 2;
}

/// <summary>One sentence of the token-level dataset.</summary>
/// <param name="ArticleId">The article it comes from.</param>
/// <param name="Group">What folds are grouped by: the article's site when the dataset says it, else the article.</param>
/// <param name="Tokens">The tokens (syllables, punctuation, numbers, codes) as written.</param>
/// <param name="Tags">The tagger label of each token (<see cref="TaggerLabels"/>).</param>
public sealed record TaggedSentence(string ArticleId, string Group, IReadOnlyList<string> Tokens, IReadOnlyList<int> Tags);

/// <summary>
/// Reads the token-level dataset of <c>danvan dataset</c>: <c>ner/*.jsonl</c> rows <c>{"id", "article_id", "tokens",
/// "ner_tags"}</c>, their label names from <c>manifest.json</c> (<c>ner_labels</c>) and the articles' sites from
/// <c>articles.jsonl</c>, so that folds can be grouped by site.
/// </summary>
public static class TaggedSentenceReader
{
    private static readonly string[] DatasetLabels = ["O", "B-PER", "I-PER", "B-TITLE", "I-TITLE", "B-DOC", "I-DOC", "B-COUNT", "I-COUNT"];

    /// <summary>
    /// Reads a dataset folder (its <c>ner</c> folder's <c>train</c>, <c>dev</c> and <c>test</c> JSONL), a <c>ner</c> folder,
    /// or one JSONL file. Tags may be label indices (in the manifest's order) or label names.
    /// </summary>
    /// <exception cref="TrainingDataException">No such file or folder, or a line that is not a tagged sentence.</exception>
    public static List<TaggedSentence> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string[] files;
        string? datasetFolder;
        if (File.Exists(path))
        {
            files = [path];
            datasetFolder = DatasetFolderOf(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
        else if (Directory.Exists(path))
        {
            string ner = Directory.Exists(Path.Combine(path, "ner")) ? Path.Combine(path, "ner") : path;
            files = [.. Directory.GetFiles(ner, "*.jsonl").Where(f => Path.GetFileName(f) != "spans.jsonl").Order(StringComparer.Ordinal)];
            datasetFolder = DatasetFolderOf(Path.GetFullPath(ner));
            if (files.Length == 0)
            {
                throw new TrainingDataException("no tagged sentences (ner/*.jsonl) in the folder.", path);
            }
        }
        else
        {
            throw new TrainingDataException("no such file or folder.", path);
        }

        IReadOnlyList<string> labels = datasetFolder is null ? DatasetLabels : ReadLabels(datasetFolder);
        Dictionary<string, string> sites = datasetFolder is null ? [] : ReadSites(datasetFolder);
        var sentences = new List<TaggedSentence>();
        foreach (string file in files)
        {
            int lineNumber = 0;
            foreach (string line in File.ReadLines(file))
            {
                lineNumber++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    sentences.Add(Parse(line, labels, sites, file, lineNumber));
                }
            }
        }

        return sentences;
    }

    private static TaggedSentence Parse(string line, IReadOnlyList<string> labels, Dictionary<string, string> sites, string file, int lineNumber)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            JsonElement root = json.RootElement;
            string article = root.TryGetProperty("article_id", out JsonElement a) && a.ValueKind == JsonValueKind.String ? a.GetString()!
                : root.GetProperty("id").GetString() ?? throw new FormatException("no article_id");
            var tokens = root.GetProperty("tokens").EnumerateArray().Select(t => t.GetString() ?? string.Empty).ToList();
            var tags = root.GetProperty("ner_tags").EnumerateArray().Select(t => TaggerLabels.IndexOf(LabelOf(t, labels))).ToList();
            if (tokens.Count != tags.Count)
            {
                throw new FormatException($"{tokens.Count} tokens but {tags.Count} tags");
            }

            if (tokens.Any(string.IsNullOrEmpty))
            {
                throw new FormatException("an empty token");
            }

            return new TaggedSentence(article, sites.GetValueOrDefault(article, article), tokens, tags);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw new TrainingDataException($"not a tagged sentence: {e.Message}", file, lineNumber);
        }
    }

    private static string LabelOf(JsonElement tag, IReadOnlyList<string> labels) => tag.ValueKind switch
    {
        JsonValueKind.Number when tag.TryGetInt32(out int i) && i >= 0 && i < labels.Count => labels[i],
        JsonValueKind.String => tag.GetString()!,
        _ => throw new FormatException($"the tag {tag} is not a label"),
    };

    // The folder with manifest.json: the given one or its parent (for a ner folder).
    private static string? DatasetFolderOf(string folder)
    {
        if (File.Exists(Path.Combine(folder, "manifest.json")))
        {
            return folder;
        }

        string? parent = Path.GetDirectoryName(folder);
        return parent is not null && File.Exists(Path.Combine(parent, "manifest.json")) ? parent : null;
    }

    private static string[] ReadLabels(string folder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        return json.RootElement.TryGetProperty("ner_labels", out JsonElement labels) && labels.ValueKind == JsonValueKind.Array
            ? [.. labels.EnumerateArray().Select(l => l.GetString() ?? "O")]
            : DatasetLabels;
    }

    private static Dictionary<string, string> ReadSites(string folder)
    {
        var sites = new Dictionary<string, string>(StringComparer.Ordinal);
        string articles = Path.Combine(folder, "articles.jsonl");
        if (!File.Exists(articles))
        {
            return sites;
        }

        foreach (string line in File.ReadLines(articles))
        {
            try
            {
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.TryGetProperty("article_id", out JsonElement id) && id.ValueKind == JsonValueKind.String
                    && json.RootElement.TryGetProperty("site", out JsonElement site) && site.ValueKind == JsonValueKind.String)
                {
                    sites[id.GetString()!] = site.GetString()!;
                }
            }
            catch (JsonException)
            {
                // A damaged articles row only costs its site: the article becomes its own group.
            }
        }

        return sites;
    }
}
