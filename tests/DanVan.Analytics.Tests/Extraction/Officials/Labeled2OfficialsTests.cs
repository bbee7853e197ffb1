using System.Globalization;
using System.Text.Json.Nodes;
using DanVan.Analytics.Evaluation;
using DanVan.Analytics.Extraction;
using Xunit.Abstractions;

namespace DanVan.Analytics.Tests.Extraction.Officials;

/// <summary>
/// The officials of 52 real excerpts of <c>shared/corpus/labeled2.jsonl</c> (many provinces, sites and units), annotated by
/// hand from the Vietnamese text per <c>shared/gold/SCHEMA.md</c> before the rules were scored on them; the fixture holds
/// ids and annotations only, the texts are read from the shared corpus. Names the annotator marked doubtful (a one-word
/// nickname, a monk with a religious rank, a citizen named in full only without an honorific) count neither way.
/// How annotated: the 52 excerpts are the ones that name a title, a rank or an honorific at least twice, read one by one;
/// the names and titles were written from the text before the extractor was run on it.
/// </summary>
public sealed class Labeled2OfficialsTests(ITestOutputHelper output)
{
    [Fact]
    public void Extract_HandAnnotatedRealExcerpts_MeetTheUnseenTextTargets()
    {
        var (gold, doubtful) = Read();
        Assert.True(gold.Count >= 40);
        var predicted = gold.Select(c => Without(ExtractionCaseJson.FromResult(c.Id, ArticleExtractor.Default.Extract(c.Text!)), doubtful[c.Id])).ToList();
        KindScore score = ExtractionScorer.Score(gold, predicted).Officials;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"P {score.Precision:0.000} R {score.Recall:0.000} F1 {score.F1:0.000} (tp {score.TruePositives}, fp {score.FalsePositives}, fn {score.FalseNegatives})"));
        output.WriteLine($"missed: {string.Join("; ", score.Missed)}");
        output.WriteLine($"extra: {string.Join("; ", score.Extra)}");
        Assert.True(score.Precision >= FloorPrecision && score.F1 >= FloorF1, $"P {score.Precision:0.000} F1 {score.F1:0.000}; missed {string.Join("; ", score.Missed)}; extra {string.Join("; ", score.Extra)}");
    }

    // Scored before any rule was changed for it: P 0.950 R 0.966 F1 0.958 (tp 57, fp 3, fn 2). The rules were then fixed by
    // the classes of error it showed (a name ending in a title's hyphen, a unit's name before a number, a short mention
    // naming the person): P 1.000 R 1.000. It has served for tuning since, so the floors are the issue's targets, not a claim
    // about unseen text.
    private const double FloorPrecision = 0.99;
    private const double FloorF1 = 0.98;

    private static ExtractionCase Without(ExtractionCase c, HashSet<string> names) =>
        c with { Officials = [.. c.Officials.Where(o => !names.Contains(o.Name))] };

    private static (List<ExtractionCase> Gold, Dictionary<string, HashSet<string>> Doubtful) Read()
    {
        var texts = File.ReadLines(Path.Combine(RepositoryPaths.Shared, "corpus", "labeled2.jsonl"))
            .Select(l => JsonNode.Parse(l)!.AsObject()).ToDictionary(o => (string)o["id"]!, o => (string)o["text"]!, StringComparer.Ordinal);
        var gold = new List<ExtractionCase>();
        var doubtful = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "DanVan.Analytics.Tests", "Extraction", "Fixtures", "labeled2.officials.gold.jsonl")))
        {
            ExtractionCase c = ExtractionCaseJson.Parse(line);
            var unsure = (JsonNode.Parse(line)!["doubtful"]?.AsArray() ?? []).Select(n => (string)n!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            doubtful[c.Id] = unsure;
            gold.Add(Without(c with { Text = texts[c.Id] }, unsure));
        }

        return (gold, doubtful);
    }
}
