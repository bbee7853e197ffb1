using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DanVan.Analytics.Learning.Data;
using DanVan.Analytics.Learning.Topics;
using DanVan.Analytics.Learning.Training;

namespace DanVan.Benchmarks.Learning;

/// <summary>
/// Training the relevance model on the public corpus (target: under 30 s): the shipped learner with its 5-fold
/// cross-validation grouped by site, threshold choice and final fit (what <c>danvan train relevance --trainer
/// lbfgs_logistic</c> does), and the comparison of all three learners (what the command does by default). Seconds per
/// operation, so a few monitored runs rather than BenchmarkDotNet's many.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class RelevanceTrainingBenchmarks
{
    private IReadOnlyList<LabeledArticle> _examples = [];

    [GlobalSetup]
    public void Setup() => _examples = LabeledDataReader.Read(ClassificationBenchmarks.LabeledFiles());

    /// <summary>One learner: cross-validation, threshold, final fit.</summary>
    [Benchmark(Baseline = true)]
    public double TrainShippedLearner() =>
        RelevanceTrainer.Train(_examples, new RelevanceTrainingOptions { Trainer = "lbfgs_logistic" }).Candidates[0].F1;

    /// <summary>All learners compared, then the best fitted.</summary>
    [Benchmark]
    public double TrainComparingLearners() => RelevanceTrainer.Train(_examples).Candidates[0].F1;
}

/// <summary>
/// Topics over time on 10,000 synthetic articles (target: under 2 minutes on 2 cores): terms, vocabulary, ML.NET's LDA
/// with 10 topics and 200 iterations on 2 threads, mixtures and monthly trends (what <c>danvan topics</c> does, without
/// writing files).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class TopicModelBenchmarks
{
    private List<DatedText> _articles = [];

    [GlobalSetup]
    public void Setup() => _articles = SyntheticArticles.Generate(10_000)
        .Select(a => new DatedText(a.Id, a.Title + "\n\n" + a.Body, a.Published is { } p ? DateOnly.FromDateTime(p.Date) : null))
        .ToList();

    [Benchmark]
    public int FitTenThousandArticles() =>
        TopicModeler.Fit(_articles, new TopicModelOptions { Topics = 10, NumberOfThreads = 2 }).Trends.Count;
}
