using DanVan.Analytics.Learning.Features;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DanVan.Analytics.Learning.Training;

/// <summary>
/// The feature part every model starts with: the Vietnamese mapping, then terms, facts and cues in one vector for
/// relevance and terms and cues in another for the topic.
/// </summary>
internal static class FeaturePipeline
{
    /// <summary>Terms, facts and cues: what the relevance learners read.</summary>
    public const string FeatureColumn = "Features";

    /// <summary>
    /// Terms and cues: what the topic learners read. The facts (document references, officials, "dân vận" mentions) tell
    /// whether an article is about dân vận work, not which area, and cost topic macro-F1.
    /// </summary>
    public const string TopicFeatureColumn = "TopicFeatures";

    // Both vectors are made by every model, so that the relevance and topic chains share their first steps and
    // ArticleClassifier can run the topic learner on the relevance chain's columns.
    public static IEstimator<ITransformer> Create(MLContext context) =>
        context.Transforms.CustomMapping(new VietnameseFeatureMappingFactory().GetMapping(), VietnameseFeatureMappingFactory.ContractName)
            .Append(context.Transforms.Concatenate(FeatureColumn, nameof(ArticleFeatureRow.Terms), nameof(ArticleFeatureRow.Facts), nameof(ArticleFeatureRow.Cues)))
            .Append(context.Transforms.Concatenate(TopicFeatureColumn, nameof(ArticleFeatureRow.Terms), nameof(ArticleFeatureRow.Cues)))
            .AppendCacheCheckpoint(context);

    /// <summary>The sites of the examples must fill the folds, or grouping by site cannot work.</summary>
    public static void CheckFolds(int folds, int sites)
    {
        if (folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, "At least two folds are needed.");
        }

        if (sites < folds)
        {
            throw new TrainingDataException($"{sites} sites cannot fill {folds} folds grouped by site; use fewer folds or more sites.");
        }
    }
}
