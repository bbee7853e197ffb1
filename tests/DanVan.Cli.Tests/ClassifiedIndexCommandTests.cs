using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DanVan.Analytics.Crawling.Tests;

namespace DanVan.Cli.Tests;

/// <summary>
/// <c>danvan index --model --topic-model</c> with ML.NET models trained here (<c>danvan train</c>) on the public labeled
/// corpus, over that corpus, checked against what <c>danvan classify</c> (an independent run of the same models) says of
/// each article.
/// </summary>
public sealed partial class ClassifiedIndexCommandTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly string _input = Path.Combine(Path.GetTempPath(), "danvan-classified-" + Guid.NewGuid().ToString("N") + ".jsonl");
    private readonly string _predictions = Path.Combine(Path.GetTempPath(), "danvan-predictions-" + Guid.NewGuid().ToString("N") + ".jsonl");
    private readonly string _relevanceModel = Path.Combine(Path.GetTempPath(), "danvan-relevance-" + Guid.NewGuid().ToString("N") + ".zip");
    private readonly string _topicModel = Path.Combine(Path.GetTempPath(), "danvan-topic-" + Guid.NewGuid().ToString("N") + ".zip");

    private string IndexPath => _folder.File("index");

    public void Dispose()
    {
        File.Delete(_input);
        File.Delete(_predictions);
        File.Delete(_relevanceModel);
        File.Delete(_topicModel);
        _folder.Dispose();
    }

    [Fact]
    public async Task IndexWithModels_RelevantAndTopicFiltersAndTopicFacet_AgreeWithTheClassifier()
    {
        int articles = WriteArticlesOfLabeledCorpus(_input);
        string labeled = Path.Combine(RepositoryPaths.Shared, "corpus", "labeled.jsonl");
        var trainRelevance = await DanvanCli.RunAsync("train", "relevance", "--data", labeled, "--out", _relevanceModel, "--folds", "2", "--trainer", "lbfgs_logistic");
        var trainTopic = await DanvanCli.RunAsync("train", "topic", "--data", labeled, "--out", _topicModel, "--folds", "2", "--trainer", "lbfgs_maxent");
        Assert.True(trainRelevance.ExitCode == 0, trainRelevance.Error);
        Assert.True(trainTopic.ExitCode == 0, trainTopic.Error);

        var index = await DanvanCli.RunAsync("index", "--in", _input, "--index", IndexPath, "--model", _relevanceModel, "--topic-model", _topicModel);
        var classify = await DanvanCli.RunAsync("classify", "--model", _relevanceModel, "--topic-model", _topicModel, "--in", _input, "--out", _predictions);
        Assert.True(index.ExitCode == 0, index.Error);
        Assert.True(classify.ExitCode == 0, classify.Error);

        var predictions = File.ReadLines(_predictions).Select(line => JsonNode.Parse(line)!).ToDictionary(
            p => p["id"]!.GetValue<string>(),
            p => (Label: p["label"]!.GetValue<string>(), Score: p["score"]!.GetValue<double>(), Topic: p["topic"]?.GetValue<string>()));
        Assert.Equal(articles, predictions.Count);
        var relevant = predictions.Where(p => p.Value.Label == "danvan").Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var other = predictions.Where(p => p.Value.Label == "other").Select(p => p.Key).Order(StringComparer.Ordinal).ToList();

        // Both kinds are present, or the filters below would prove little.
        Assert.NotEmpty(relevant);
        Assert.NotEmpty(other);

        JsonNode yes = await SearchAsync("relevant:yes");
        Assert.Equal(relevant, Ids(yes));
        Assert.Equal(other, Ids(await SearchAsync("relevant:no")));
        Assert.Equal(other, Ids(await SearchAsync("-relevant:yes")));

        // Each hit shows the classifier's score and, when relevant, its topic.
        foreach (JsonNode hit in yes["hits"]!.AsArray()!)
        {
            var predicted = predictions[hit!["id"]!.GetValue<string>()];
            Assert.True(hit["relevant"]!.GetValue<bool>());
            // classify writes scores rounded to 6 decimals.
            Assert.InRange(hit["relevance_score"]!.GetValue<double>(), predicted.Score - 1e-6, predicted.Score + 1e-6);
            Assert.Equal(predicted.Topic, hit["topic"]!.GetValue<string>());
        }

        // The topic facet counts the relevant articles by the topic the classifier gave them; each topic filter finds exactly them.
        var expectedTopics = predictions.Values.Where(p => p.Label == "danvan").GroupBy(p => p.Topic!)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var facet = yes["facets"]!["topics"]!.AsArray().ToDictionary(v => v!["value"]!.GetValue<string>(), v => v!["count"]!.GetValue<int>(), StringComparer.Ordinal);
        Assert.Equal(expectedTopics.OrderBy(e => e.Key, StringComparer.Ordinal), facet.OrderBy(e => e.Key, StringComparer.Ordinal));
        foreach (string topic in expectedTopics.Keys)
        {
            var expected = predictions.Where(p => p.Value.Label == "danvan" && p.Value.Topic == topic).Select(p => p.Key).Order(StringComparer.Ordinal);
            Assert.Equal(expected, Ids(await SearchAsync($"topic:{topic}")));
        }

        // The people's view shows them too.
        var text = await DanvanCli.RunAsync("search", "--index", IndexPath, "relevant:yes", "--facets");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("   relevant yes (", text.Output, StringComparison.Ordinal);
        Assert.Contains("topics: ", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndexWithModel_NotAModel_FailsWithExitCode2AndWritesNoIndex()
    {
        WriteArticlesOfLabeledCorpus(_input);
        string notAModel = _input; // a JSONL file, not a model zip

        var index = await DanvanCli.RunAsync("index", "--in", _input, "--index", IndexPath, "--model", notAModel);

        Assert.Equal(2, index.ExitCode);
        Assert.Contains("model", index.Error, StringComparison.OrdinalIgnoreCase);
        Assert.False(Directory.Exists(IndexPath) && Directory.EnumerateFileSystemEntries(IndexPath).Any());
    }

    private async Task<JsonNode> SearchAsync(string query)
    {
        var search = await DanvanCli.RunAsync("search", "--index", IndexPath, query, "--json", "--facets", "--top", "1000");
        Assert.True(search.ExitCode == 0, search.Error);
        return JsonNode.Parse(search.Output)!;
    }

    private static List<string> Ids(JsonNode results)
    {
        var ids = results["hits"]!.AsArray().Select(h => h!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(results["total_hits"]!.GetValue<int>(), ids.Count);
        return ids;
    }

    /// <summary>
    /// The labeled excerpts of the public corpus as article records: the first sentence as the headline, the rest as the
    /// body, so that the index and <c>danvan classify</c> compose the same text.
    /// </summary>
    private static int WriteArticlesOfLabeledCorpus(string path)
    {
        var lines = new List<string>();
        foreach (string line in File.ReadLines(Path.Combine(RepositoryPaths.Shared, "corpus", "labeled.jsonl")))
        {
            JsonNode row = JsonNode.Parse(line)!;
            string text = DateMarker().Replace(row["text"]!.GetValue<string>(), "").Trim();
            int stop = text.IndexOf(". ", StringComparison.Ordinal);
            (string title, string body) = stop > 0 ? (text[..stop], text[(stop + 2)..]) : (text, "");
            lines.Add(new JsonObject
            {
                ["id"] = row["id"]!.GetValue<string>(),
                ["url"] = row["url"]!.GetValue<string>(),
                ["title"] = title,
                ["body"] = body,
            }.ToJsonString());
        }

        File.WriteAllLines(path, lines);
        return lines.Count;
    }

    [GeneratedRegex(@"^\s*date\s+\S+")]
    private static partial Regex DateMarker();
}
