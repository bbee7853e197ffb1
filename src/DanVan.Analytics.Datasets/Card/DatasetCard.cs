using System.Globalization;
using System.Text;
using DanVan.Analytics.Datasets.Ner;
using DanVan.Analytics.Datasets.Splits;
using DanVan.Analytics.Datasets.Tables;

namespace DanVan.Analytics.Datasets.Card;

/// <summary>
/// The dataset card, <c>README.md</c>, in the Hugging Face format: YAML front matter (language, task categories, one
/// config per table pointing at its files, the features of the token-level set with its class-label names, the split
/// sizes), then what the files and columns mean, how the dataset was made and how many rows each split holds.
/// </summary>
public static class DatasetCard
{
    /// <summary>The card of a dataset.</summary>
    public static string Write(DatasetSummary summary, DatasetOptions options)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(options);
        var s = new StringBuilder();
        string ext = options.Formats.HasFlag(TableFormats.Parquet) ? "parquet" : options.Formats.HasFlag(TableFormats.Jsonl) ? "jsonl" : "csv";
        string nerExt = options.Formats.HasFlag(TableFormats.Parquet) ? "parquet" : "jsonl";
        s.Append("---\nlanguage:\n- vi\nlicense: other\n");
        s.Append("pretty_name: ").Append(DatasetJsonFiles.Quote("Dân vận news extraction dataset")).Append('\n');
        s.Append("task_categories:\n- token-classification\ntask_ids:\n- named-entity-recognition\n");
        s.Append("size_categories:\n- ").Append(SizeCategory(summary.Articles)).Append('\n');
        s.Append("configs:\n");
        s.Append("- config_name: ner\n  default: true\n  data_files:\n");
        foreach ((string hfName, string file) in HfSplits)
        {
            s.Append("  - split: ").Append(hfName).Append("\n    path: ner/").Append(file).Append('.').Append(nerExt).Append('\n');
        }

        foreach (string table in (string[])["articles", "documents", "model_counts", "officials"])
        {
            s.Append("- config_name: ").Append(table).Append("\n  data_files:\n  - split: all\n    path: ").Append(table).Append('.').Append(ext).Append('\n');
        }

        s.Append("dataset_info:\n- config_name: ner\n  features:\n  - name: id\n    dtype: string\n  - name: article_id\n    dtype: string\n");
        s.Append("  - name: tokens\n    sequence: string\n  - name: ner_tags\n    sequence:\n      class_label:\n        names:\n");
        for (int i = 0; i < NerLabels.All.Count; i++)
        {
            s.Append("          '").Append(i.ToString(CultureInfo.InvariantCulture)).Append("': ").Append(NerLabels.All[i]).Append('\n');
        }

        s.Append("  splits:\n");
        foreach ((string hfName, string file) in HfSplits)
        {
            SplitCounts counts = summary.Splits.TryGetValue(file, out SplitCounts? c) ? c : new SplitCounts(0, 0, 0);
            s.Append("  - name: ").Append(hfName).Append("\n    num_examples: ").Append(counts.Sentences.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        s.Append("---\n\n");
        WriteBody(s, summary, options);
        return s.ToString();
    }

    private static readonly (string HfName, string File)[] HfSplits = [("train", "train"), ("validation", "dev"), ("test", "test")];

    private static string SizeCategory(long n) => n switch
    {
        < 1_000 => "n<1K",
        < 10_000 => "1K<n<10K",
        < 100_000 => "10K<n<100K",
        < 1_000_000 => "100K<n<1M",
        _ => "1M<n<10M",
    };

    private static void WriteBody(StringBuilder s, DatasetSummary summary, DatasetOptions options)
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        s.Append("# Dân vận news extraction dataset\n\n");
        s.Append("Facts read from Vietnamese news about mass-mobilization (*dân vận*) work — numbered Party and State documents, counts of ")
         .Append("\"mô hình\" (models) and named officials with their titles — as tables, and the same facts as a token-level ")
         .Append("IOB2 set for training taggers. Made by `danvan dataset` (DanVan.Analytics).\n\n");

        s.Append("## Counts\n\n| split | articles | sentences | tokens |\n|---|---:|---:|---:|\n");
        foreach (string name in SplitPlan.Names)
        {
            SplitCounts c = summary.Splits.TryGetValue(name, out SplitCounts? v) ? v : new SplitCounts(0, 0, 0);
            s.Append(inv, $"| {name} | {c.Articles} | {c.Sentences} | {c.Tokens} |\n");
        }

        s.Append("\n| file | rows |\n|---|---:|\n");
        foreach ((string file, long rows) in summary.FileRows)
        {
            s.Append(inv, $"| `{file}` | {rows} |\n");
        }

        s.Append("\nEntities (B- tags): ").Append(string.Join(", ", summary.Entities.Select(e => string.Create(inv, $"{e.Key} {e.Value}")))).Append(".\n\n");

        s.Append("## Files and columns\n\n");
        s.Append("The article's **text** is what every offset (`start`, `length`, `end`) points into, in UTF-16 code units: for an article ")
         .Append("record, the title, the lead and the body joined by a blank line (`\\n\\n`), empty parts left out; for a plain case ")
         .Append("(`{\"id\", \"text\"}`), its `text` as is. `text_sha256` is the SHA-256 of the text's UTF-8 bytes.\n\n");
        s.Append("- `articles`: one row per article: `article_id, url, site, title, published` (ISO 8601 with offset), `authors` (a list), ")
         .Append("`split, text_sha256, text_length, extractor_version, annotation_source` (extractor or gold), the counts `documents, ")
         .Append("model_counts, officials`, `duplicate_of` (the earlier article this one nearly repeats), and provenance: `source_file, ")
         .Append("content_sha256` (the crawler's hash of the page), `warc_file, warc_record_id`.\n");
        s.Append("- `documents`: one row per document mention: `article_id, split, canonical` (e.g. 25-NQ/TW), `doc_type, number, date, short, ")
         .Append("issuer_body, term, surface, start, length, sentence`.\n");
        s.Append("- `model_counts`: one row per count of models: `article_id, split, value, qualifier` (exact, approx, more_than, at_least, ")
         .Append("less_than, vague), `noun, movement, scope, period, surface, start, length, sentence`.\n");
        s.Append("- `officials`: one row per person per article: `article_id, split, name, titles, positions, organisations, levels` ")
         .Append("(lists, one item per title; in CSV joined with \"; \"), `mentions` (how many), `start, length` (the first mention).\n");
        s.Append("- `ner/{train,dev,test}.conll`: CoNLL-2003 style, one token and its tag per line separated by a space, a blank line ")
         .Append("between sentences, `-DOCSTART- O` before each article. `ner/{split}.jsonl` (and `.parquet`): one sentence a row, ")
         .Append("`{\"id\", \"article_id\", \"tokens\", \"ner_tags\"}`. Tokens are the syllable tokenizer's (syllables, numbers, codes, ")
         .Append("dates, abbreviations, punctuation); tags are IOB2 over ").Append(string.Join(", ", NerLabels.All))
         .Append(" (in that order; `ner_tags` are indices). PER is an official's name at each mention, TITLE a title phrase written ")
         .Append("with it, DOC a document reference, COUNT a model-count phrase.\n");
        if (options.Spans)
        {
            s.Append("- `ner/spans.jsonl`: one article a line, `{\"text\", \"spans\": [{\"start\", \"end\", \"label\"}], \"meta\"}`, for annotation tools.\n");
        }

        s.Append("- `duplicates.jsonl`: each near duplicate found: `article_id, duplicate_of, similarity, split, dropped`.\n");
        s.Append("- `manifest.json`: schema version, the label list, the inputs with their SHA-256, the rows of every file, the command line.\n\n");

        s.Append("## How it was made\n\n");
        s.Append("- Annotations: ").Append(summary.AnnotationSource == "gold" ? "hand-made (gold) annotations" : "the DanVan.Analytics rule-based extractor")
         .Append(", extractor version ").Append(summary.ExtractorVersion).Append(".\n");
        s.Append("- Inputs: ").Append(options.Inputs.Count == 0 ? "a stream" : string.Join(", ", options.Inputs.Select(i => $"`{Path.GetFileName(i.Path)}` ({i.Kind}, sha256 {i.Sha256[..Math.Min(12, i.Sha256.Length)]}…)"))).Append(".\n");
        s.Append(inv, $"- Articles: {summary.Articles} from {summary.Sites} sites");
        if (summary.FirstPublished is DateTimeOffset first && summary.LastPublished is DateTimeOffset last)
        {
            s.Append(inv, $", published {first:yyyy-MM-dd} to {last:yyyy-MM-dd}");
        }

        s.Append(".\n");
        SplitPlan plan = options.Split;
        s.Append(inv, $"- Splits: {plan.Train}/{plan.Dev}/{plan.Test} by {plan.Grouping.ToString().ToLowerInvariant()}, seed {plan.Seed}. ")
         .Append("A group (site, publication month, or the article itself) is hashed with the seed to its split, so all of a group's ")
         .Append("articles share one split, and the shares hold only roughly when groups are few or of unequal size.\n");
        s.Append(inv, $"- Near duplicates (the same story on two sites): MinHash ({NearDuplicateIndexInfo.Description}); a pair is a duplicate at an ")
         .Append(inv, $"estimated Jaccard similarity of at least {options.DuplicateThreshold:0.##}. Found {summary.Duplicates}; ")
         .Append(options.Dedupe ? $"dropped {summary.DuplicatesDropped}." : "each kept in the split of the article it repeats (overriding its group's split).").Append('\n');
        if (options.Shard is (int k, int n))
        {
            s.Append(inv, $"- Shard {k} of {n}: the articles whose id hashes to it; merge shards with `danvan dataset merge`.\n");
        }

        if (!string.IsNullOrEmpty(options.CommandLine))
        {
            s.Append("- Command: `").Append(options.CommandLine.Replace('`', '\'')).Append("`\n");
        }

        s.Append("\n## Limitations\n\n")
         .Append("Labels made by the extractor are the extractor's, with its errors; a model trained on them learns its rules. ")
         .Append("Use `--gold` to export hand-made annotations instead.\n");
    }
}
