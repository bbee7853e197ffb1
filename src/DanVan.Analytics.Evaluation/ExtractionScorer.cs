using System.Text;

namespace DanVan.Analytics.Evaluation;

/// <summary>Precision, recall and F1 of one kind of extraction, with what was missed and what was extra.</summary>
/// <param name="TruePositives">Items both in gold and predicted.</param>
/// <param name="FalsePositives">Items predicted but not in gold.</param>
/// <param name="FalseNegatives">Items in gold but not predicted.</param>
/// <param name="Missed">"case id: item" for every false negative.</param>
/// <param name="Extra">"case id: item" for every false positive.</param>
public sealed record KindScore(int TruePositives, int FalsePositives, int FalseNegatives, IReadOnlyList<string> Missed, IReadOnlyList<string> Extra)
{
    /// <summary>TP / (TP + FP); 1 when nothing was predicted and nothing expected.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? (FalseNegatives == 0 ? 1 : 0) : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN); 1 when nothing was expected.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>An accuracy: how many of the checked items were right.</summary>
/// <param name="Correct">Items right.</param>
/// <param name="Total">Items checked.</param>
/// <param name="Wrong">"case id: item" for every wrong one.</param>
public sealed record AccuracyScore(int Correct, int Total, IReadOnlyList<string> Wrong)
{
    /// <summary>Correct / Total; 1 when nothing was checked.</summary>
    public double Accuracy => Total == 0 ? 1 : (double)Correct / Total;
}

/// <summary>The scores of predictions against gold, as SCHEMA.md defines them.</summary>
/// <param name="Documents">Documents: per case the set of non-null canonical ids.</param>
/// <param name="ModelCounts">Model counts: per case the multiset of values.</param>
/// <param name="Officials">Officials: per case the set of names, case-insensitive NFC.</param>
/// <param name="TitleAccuracy">Gold titles of matched names found by containment.</param>
/// <param name="QualifierAccuracy">Qualifiers of matched count values.</param>
public sealed record ExtractionScores(KindScore Documents, KindScore ModelCounts, KindScore Officials, AccuracyScore TitleAccuracy, AccuracyScore QualifierAccuracy);

/// <summary>Scores predictions against gold exactly as <c>shared/gold/SCHEMA.md</c> says.</summary>
public static class ExtractionScorer
{
    /// <summary>Scores <paramref name="predicted"/> against <paramref name="gold"/>, matching cases by id (a case missing from the predictions predicts nothing).</summary>
    public static ExtractionScores Score(IEnumerable<ExtractionCase> gold, IEnumerable<ExtractionCase> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var byId = new Dictionary<string, ExtractionCase>(StringComparer.Ordinal);
        foreach (ExtractionCase p in predicted)
        {
            byId[p.Id] = p;
        }

        var docs = new Counter();
        var counts = new Counter();
        var officials = new Counter();
        int titleCorrect = 0, titleTotal = 0, qualCorrect = 0, qualTotal = 0;
        var titleWrong = new List<string>();
        var qualWrong = new List<string>();

        foreach (ExtractionCase g in gold)
        {
            ExtractionCase p = byId.TryGetValue(g.Id, out var found) ? found : new ExtractionCase { Id = g.Id };

            // Documents: sets of non-null canonical ids.
            var goldDocs = g.Documents.Where(d => d.Canonical is not null).Select(d => Nfc(d.Canonical!)).ToHashSet(StringComparer.Ordinal);
            var predDocs = p.Documents.Where(d => d.Canonical is not null).Select(d => Nfc(d.Canonical!)).ToHashSet(StringComparer.Ordinal);
            docs.Add(g.Id, goldDocs, predDocs);

            // Model counts: multisets of values; qualifier accuracy on matched values.
            var predByValue = p.ModelCounts.GroupBy(c => c.Value).ToDictionary(x => x.Key, x => new Queue<CaseModelCount>(x));
            foreach (CaseModelCount c in g.ModelCounts)
            {
                if (predByValue.TryGetValue(c.Value, out var queue) && queue.Count > 0)
                {
                    CaseModelCount match = queue.Dequeue();
                    counts.TruePositives++;
                    qualTotal++;
                    if (string.Equals(match.Qualifier, c.Qualifier, StringComparison.Ordinal))
                    {
                        qualCorrect++;
                    }
                    else
                    {
                        qualWrong.Add($"{g.Id}: {c.Value} gold {c.Qualifier}, predicted {match.Qualifier}");
                    }
                }
                else
                {
                    counts.FalseNegatives++;
                    counts.Missed.Add($"{g.Id}: {c.Value} ({c.Surface})");
                }
            }

            foreach (var (value, queue) in predByValue)
            {
                foreach (CaseModelCount extra in queue)
                {
                    counts.FalsePositives++;
                    counts.Extra.Add($"{g.Id}: {value} ({extra.Surface})");
                }
            }

            // Officials: sets of names, case-insensitive NFC; title accuracy by containment.
            var predByName = new Dictionary<string, CaseOfficial>(StringComparer.Ordinal);
            foreach (CaseOfficial o in p.Officials)
            {
                predByName.TryAdd(NameKey(o.Name), o);
            }

            var goldNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (CaseOfficial o in g.Officials)
            {
                string key = NameKey(o.Name);
                if (!goldNames.Add(key))
                {
                    continue;
                }

                if (predByName.TryGetValue(key, out CaseOfficial? match))
                {
                    officials.TruePositives++;
                    var predTitles = match.Titles.Select(TitleKey).ToList();
                    foreach (string title in o.Titles)
                    {
                        titleTotal++;
                        string t = TitleKey(title);
                        if (predTitles.Any(pt => pt.Contains(t, StringComparison.Ordinal) || t.Contains(pt, StringComparison.Ordinal)))
                        {
                            titleCorrect++;
                        }
                        else
                        {
                            titleWrong.Add($"{g.Id}: {o.Name}: {title}");
                        }
                    }
                }
                else
                {
                    officials.FalseNegatives++;
                    officials.Missed.Add($"{g.Id}: {o.Name}");
                }
            }

            foreach (var (key, o) in predByName)
            {
                if (!goldNames.Contains(key))
                {
                    officials.FalsePositives++;
                    officials.Extra.Add($"{g.Id}: {o.Name}");
                }
            }
        }

        return new ExtractionScores(docs.ToScore(), counts.ToScore(), officials.ToScore(),
            new AccuracyScore(titleCorrect, titleTotal, titleWrong), new AccuracyScore(qualCorrect, qualTotal, qualWrong));
    }

    private static string Nfc(string s) => s.Normalize(NormalizationForm.FormC);

    private static string NameKey(string name) => FoldSpaces(Nfc(name)).ToLowerInvariant();

    private static string TitleKey(string title) => FoldSpaces(Nfc(title).ToLowerInvariant());

    // Runs of white space become one space and the look-alike Ð is written Đ, as in the extractor's values.
    private static string FoldSpaces(string s)
    {
        var builder = new StringBuilder(s.Length);
        foreach (string part in s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(part);
        }

        return builder.Replace('\u00D0', '\u0110').Replace('\u00F0', '\u0111').ToString();
    }

    private sealed class Counter
    {
        public int TruePositives { get; set; }

        public int FalsePositives { get; set; }

        public int FalseNegatives { get; set; }

        public List<string> Missed { get; } = [];

        public List<string> Extra { get; } = [];

        public void Add(string id, HashSet<string> gold, HashSet<string> predicted)
        {
            foreach (string g in gold.Order(StringComparer.Ordinal))
            {
                if (predicted.Contains(g))
                {
                    TruePositives++;
                }
                else
                {
                    FalseNegatives++;
                    Missed.Add($"{id}: {g}");
                }
            }

            foreach (string p in predicted.Order(StringComparer.Ordinal))
            {
                if (!gold.Contains(p))
                {
                    FalsePositives++;
                    Extra.Add($"{id}: {p}");
                }
            }
        }

        public KindScore ToScore() => new(TruePositives, FalsePositives, FalseNegatives, Missed, Extra);
    }
}
