using DanVan.Analytics.Learning.Data;
using DanVan.Analytics.Learning.Features;
using DanVan.Analytics.Learning.Models;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace DanVan.Analytics.Learning.Training;

/// <summary>Options of <see cref="RelevanceTrainer"/>.</summary>
public sealed record RelevanceTrainingOptions : TrainingOptions
{
    /// <summary>The default options: 5 folds, seed 1, every learner compared.</summary>
    public static RelevanceTrainingOptions Default { get; } = new();
}

/// <summary>Cross-validated scores of one learner on the relevance task (folds grouped by site).</summary>
/// <param name="Trainer">The learner's name.</param>
/// <param name="Precision">Precision of the out-of-fold predictions, each fold cut at the threshold chosen on the other folds.</param>
/// <param name="Recall">Recall, the same way.</param>
/// <param name="F1">F1, the same way.</param>
/// <param name="Auc">Area under the ROC curve of the out-of-fold probabilities.</param>
/// <param name="LogLoss">Mean log-loss of the probabilities over the folds (ML.NET's evaluator): how well calibrated they are.</param>
/// <param name="Threshold">The threshold that maximises F1 over all validation folds: the one the model ships with.</param>
public sealed record RelevanceCandidate(string Trainer, double Precision, double Recall, double F1, double Auc, double LogLoss, double Threshold);

/// <summary>The result of training: the comparison and the chosen model.</summary>
/// <param name="Candidates">Every learner compared, best first.</param>
/// <param name="Model">The chosen learner trained on all examples.</param>
public sealed record RelevanceTrainingResult(IReadOnlyList<RelevanceCandidate> Candidates, LoadedModel Model);

/// <summary>
/// Trains the relevance model (is the article's main subject mass-mobilization work?): compares linear learners by
/// cross-validation with folds grouped by site, picks the threshold on the validation folds and trains the best on all data.
/// </summary>
public static class RelevanceTrainer
{
    /// <summary>The learner the comparison chose on the public corpus: what <c>danvan train</c> uses without <c>--compare</c>.</summary>
    public const string DefaultTrainer = "lbfgs_logistic";

    /// <summary>The learners compared.</summary>
    public static IReadOnlyList<string> Trainers { get; } = ["sdca_logistic", "lbfgs_logistic", "averaged_perceptron"];

    /// <summary>Trains on <paramref name="examples"/>.</summary>
    /// <exception cref="TrainingDataException">One class only, or too few sites for the folds.</exception>
    public static RelevanceTrainingResult Train(IReadOnlyList<LabeledArticle> examples, RelevanceTrainingOptions? options = null, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        options ??= RelevanceTrainingOptions.Default;
        int positives = examples.Count(e => e.IsRelevant);
        if (positives == 0 || positives == examples.Count)
        {
            throw new TrainingDataException($"all {examples.Count} examples are '{(positives == 0 ? RelevanceLabels.Other : RelevanceLabels.DanVan)}'; relevance needs both labels.");
        }

        FeaturePipeline.CheckFolds(options.Folds, examples.Select(e => e.Site).Distinct().Count());
        IReadOnlyList<string> names = options.Trainer is null ? Trainers : [options.Trainer];
        MLContext context = ModelFile.CreateContext(options.Seed);
        IDataView data = TrainingRow.Load(context, examples);

        var candidates = new List<RelevanceCandidate>();
        foreach (string name in names)
        {
            candidates.Add(CrossValidate(context, data, name, options));
            progress?.Report($"{name}: F1 {candidates[^1].F1:0.000}");
        }

        candidates.Sort((a, b) => b.F1.CompareTo(a.F1));
        RelevanceCandidate best = candidates[0];
        ITransformer model = Pipeline(context, best.Trainer).Fit(data);
        var metadata = new ModelMetadata
        {
            Kind = ModelKinds.Relevance,
            FeatureVersion = VietnameseFeaturizer.Version,
            Labels = [RelevanceLabels.Other, RelevanceLabels.DanVan],
            TrainingDataHash = LabeledDataReader.Hash(examples),
            TrainingExamples = examples.Count,
            Trainer = best.Trainer,
            Threshold = best.Threshold,
            Seed = options.Seed,
            Folds = options.Folds,
            Command = options.Command,
            Metrics = new Dictionary<string, double>
            {
                ["precision"] = best.Precision,
                ["recall"] = best.Recall,
                ["f1"] = best.F1,
                ["auc"] = best.Auc,
                ["log_loss"] = best.LogLoss,
            },
        };
        return new RelevanceTrainingResult(candidates, new LoadedModel(metadata, model, data.Schema, context));
    }

    private static RelevanceCandidate CrossValidate(MLContext context, IDataView data, string trainer, RelevanceTrainingOptions options)
    {
        var folds = context.BinaryClassification.CrossValidate(
            data, Pipeline(context, trainer), options.Folds, nameof(TrainingRow.Label), samplingKeyColumnName: nameof(TrainingRow.Site), seed: options.Seed);

        var perFold = folds.Select(f => Scored(f.ScoredHoldOutSet)).ToList();
        var all = perFold.SelectMany(f => f).ToList();

        // Each fold is cut at the threshold chosen on the others, so the reported F1 never sees its own threshold.
        var counts = default(BinaryScoring.Counts);
        for (int k = 0; k < perFold.Count; k++)
        {
            var others = perFold.Where((_, i) => i != k).SelectMany(f => f).ToList();
            counts += BinaryScoring.CountAt(perFold[k], BinaryScoring.BestThreshold(others));
        }

        return new RelevanceCandidate(
            trainer, counts.Precision, counts.Recall, counts.F1, BinaryScoring.Auc(all),
            folds.Average(f => f.Metrics.LogLoss), BinaryScoring.BestThreshold(all));
    }

    private static List<(double Score, bool Label)> Scored(IDataView scored)
    {
        float[] probabilities = scored.GetColumn<float>("Probability").ToArray();
        bool[] labels = scored.GetColumn<bool>(nameof(TrainingRow.Label)).ToArray();
        return probabilities.Zip(labels, (p, l) => ((double)p, l)).ToList();
    }

    internal static IEstimator<ITransformer> Pipeline(MLContext context, string trainer)
    {
        IEstimator<ITransformer> features = FeaturePipeline.Create(context);
        const string label = nameof(TrainingRow.Label);
        return trainer switch
        {
            "sdca_logistic" => features.Append(context.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = label,
                FeatureColumnName = FeaturePipeline.FeatureColumn,
                NumberOfThreads = 1,
                L2Regularization = 1e-4f,
                MaximumNumberOfIterations = 100,
            })),
            "lbfgs_logistic" => features.Append(context.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = label,
                FeatureColumnName = FeaturePipeline.FeatureColumn,
                NumberOfThreads = 1,
                L2Regularization = 1e-2f,
                L1Regularization = 0,
            })),
            "averaged_perceptron" => features
                .Append(context.BinaryClassification.Trainers.AveragedPerceptron(new AveragedPerceptronTrainer.Options
                {
                    LabelColumnName = label,
                    FeatureColumnName = FeaturePipeline.FeatureColumn,
                    NumberOfIterations = 20,
                    Shuffle = true,
                }))
                .Append(context.BinaryClassification.Calibrators.Platt(labelColumnName: label)),
            _ => throw new ArgumentException($"Unknown learner '{trainer}'; expected one of {string.Join(", ", Trainers)}.", nameof(trainer)),
        };
    }
}
