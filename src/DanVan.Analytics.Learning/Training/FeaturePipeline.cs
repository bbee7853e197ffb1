using DanVan.Analytics.Learning.Features;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DanVan.Analytics.Learning.Training;

/// <summary>The feature part every model starts with: the Vietnamese mapping, then terms and facts in one vector.</summary>
internal static class FeaturePipeline
{
    public const string FeatureColumn = "Features";

    public static IEstimator<ITransformer> Create(MLContext context) =>
        context.Transforms.CustomMapping(new VietnameseFeatureMappingFactory().GetMapping(), VietnameseFeatureMappingFactory.ContractName)
            .Append(context.Transforms.Concatenate(FeatureColumn, nameof(ArticleFeatureRow.Terms), nameof(ArticleFeatureRow.Facts)))
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
