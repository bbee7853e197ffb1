using System.CommandLine;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Extraction;
using DanVan.Analytics.Parsing;
using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Text;

namespace DanVan.Cli.Commands;

/// <summary>
/// <c>danvan demo</c>: the main job on the bundled corpus — the text core over the seed articles, then the
/// HTML fixture pages parsed, their facts extracted, indexed in a temporary folder and searched.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var corpusOption = new Option<DirectoryInfo?>("--corpus")
        {
            Description = "The corpus directory (default: the repository's corpus/).",
        };
        var command = new Command("demo", "Run the pipeline on the bundled corpus: normalize and tokenize, parse, extract, index and search.");
        command.Options.Add(corpusOption);
        command.SetAction(parseResult => Run(parseResult.GetValue(corpusOption), Console.Out));
        return command;
    }

    private static int Run(DirectoryInfo? corpus, TextWriter output)
    {
        corpus ??= CorpusLocator.Find();
        var seeds = corpus is null ? null : new DirectoryInfo(Path.Combine(corpus.FullName, "seeds"));
        if (corpus is null || seeds is null || !seeds.Exists)
        {
            Console.Error.WriteLine("error: the corpus directory was not found; run from the repository or pass --corpus DIR.");
            return 2;
        }

        output.WriteLine("== 1. Text core: the seed articles normalized and tokenized");
        ShowTextCore(seeds, output);

        var pages = new DirectoryInfo(Path.Combine(corpus.FullName, "html"));
        if (!File.Exists(Path.Combine(pages.FullName, "manifest.jsonl")))
        {
            Console.Error.WriteLine($"error: {Path.Combine(pages.FullName, "manifest.jsonl")} was not found.");
            return 2;
        }

        output.WriteLine();
        output.WriteLine("== 2. Parsing and extraction: the HTML pages of corpus/html");
        List<ArticleDocument> documents = ParseAndExtract(pages, output);

        output.WriteLine();
        output.WriteLine("== 3. Search: the parsed articles indexed with their facts");
        SearchDemo.Run(documents, output);
        return 0;
    }

    private static void ShowTextCore(DirectoryInfo seeds, TextWriter output)
    {
        var normalizer = VietnameseNormalizer.Default;
        foreach (var file in seeds.EnumerateFiles("*.txt").OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            string original = File.ReadAllText(file.FullName);
            NormalizedText normalized = normalizer.NormalizeWithOffsets(original);
            string text = normalized.Text;

            var counts = new int[Enum.GetValues<TokenKind>().Length];
            var codes = new List<string>();
            foreach (Token token in SyllableTokenizer.Tokenize(text))
            {
                counts[(int)token.Kind]++;
                string surface = token.TextIn(text).ToString();
                if (token.Kind is TokenKind.DocumentCode && codes.Count < 4 && !codes.Contains(surface))
                {
                    codes.Add(surface);
                }
            }

            int sentences = 0;
            foreach (TextSpan _ in SentenceSegmenter.Split(text))
            {
                sentences++;
            }

            output.WriteLine($"{file.Name}: {original.Length} chars ({(normalized.IsIdentity ? "already canonical" : "normalized")}), {sentences} sentences; "
                + string.Join(", ", Enum.GetValues<TokenKind>().Where(k => counts[(int)k] > 0).Select(k => $"{k} {counts[(int)k]}")));
            if (codes.Count > 0)
            {
                output.WriteLine($"  codes: {string.Join(" | ", codes)}");
            }
        }

        output.WriteLine($"  folded: \"Đảng ủy Thành phố\" → \"{VietnameseFolder.Fold("Đảng ủy Thành phố")}\"; New style \"hoà thuỷ\" → \"{normalizer.Normalize("hoà thuỷ")}\"");
    }

    private static List<ArticleDocument> ParseAndExtract(DirectoryInfo pages, TextWriter output)
    {
        var parser = new ArticleParser();
        var facts = new ExtractedArticleFacts();
        var documents = new List<ArticleDocument>();
        // The manifest is the 'danvan parse --in' shape: it gives each page the URL it was served from.
        foreach (string line in File.ReadLines(Path.Combine(pages.FullName, "manifest.jsonl")).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            ManifestEntry entry = ArticleJson.DeserializeManifestEntry(line);
            var page = new FileInfo(entry.ResolvePath(pages.FullName));
            Uri? pageUrl = Uri.TryCreate(entry.Url, UriKind.Absolute, out Uri? u) ? u : null;
            Article article;
            try
            {
                article = parser.Parse(File.ReadAllBytes(page.FullName), pageUrl);
            }
            catch (Exception e) when (e is ArticleParseException or IOException)
            {
                output.WriteLine($"{page.Name}: not parsed ({e.Message})");
                continue;
            }

            ArticleDocument document = article.ToRecord(entry.Id ?? Path.GetFileNameWithoutExtension(page.Name)).ToDocument();
            ExtractionResult found = facts.Extract(document);
            document = document.WithFacts(ExtractedArticleFacts.ToFacts(document, found));
            documents.Add(document);

            output.WriteLine($"{page.Name}: \"{document.Title}\"");
            output.WriteLine($"  {document.Site ?? "?"}, {article.Published?.ToString("yyyy-MM-dd HH:mm zzz") ?? "no date"}, by {(article.Authors.Count > 0 ? string.Join(", ", article.Authors) : "?")}; "
                + $"{article.Paragraphs.Count} paragraphs, {article.Captions.Count} captions, {article.Warnings.Count} warnings");
            if (found.Documents.Count > 0)
            {
                output.WriteLine($"  documents: {string.Join(", ", found.Documents.Select(d => d.Canonical ?? d.Surface).Distinct())}");
            }

            foreach (ModelCount count in found.ModelCounts)
            {
                output.WriteLine($"  model count: {count.Value:N0} {count.Noun} ({count.Qualifier}{(count.Movement is null ? "" : ", " + count.Movement)}) ← \"{count.Surface}\"");
            }

            foreach (Official official in found.Officials.Take(4))
            {
                output.WriteLine($"  official: {official.Name}{(official.Titles.Count > 0 ? " — " + string.Join("; ", official.Titles.Select(t => t.Text)) : "")}");
            }

            if (found.Officials.Count > 4)
            {
                output.WriteLine($"  … and {found.Officials.Count - 4} more officials");
            }
        }

        return documents;
    }
}
