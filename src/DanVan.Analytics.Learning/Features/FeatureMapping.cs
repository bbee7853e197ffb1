using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace DanVan.Analytics.Learning.Features;

/// <summary>The input of the feature mapping: an article's text (title, lead and body, or an excerpt).</summary>
public sealed class ArticleTextRow
{
    /// <summary>The text.</summary>
    public string Text { get; set; } = string.Empty;
}

/// <summary>The output of the feature mapping.</summary>
public sealed class ArticleFeatureRow
{
    /// <summary>Hashed term weights (<see cref="VietnameseFeaturizer.TermDimension"/> slots, unit length).</summary>
    [VectorType(VietnameseFeaturizer.TermDimension)]
    public VBuffer<float> Terms { get; set; }

    /// <summary>The fact features, named by <see cref="VietnameseFeaturizer.FactNames"/>.</summary>
    [VectorType(VietnameseFeaturizer.FactCount)]
    public float[] Facts { get; set; } = [];

    /// <summary>The cue features of the areas of dân vận work (<see cref="VietnameseFeaturizer.CueCount"/> values).</summary>
    [VectorType(VietnameseFeaturizer.CueCount)]
    public float[] Cues { get; set; } = [];
}

/// <summary>
/// The ML.NET custom mapping that runs <see cref="VietnameseFeaturizer"/> inside a model, so a saved model featurizes
/// the text it is given. Its contract name carries the feature version.
/// </summary>
[CustomMappingFactoryAttribute(ContractName)]
public sealed class VietnameseFeatureMappingFactory : CustomMappingFactory<ArticleTextRow, ArticleFeatureRow>
{
    /// <summary>The name the mapping is saved under in a model.</summary>
    public const string ContractName = "DanVan.VietnameseFeatures." + VietnameseFeaturizer.Version;

    /// <inheritdoc />
    public override Action<ArticleTextRow, ArticleFeatureRow> GetMapping() => Map;

    internal static void Map(ArticleTextRow input, ArticleFeatureRow output) => VietnameseFeaturizer.Featurize(input.Text, output);
}
