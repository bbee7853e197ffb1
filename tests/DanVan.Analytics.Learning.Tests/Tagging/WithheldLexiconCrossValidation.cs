using System.Text.Json.Nodes;
using DanVan.Analytics.Datasets.Ner;
using DanVan.Analytics.Datasets.Sources;
using DanVan.Analytics.Evaluation;
using DanVan.Analytics.Extraction;
using DanVan.Analytics.Learning.Tagging;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Learning.Tests.Tagging;

/// <summary>One held-out fold: its cases, the table rows withheld from rules and tagger, and both officials scores.</summary>
internal sealed record FoldScore(int Fold, int Cases, int GoldOfficials, IReadOnlyList<string> Withheld, KindScore Rules, KindScore Merged);

/// <summary>
/// Cross-validation of the rules with the name tagger as if the held-out texts came from a province the tables were never
/// written for. The hand-annotated cases are dealt to folds; per fold, every row of the name and title tables that only the
/// held-out fold's officials use (a family name, a title head or rank that no training-fold official carries) is withheld
/// from the rules' lexicon and from the tagger's lexicon features alike. The tagger is trained the way <c>danvan train
/// tagger</c> is, on IOB2 made by <see cref="IobTagger"/>: the reduced rules' silver labels over the public corpus excerpts,
/// and the hand labels of the training folds' cases. The held-out fold is scored twice: the reduced rules alone, and the
/// reduced rules merged with the tagger (<see cref="TaggedOfficials.Merge(string, ExtractionResult, IReadOnlyList{TaggedEntity})"/>).
/// </summary>
internal static class WithheldLexiconCrossValidation
{
    /// <summary>The tables whose rows are withheld: what lets the rules recognise a name and a title.</summary>
    public static IReadOnlyList<string> WithheldTables { get; } = ["FamilyNames", "TitleHeads", "Ranks"];

    /// <summary>Every hand-annotated case with officials or not: the seeds and the core's extraction fixtures.</summary>
    public static IReadOnlyList<ExtractionCase> Gold { get; } =
    [
        .. Read(Path.Combine(RepositoryPaths.Shared, "gold", "seeds.gold.jsonl")),
        .. Read(Fixture("provincial.gold.jsonl")),
        .. Read(Fixture("regional.tuning.gold.jsonl")),
        .. Read(Fixture("regional.heldout.gold.jsonl")),
    ];

    /// <summary>The unlabeled text the reduced rules label as silver: the public corpus excerpts.</summary>
    public static IReadOnlyList<(string Id, string Text)> Corpus { get; } =
    [
        .. ReadCorpus("labeled.jsonl"),
        .. ReadCorpus("labeled2.jsonl"),
    ];

    /// <summary>Runs the cross-validation with <paramref name="folds"/> folds dealt in a seeded order, the tagger trained by <paramref name="trainer"/>.</summary>
    public static List<FoldScore> Run(int folds, int seed, string trainer)
    {
        var order = Gold.Select(c => c.Id).Order(StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(order);
        var foldOf = order.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i % folds, StringComparer.Ordinal);
        var scores = new List<FoldScore>();
        for (int fold = 0; fold < folds; fold++)
        {
            var heldOut = Gold.Where(c => foldOf[c.Id] == fold).ToList();
            var training = Gold.Where(c => foldOf[c.Id] != fold).ToList();
            HashSet<(string Table, string Row)> withheld = Withheld(heldOut, training);
            bool IsWithheld(string table, string row) => withheld.Contains((table, Key(row)));

            var rules = new ArticleExtractor(new ExtractionOptions { Lexicon = ExtractionLexicon.Without(IsWithheld) });
            TaggerLexicon lexicon = TaggerLexicon.Without(IsWithheld);
            var sentences = new List<TaggedSentence>();
            foreach (var (id, text) in Corpus)
            {
                AddSentences(sentences, id, text, rules.Extract(text));
            }

            foreach (ExtractionCase c in training)
            {
                AddSentences(sentences, c.Id, c.Text!, GoldAnnotations.ToFacts(c));
            }

            NameTagger tagger = NameTaggerTrainer.Train(sentences, lexicon, new TaggerTrainingOptions { Folds = 0, Seed = seed, Trainer = trainer }).Tagger;
            var rulesOnly = new List<ExtractionCase>();
            var merged = new List<ExtractionCase>();
            foreach (ExtractionCase c in heldOut)
            {
                ExtractionResult facts = rules.Extract(c.Text!);
                rulesOnly.Add(ExtractionCaseJson.FromResult(c.Id, facts));
                merged.Add(ExtractionCaseJson.FromResult(c.Id, TaggedOfficials.Merge(c.Text!, facts, tagger.Tag(c.Text!), lexicon)));
            }

            scores.Add(new FoldScore(
                fold + 1, heldOut.Count, heldOut.Sum(c => c.Officials.Count), [.. withheld.Select(w => $"{w.Table}:{w.Row}").Order(StringComparer.Ordinal)],
                ExtractionScorer.Score(heldOut, rulesOnly).Officials, ExtractionScorer.Score(heldOut, merged).Officials));
        }

        return scores;
    }

    /// <summary>The rows of <see cref="WithheldTables"/> that the held-out officials use and no training official does.</summary>
    public static HashSet<(string Table, string Row)> Withheld(IReadOnlyList<ExtractionCase> heldOut, IReadOnlyList<ExtractionCase> training)
    {
        var withheld = new HashSet<(string, string)>();
        foreach (string table in WithheldTables)
        {
            foreach (string row in ExtractionLexicon.Table(table).Select(r => Key(r[0])).Distinct(StringComparer.Ordinal))
            {
                if (UsedBy(heldOut, table, row) && !UsedBy(training, table, row))
                {
                    withheld.Add((table, row));
                }
            }
        }

        return withheld;
    }

    // A family name opens an official's name; a title head or rank stands inside one of the official's titles.
    private static bool UsedBy(IReadOnlyList<ExtractionCase> cases, string table, string row) =>
        cases.SelectMany(c => c.Officials).Any(o => table == "FamilyNames"
            ? $"{Key(o.Name)} ".StartsWith($"{row} ", StringComparison.Ordinal)
            : o.Titles.Any(t => $" {Key(t)} ".Contains($" {row} ", StringComparison.Ordinal)));

    private static void AddSentences(List<TaggedSentence> sentences, string id, string text, ExtractionResult facts) =>
        IobTagger.Tag(text, IobTagger.Entities(facts), (_, tokens, tags) =>
            sentences.Add(new TaggedSentence(id, id, [.. tokens], [.. tags.Select(t => TaggerLabels.IndexOf(NerLabels.All[t]))])));

    private static string Key(string phrase) =>
        string.Join(' ', VietnameseNormalizer.Default.Normalize(phrase).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Fixture(string name) => Path.Combine(RepositoryPaths.Root, "tests", "DanVan.Analytics.Tests", "Extraction", "Fixtures", name);

    private static IEnumerable<ExtractionCase> Read(string path) =>
        File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(ExtractionCaseJson.Parse).Where(c => !string.IsNullOrEmpty(c.Text));

    private static IEnumerable<(string, string)> ReadCorpus(string file) =>
        File.ReadLines(Path.Combine(RepositoryPaths.Shared, "corpus", file)).Select(l => JsonNode.Parse(l)!.AsObject())
            .Select(c => ((string)c["id"]!, ((string)c["text"]!).Trim()));
}
