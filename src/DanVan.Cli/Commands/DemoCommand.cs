using System.CommandLine;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Parsing;
using DanVan.Analytics.Pipeline;
using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Text;
using DanVan.Cli.CommandLine;

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
            HelpName = "DIR",
        };
        var command = new Command("demo", "Show the whole job on the bundled corpus: the text core (normalization, tokens), then parsing, extraction, indexing and search.");
        command.Options.Add(corpusOption);
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult.GetValue(corpusOption), Console.Out, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo? corpus, TextWriter output, CancellationToken cancellationToken)
    {
        corpus ??= CorpusLocator.Find();
        var seeds = corpus is null ? null : new DirectoryInfo(Path.Combine(corpus.FullName, "seeds"));
        if (corpus is null || seeds is null || !seeds.Exists)
        {
            Console.Error.WriteLine("error: the corpus directory was not found; run from the repository or pass --corpus DIR.");
            return ExitCodes.Usage;
        }

        output.WriteLine("== 1. Text core: the seed articles normalized and tokenized");
        ShowTextCore(seeds, output);

        string manifest = Path.Combine(corpus.FullName, "html", "manifest.jsonl");
        if (!File.Exists(manifest))
        {
            Console.Error.WriteLine($"error: {manifest} was not found.");
            return ExitCodes.Usage;
        }

        output.WriteLine();
        output.WriteLine("== 2. Parsing and extraction: the HTML pages of corpus/html");
        string folder = Path.Combine(Path.GetTempPath(), "danvan-demo-index-" + Guid.NewGuid().ToString("N"));
        try
        {
            using ArticleIndex index = ArticleIndex.OpenOrCreate(folder);
            // The library's pipeline, as 'parse', 'extract' and 'index' run it: pages → records → facts → index (and the screen).
            var source = new ManifestSourceOptions
            {
                Lines = new JsonLinesReadOptions { OnBadLine = bad => output.WriteLine($"{bad.File} line {bad.Line}: not read ({bad.Reason})") },
                OnFailure = failure => output.WriteLine($"{failure.Id}: not parsed ({failure.Reason})"),
            };
            await new ArticlePipeline().RunAsync(
                ManifestArticleSource.ReadAsync(manifest, source, cancellationToken),
                [new ArticleIndexSink(index), new DemoArticlePrinter(output)],
                cancellationToken: cancellationToken);

            output.WriteLine();
            output.WriteLine("== 3. Search: the parsed articles indexed with their facts");
            SearchDemo.Run(index, output);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return ExitCodes.Success;
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
}
