using System.Globalization;
using DanVan.Analytics.Evaluation;
using DanVan.Analytics.Extraction;
using DanVan.Analytics.Learning.Tagging;

namespace DanVan.Cli.Commands;

/// <summary>
/// Scores officials on gold cases twice, by the rules alone and by the rules with the tagger's supported names, and lists
/// the names the tagger added: whether the tagger finds names the rules miss without costing precision.
/// </summary>
internal static class TaggerGoldReport
{
    public static void Print(FileInfo[] goldFiles, List<TaggedSentence> sentences, NameTagger tagger, TaggerTrainingOptions options, CancellationToken cancellationToken)
    {
        var cases = goldFiles
            .SelectMany(f => File.ReadLines(f.FullName).Where(l => !string.IsNullOrWhiteSpace(l)).Select(ExtractionCaseJson.Parse))
            .Where(c => !string.IsNullOrEmpty(c.Text))
            .ToList();

        // The gold cases are held out: a tagger that saw their sentences would be scored on its own training data.
        var goldIds = cases.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var training = sentences.Where(s => !goldIds.Contains(s.ArticleId)).ToList();
        if (training.Count < sentences.Count)
        {
            Console.WriteLine($"gold: {sentences.Count - training.Count} sentences of the gold articles left out of the tagger scored here");
            tagger = NameTaggerTrainer.Train(training, options with { Folds = 0 }, cancellationToken: cancellationToken).Tagger;
        }

        var rules = new List<ExtractionCase>();
        var merged = new List<ExtractionCase>();
        var added = new List<string>();
        foreach (ExtractionCase gold in cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ExtractionResult facts = ArticleExtractor.Default.Extract(gold.Text!);
            ExtractionResult withTagger = TaggedOfficials.Merge(gold.Text!, facts, tagger.Tag(gold.Text!));
            rules.Add(ExtractionCaseJson.FromResult(gold.Id, facts));
            merged.Add(ExtractionCaseJson.FromResult(gold.Id, withTagger));
            added.AddRange(withTagger.Officials.Skip(facts.Officials.Count).Select(o => $"{gold.Id}: {o.Name}"));
        }

        KindScore before = ExtractionScorer.Score(cases, rules).Officials;
        KindScore after = ExtractionScorer.Score(cases, merged).Officials;
        Console.WriteLine($"officials on {cases.Count} gold cases:");
        Console.WriteLine("extractor       precision  recall  F1     found  extra  missed");
        Print("rules", before);
        Print("rules+tagger", after);
        foreach (string name in added)
        {
            Console.WriteLine($"  tagger added {name}");
        }
    }

    private static void Print(string name, KindScore s) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-15} {s.Precision,9:0.000} {s.Recall,7:0.000}  {s.F1:0.000}  {s.TruePositives,5}  {s.FalsePositives,5}  {s.FalseNegatives,6}"));
}
