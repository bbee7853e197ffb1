using DanVan.Analytics.Learning.Classification;
using DanVan.Analytics.Learning.Data;
using DanVan.Analytics.Learning.Features;
using DanVan.Analytics.Learning.Models;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace DanVan.Analytics.Learning.Training;

/// <summary>Options of <see cref="TopicTrainer"/>.</summary>
public sealed record TopicTrainingOptions : TrainingOptions
{
    /// <summary>The default options: 5 folds, seed 1, every learner compared.</summary>
    public static TopicTrainingOptions Default { get; } = new();
}

/// <summary>Precision, recall and F1 of one topic over the validation folds.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Support">How many examples have it.</param>
/// <param name="Precision">Precision.</param>
/// <param name="Recall">Recall.</param>
/// <param name="F1">F1.</param>
public sealed record TopicClassScore(string Topic, int Support, double Precision, double Recall, double F1);

/// <summary>Cross-validated scores of one learner on the topic task (folds grouped by site).</summary>
/// <param name="Trainer">The learner's name.</param>
/// <param name="MacroF1">The mean of the per-topic F1 over the out-of-fold predictions.</param>
/// <param name="Accuracy">The share of examples whose topic was right.</param>
/// <param name="Classes">Per-topic scores.</param>
/// <param name="Confusion">Counts: row = true topic, column = predicted topic, both in <see cref="Topics"/> order.</param>
/// <param name="Topics">The topics in matrix order.</param>
public sealed record TopicCandidate(
    string Trainer, double MacroF1, double Accuracy, IReadOnlyList<TopicClassScore> Classes, int[][] Confusion, IReadOnlyList<string> Topics);

/// <summary>The result of training: the comparison and the chosen model.</summary>
/// <param name="Candidates">Every learner compared, best first.</param>
/// <param name="Model">The chosen learner trained on all examples.</param>
public sealed record TopicTrainingResult(IReadOnlyList<TopicCandidate> Candidates, LoadedModel Model);

/// <summary>
/// Trains the topic model (which area of dân vận work?) on the <c>danvan</c> examples' <c>topic</c> values: compares
/// learners by cross-validation grouped by site and trains the best by macro-F1 on all of them.
/// </summary>
public static class TopicTrainer
{
    /// <summary>The learner the comparison chose on the public corpus: what <c>danvan train</c> uses without <c>--compare</c>.</summary>
    public const string DefaultTrainer = "lbfgs_maxent";

    /// <summary>The learners compared.</summary>
    public static IReadOnlyList<string> Trainers { get; } = ["sdca_maxent", "lbfgs_maxent", "ova_perceptron"];

    private const string KeyColumn = "Label";

    /// <summary>Trains on the <c>danvan</c> examples of <paramref name="examples"/> (others are skipped).</summary>
    /// <exception cref="TrainingDataException">A danvan example has no topic, fewer than two topics, or too few sites.</exception>
    public static TopicTrainingResult Train(IReadOnlyList<LabeledArticle> examples, TopicTrainingOptions? options = null, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        options ??= TopicTrainingOptions.Default;
        var relevant = examples.Where(e => e.IsRelevant).ToList();
        if (relevant.FirstOrDefault(e => string.IsNullOrWhiteSpace(e.Topic)) is { } missing)
        {
            throw new TrainingDataException($"the danvan example '{missing.Id}' has no topic.");
        }

        var topics = relevant.Select(e => e.Topic!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (topics.Count < 2)
        {
            throw new TrainingDataException($"the danvan examples have {topics.Count} topic(s); a topic model needs at least two.");
        }

        FeaturePipeline.CheckFolds(options.Folds, relevant.Select(e => e.Site).Distinct().Count());
        MLContext context = ModelFile.CreateContext(options.Seed);

        // The label keys are fixed on all examples first, so that every fold numbers the topics alike.
        IDataView rows = TrainingRow.Load(context, relevant);
        IDataView data = context.Transforms.Conversion
            .MapValueToKey(KeyColumn, nameof(TrainingRow.Topic), keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(rows).Transform(rows);

        var candidates = new List<TopicCandidate>();
        foreach (string name in options.Trainer is null ? Trainers : [options.Trainer])
        {
            candidates.Add(CrossValidate(context, data, name, topics, options));
            progress?.Report($"{name}: macro-F1 {candidates[^1].MacroF1:0.000}");
        }

        candidates.Sort((a, b) => b.MacroF1.CompareTo(a.MacroF1));
        TopicCandidate best = candidates[0];
        ITransformer model = Pipeline(context, best.Trainer).Fit(data);
        var metrics = new Dictionary<string, double> { ["macro_f1"] = best.MacroF1, ["accuracy"] = best.Accuracy };
        foreach (TopicClassScore c in best.Classes)
        {
            metrics[$"f1_{c.Topic}"] = c.F1;
        }

        var metadata = new ModelMetadata
        {
            Kind = ModelKinds.Topic,
            FeatureVersion = VietnameseFeaturizer.Version,
            Labels = topics,
            TrainingDataHash = LabeledDataReader.Hash(relevant),
            TrainingExamples = relevant.Count,
            Trainer = best.Trainer,
            Seed = options.Seed,
            Folds = options.Folds,
            Command = options.Command,
            Metrics = metrics,
        };
        return new TopicTrainingResult(candidates, new LoadedModel(metadata, model, data.Schema, context));
    }

    private static TopicCandidate CrossValidate(MLContext context, IDataView data, string trainer, List<string> topics, TopicTrainingOptions options)
    {
        var folds = context.MulticlassClassification.CrossValidate(
            data, Pipeline(context, trainer), options.Folds, KeyColumn, samplingKeyColumnName: nameof(TrainingRow.Site), seed: options.Seed);
        int n = topics.Count;
        var confusion = Enumerable.Range(0, n).Select(_ => new int[n]).ToArray();
        foreach (var fold in folds)
        {
            uint[] truth = fold.ScoredHoldOutSet.GetColumn<uint>(KeyColumn).ToArray();
            uint[] predicted = fold.ScoredHoldOutSet.GetColumn<uint>("PredictedLabel").ToArray();
            for (int i = 0; i < truth.Length; i++)
            {
                // Keys are 1-based; 0 would be a missing value, which the trainers never predict.
                if (truth[i] > 0 && predicted[i] > 0)
                {
                    confusion[truth[i] - 1][predicted[i] - 1]++;
                }
            }
        }

        var classes = new List<TopicClassScore>();
        for (int t = 0; t < n; t++)
        {
            int tp = confusion[t][t];
            int support = confusion[t].Sum();
            int predictedCount = confusion.Sum(row => row[t]);
            double precision = predictedCount == 0 ? 0 : (double)tp / predictedCount;
            double recall = support == 0 ? 0 : (double)tp / support;
            double f1 = tp == 0 ? 0 : 2.0 * tp / (support + predictedCount);
            classes.Add(new TopicClassScore(topics[t], support, precision, recall, f1));
        }

        int total = confusion.Sum(row => row.Sum());
        double accuracy = total == 0 ? 0 : (double)Enumerable.Range(0, n).Sum(t => confusion[t][t]) / total;
        return new TopicCandidate(trainer, classes.Average(c => c.F1), accuracy, classes, confusion, topics);
    }

    internal static IEstimator<ITransformer> Pipeline(MLContext context, string trainer)
    {
        // The topic learners read the terms and the area cues, not the facts (FeaturePipeline.TopicFeatureColumn).
        IEstimator<ITransformer> features = FeaturePipeline.Create(context);
        const string input = FeaturePipeline.TopicFeatureColumn;
        IEstimator<ITransformer> learner = trainer switch
        {
            "sdca_maxent" => context.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = KeyColumn,
                FeatureColumnName = input,
                NumberOfThreads = 1,
                L2Regularization = 1e-4f,
                MaximumNumberOfIterations = 100,
            }),
            "lbfgs_maxent" => context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = KeyColumn,
                FeatureColumnName = input,
                NumberOfThreads = 1,
                L2Regularization = 1e-3f,
                L1Regularization = 0,
            }),
            "ova_perceptron" => context.MulticlassClassification.Trainers.OneVersusAll(
                context.BinaryClassification.Trainers.AveragedPerceptron(new AveragedPerceptronTrainer.Options
                {
                    FeatureColumnName = input,
                    NumberOfIterations = 20,
                    Shuffle = true,
                }),
                labelColumnName: KeyColumn),
            _ => throw new ArgumentException($"Unknown learner '{trainer}'; expected one of {string.Join(", ", Trainers)}.", nameof(trainer)),
        };
        return features.Append(learner).Append(context.Transforms.Conversion.MapKeyToValue(TopicClassifier.PredictedTopicColumn, "PredictedLabel"));
    }
}
