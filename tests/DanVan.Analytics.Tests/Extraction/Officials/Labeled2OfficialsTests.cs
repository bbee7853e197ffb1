using System.Globalization;
using System.Text.Json.Nodes;
using DanVan.Analytics.Evaluation;
using DanVan.Analytics.Extraction;
using Xunit.Abstractions;

namespace DanVan.Analytics.Tests.Extraction.Officials;

/// <summary>
/// The officials of 86 real excerpts of <c>shared/corpus/labeled2.jsonl</c> (many provinces, sites and units), annotated by
/// hand from the Vietnamese text per <c>shared/gold/SCHEMA.md</c> before the rules were scored on them; the fixture holds
/// ids and annotations only, the texts are read from the shared corpus. Names the annotator marked doubtful (a one-word
/// nickname, a monk with a religious rank, a citizen named in full only without an honorific) count neither way.
/// How annotated: the excerpts are the ones that name a title, a rank or an honorific, read one by one; the names and titles
/// were written from the text before the extractor was run on it.
/// </summary>
public sealed class Labeled2OfficialsTests(ITestOutputHelper output)
{
    // The first part (52 excerpts) was scored before any rule was changed for it: P 0.950 R 0.966 F1 0.958 (tp 57, fp 3, fn 2).
    // The rules were then fixed by the classes of error it and the withheld-lexicon cross-validation showed: P 1.000 R 1.000.
    // It has served for tuning since. The fresh part (34 more excerpts) was annotated after those changes and never tuned on.
    // The floors are the issue's targets (precision 0.99, F1 0.98).
    [Theory]
    [InlineData("labeled2.officials.gold.jsonl", 40)]
    [InlineData("labeled2.officials.fresh.gold.jsonl", 30)]
    public void Extract_HandAnnotatedRealExcerpts_MeetTheUnseenTextTargets(string fixture, int cases)
    {
        var (gold, doubtful) = Read(fixture);
        Assert.True(gold.Count >= cases);
        var predicted = gold.Select(c => Without(ExtractionCaseJson.FromResult(c.Id, ArticleExtractor.Default.Extract(c.Text!)), doubtful[c.Id])).ToList();
        KindScore score = ExtractionScorer.Score(gold, predicted).Officials;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"P {score.Precision:0.000} R {score.Recall:0.000} F1 {score.F1:0.000} (tp {score.TruePositives}, fp {score.FalsePositives}, fn {score.FalseNegatives})"));
        output.WriteLine($"missed: {string.Join("; ", score.Missed)}");
        output.WriteLine($"extra: {string.Join("; ", score.Extra)}");
        Assert.True(score.Precision >= 0.99 && score.F1 >= 0.98, $"P {score.Precision:0.000} F1 {score.F1:0.000}; missed {string.Join("; ", score.Missed)}; extra {string.Join("; ", score.Extra)}");
    }

    private static ExtractionCase Without(ExtractionCase c, HashSet<string> names) =>
        c with { Officials = [.. c.Officials.Where(o => !names.Contains(o.Name))] };

    private static (List<ExtractionCase> Gold, Dictionary<string, HashSet<string>> Doubtful) Read(string fixture)
    {
        var texts = File.ReadLines(Path.Combine(RepositoryPaths.Shared, "corpus", "labeled2.jsonl"))
            .Select(l => JsonNode.Parse(l)!.AsObject()).ToDictionary(o => (string)o["id"]!, o => (string)o["text"]!, StringComparer.Ordinal);
        var gold = new List<ExtractionCase>();
        var doubtful = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "DanVan.Analytics.Tests", "Extraction", "Fixtures", fixture)))
        {
            ExtractionCase c = ExtractionCaseJson.Parse(line);
            var unsure = (JsonNode.Parse(line)!["doubtful"]?.AsArray() ?? []).Select(n => (string)n!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            doubtful[c.Id] = unsure;
            gold.Add(Without(c with { Text = texts[c.Id] }, unsure));
        }

        return (gold, doubtful);
    }
}
