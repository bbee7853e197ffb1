using DanVan.Analytics.Learning.Data;
using DanVan.Analytics.Learning.Models;

namespace DanVan.Analytics.Learning.Classification;

/// <summary>Whether an article's main subject is mass-mobilization work.</summary>
/// <param name="Label"><see cref="RelevanceLabels.DanVan"/> or <see cref="RelevanceLabels.Other"/>.</param>
/// <param name="Score">The calibrated probability that the article is about dân vận work.</param>
public sealed record RelevancePrediction(string Label, double Score)
{
    /// <summary>True when <see cref="Label"/> is <see cref="RelevanceLabels.DanVan"/>.</summary>
    public bool IsRelevant => Label == RelevanceLabels.DanVan;
}

/// <summary>Applies a relevance model: a calibrated probability, cut at the threshold chosen on the validation folds.</summary>
/// <remarks>Safe to share between threads.</remarks>
public sealed class RelevanceClassifier
{
    private readonly PooledPredictor<Output> _predictor;

    /// <summary>Wraps a loaded relevance model.</summary>
    /// <exception cref="ModelFormatException">The model is not a relevance model.</exception>
    public RelevanceClassifier(LoadedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Metadata.Kind != ModelKinds.Relevance)
        {
            throw new ModelFormatException($"This is a {model.Metadata.Kind} model; a relevance model is needed.");
        }

        _predictor = new PooledPredictor<Output>(model);
    }

    /// <summary>The model's metadata.</summary>
    public ModelMetadata Metadata => _predictor.Model.Metadata;

    /// <summary>The model.</summary>
    internal LoadedModel Model => _predictor.Model;

    /// <summary>Loads a relevance model file.</summary>
    /// <exception cref="ModelFormatException">The file is damaged or not a relevance model.</exception>
    /// <exception cref="FeatureVersionMismatchException">The model was trained on another feature version.</exception>
    public static RelevanceClassifier Load(string path) => new(ModelFile.Load(path, ModelKinds.Relevance));

    /// <summary>The model shipped with the package, trained on the public labeled corpus.</summary>
    public static RelevanceClassifier LoadDefault() => new(DefaultModels.Load(ModelKinds.Relevance));

    /// <summary>Classifies one text.</summary>
    /// <exception cref="ArgumentException">The text is empty.</exception>
    public RelevancePrediction Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ToPrediction(_predictor.Predict(text));
    }

    /// <summary>Classifies texts in batches, lazily and in order.</summary>
    /// <exception cref="ArgumentException">A text is empty (raised when it is reached).</exception>
    public IEnumerable<RelevancePrediction> PredictMany(IEnumerable<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return _predictor.PredictMany(texts, cancellationToken).Select(ToPrediction);
    }

    private RelevancePrediction ToPrediction(Output output) => ToPrediction(output.Probability);

    /// <summary>The prediction for a probability: the label is cut at the model's threshold.</summary>
    internal RelevancePrediction ToPrediction(float probability)
    {
        double score = float.IsNaN(probability) ? 0 : probability;
        return new RelevancePrediction(score >= Metadata.Threshold ? RelevanceLabels.DanVan : RelevanceLabels.Other, score);
    }

    /// <summary>The columns read from the model's output.</summary>
    public sealed class Output
    {
        /// <summary>The calibrated probability.</summary>
        public float Probability { get; set; }
    }
}
