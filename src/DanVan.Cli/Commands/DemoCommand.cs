using System.CommandLine;
using DanVan.Analytics.Text;

namespace DanVan.Cli.Commands;

/// <summary><c>danvan demo</c>: runs the pipeline on the bundled corpus and prints what it found.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var corpusOption = new Option<DirectoryInfo?>("--corpus")
        {
            Description = "The corpus directory (default: the repository's corpus/).",
        };
        var command = new Command("demo", "Normalize and tokenize the bundled corpus and print what was found.");
        command.Options.Add(corpusOption);
        command.SetAction(parseResult => Run(parseResult.GetValue(corpusOption), Console.Out));
        return command;
    }

    private static int Run(DirectoryInfo? corpus, TextWriter output)
    {
        corpus ??= CorpusLocator.Find();
        var seeds = corpus is null ? null : new DirectoryInfo(Path.Combine(corpus.FullName, "seeds"));
        if (seeds is null || !seeds.Exists)
        {
            Console.Error.WriteLine("error: the corpus directory was not found; run from the repository or pass --corpus DIR.");
            return 2;
        }

        var normalizer = VietnameseNormalizer.Default;
        var totals = new int[Enum.GetValues<TokenKind>().Length];
        foreach (var file in seeds.EnumerateFiles("*.txt").OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            string original = File.ReadAllText(file.FullName);
            NormalizedText normalized = normalizer.NormalizeWithOffsets(original);
            string text = normalized.Text;

            var counts = new int[totals.Length];
            var examples = new Dictionary<TokenKind, List<string>>();
            foreach (Token token in SyllableTokenizer.Tokenize(text))
            {
                counts[(int)token.Kind]++;
                if (token.Kind is TokenKind.DocumentCode or TokenKind.Date or TokenKind.Number or TokenKind.Abbreviation)
                {
                    var list = examples.TryGetValue(token.Kind, out var l) ? l : examples[token.Kind] = [];
                    string surface = token.TextIn(text).ToString();
                    if (list.Count < 6 && !list.Contains(surface))
                    {
                        list.Add(surface);
                    }
                }
            }

            int sentences = 0;
            foreach (TextSpan _ in SentenceSegmenter.Split(text))
            {
                sentences++;
            }

            output.WriteLine($"{file.Name}: {original.Length} chars, {(normalized.IsIdentity ? "already canonical" : "normalized")}, {sentences} sentences");
            output.WriteLine("  " + string.Join(", ", Enum.GetValues<TokenKind>().Where(k => counts[(int)k] > 0).Select(k => $"{k} {counts[(int)k]}")));
            foreach (var (kind, list) in examples.OrderBy(e => e.Key))
            {
                output.WriteLine($"  {kind}: {string.Join(" | ", list)}");
            }

            string firstLine = text.Split('\n', 2)[0];
            output.WriteLine($"  folded first line: {VietnameseFolder.Fold(firstLine)}");
            for (int k = 0; k < totals.Length; k++)
            {
                totals[k] += counts[k];
            }
        }

        output.WriteLine("total: " + string.Join(", ", Enum.GetValues<TokenKind>().Where(k => totals[(int)k] > 0).Select(k => $"{k} {totals[(int)k]}")));
        return 0;
    }
}
