using DanVan.Analytics.Learning.Models;

namespace DanVan.Analytics.Learning.Classification;

/// <summary>The area of dân vận work an article covers.</summary>
/// <param name="Topic">The topic (one of the model's labels).</param>
/// <param name="Score">The model's probability for it.</param>
public sealed record TopicPrediction(string Topic, double Score);

/// <summary>Applies a topic model.</summary>
/// <remarks>Safe to share between threads.</remarks>
public sealed class TopicClassifier
{
    /// <summary>The output column with the topic's name.</summary>
    internal const string PredictedTopicColumn = "PredictedTopic";

    private readonly PooledPredictor<Output> _predictor;

    /// <summary>Wraps a loaded topic model.</summary>
    /// <exception cref="ModelFormatException">The model is not a topic model.</exception>
    public TopicClassifier(LoadedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Metadata.Kind != ModelKinds.Topic)
        {
            throw new ModelFormatException($"This is a {model.Metadata.Kind} model; a topic model is needed.");
        }

        _predictor = new PooledPredictor<Output>(model);
    }

    /// <summary>The model's metadata.</summary>
    public ModelMetadata Metadata => _predictor.Model.Metadata;

    /// <summary>The model.</summary>
    internal LoadedModel Model => _predictor.Model;

    /// <summary>Loads a topic model file.</summary>
    /// <exception cref="ModelFormatException">The file is damaged or not a topic model.</exception>
    /// <exception cref="FeatureVersionMismatchException">The model was trained on another feature version.</exception>
    public static TopicClassifier Load(string path) => new(ModelFile.Load(path, ModelKinds.Topic));

    /// <summary>The model shipped with the package, trained on the public labeled corpus.</summary>
    public static TopicClassifier LoadDefault() => new(DefaultModels.Load(ModelKinds.Topic));

    /// <summary>Classifies one text.</summary>
    /// <exception cref="ArgumentException">The text is empty.</exception>
    public TopicPrediction Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ToPrediction(_predictor.Predict(text));
    }

    /// <summary>Classifies texts in batches, lazily and in order.</summary>
    public IEnumerable<TopicPrediction> PredictMany(IEnumerable<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return _predictor.PredictMany(texts, cancellationToken).Select(ToPrediction);
    }

    private static TopicPrediction ToPrediction(Output output) => ToPrediction(output.PredictedTopic, output.Score);

    /// <summary>The prediction for a topic and the model's probabilities.</summary>
    internal static TopicPrediction ToPrediction(string topic, float[] scores) => new(topic, scores.Length == 0 ? 0 : scores.Max());

    /// <summary>The columns read from the model's output.</summary>
    public sealed class Output
    {
        /// <summary>The probability of each topic, in label order.</summary>
        public float[] Score { get; set; } = [];

        /// <summary>The predicted topic.</summary>
        public string PredictedTopic { get; set; } = string.Empty;
    }
}
