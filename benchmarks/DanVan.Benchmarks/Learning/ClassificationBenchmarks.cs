using BenchmarkDotNet.Attributes;
using DanVan.Analytics.Learning.Classification;
using DanVan.Analytics.Learning.Data;
using DanVan.Analytics.Learning.Features;

namespace DanVan.Benchmarks.Learning;

/// <summary>
/// Classification throughput (target: 2,000 articles/s per core): the shipped relevance and topic models over a batch of
/// articles through <see cref="ArticleClassifier.ClassifyMany"/> (one thread; the models' weights applied directly), against
/// the earlier paths through ML.NET's batched <c>Transform</c>. The
/// baseline computes only the features (normalize, terms, hashing, extraction facts) the models start with.
/// Articles per second: the batch size (printed at setup) divided by the mean.
/// </summary>
/// <remarks>
/// <c>Excerpts</c>: the 370 public labeled excerpts (mean 722 characters). <c>Articles</c>: 1,000 synthetic articles
/// (title and 6–16 seed sentences, about 1,800 characters). Run:
/// <c>dotnet run -c Release --project benchmarks/DanVan.Benchmarks -- --filter '*ClassificationBenchmarks*' --job short</c>.
/// </remarks>
[MemoryDiagnoser]
public class ClassificationBenchmarks
{
    private ClassificationInput[] _inputs = [];
    private ArticleClassifier _classifier = null!;
    private ArticleClassifier _chain = null!;
    private RelevanceClassifier _relevance = null!;
    private TopicClassifier _topic = null!;

    /// <summary>The batch: the public excerpts or synthetic full articles.</summary>
    [Params("Excerpts", "Articles")]
    public string Input { get; set; } = "Excerpts";

    [GlobalSetup]
    public void Setup()
    {
        _inputs = Input == "Excerpts"
            ? LabeledDataReader.Read(LabeledFiles()).Select(e => new ClassificationInput(e.Id, e.Text)).ToArray()
            : SyntheticArticles.Generate(1_000).Select(a => new ClassificationInput(a.Id, a.Title + "\n\n" + a.Body)).ToArray();
        _relevance = RelevanceClassifier.LoadDefault();
        _topic = TopicClassifier.LoadDefault();
        _classifier = new ArticleClassifier(_relevance, _topic);
        _chain = new ArticleClassifier(_relevance, _topic, scoreDirectly: false);
        Console.WriteLine($"// {Input}: {_inputs.Length} articles, mean {_inputs.Average(i => i.Text.Length):N0} chars");
    }

    /// <summary>The features alone, as the models' first step computes them.</summary>
    [Benchmark(Baseline = true)]
    public int Featurize()
    {
        int slots = 0;
        var row = new ArticleFeatureRow();
        foreach (ClassificationInput input in _inputs)
        {
            VietnameseFeaturizer.Featurize(input.Text, row);
            slots += row.Terms.GetValues().Length;
        }

        return slots;
    }

    /// <summary>Relevance and topic for the whole batch.</summary>
    [Benchmark]
    public int Classify() => CountRelevant(_classifier);

    /// <summary>The path before the models' weights were applied directly: both models as one ML.NET chain.</summary>
    [Benchmark]
    public int ClassifyOneMlNetChain() => CountRelevant(_chain);

    /// <summary>The path before one chain served both models: each model featurizes the batch itself.</summary>
    [Benchmark]
    public int ClassifyEachModelApart()
    {
        string[] texts = [.. _inputs.Select(i => i.Text)];
        int relevant = _relevance.PredictMany(texts).Count(p => p.IsRelevant);
        return relevant + _topic.PredictMany(texts).Count();
    }

    /// <summary>The public labeled files in the shared data beside the repository (<c>../shared/corpus</c>).</summary>
    internal static string[] LabeledFiles()
    {
        string shared = Path.GetFullPath(Path.Combine(BenchmarkCorpus.Directory, "..", "..", "shared", "corpus"));
        return [Path.Combine(shared, "labeled.jsonl"), Path.Combine(shared, "labeled2.jsonl")];
    }

    private int CountRelevant(ArticleClassifier classifier) => classifier.ClassifyMany(_inputs).Count(p => p.Label == RelevanceLabels.DanVan);
}
