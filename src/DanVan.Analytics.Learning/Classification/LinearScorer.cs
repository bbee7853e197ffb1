using DanVan.Analytics.Learning.Features;
using DanVan.Analytics.Learning.Models;
using DanVan.Analytics.Learning.Training;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace DanVan.Analytics.Learning.Classification;

/// <summary>
/// Scores articles with the weights of trained linear models, read from the ML.NET models at load: a sparse dot product
/// per model over one featurization. ML.NET's row plumbing (data view, custom mapping, column copies, enumerable) costs
/// about as much as the features themselves on long articles; the weights and the calibration stay ML.NET's, and
/// <see cref="TryCreate"/> declines any model it cannot read, which then runs through ML.NET as before.
/// </summary>
/// <remarks>Immutable after construction, so safe to share between threads.</remarks>
internal sealed class LinearScorer
{
    private readonly float[] _relevanceWeights;
    private readonly float _relevanceBias;
    private readonly ICalibrator _calibrator;
    private readonly Topic? _topic;

    private LinearScorer(float[] relevanceWeights, float relevanceBias, ICalibrator calibrator, Topic? topic)
    {
        _relevanceWeights = relevanceWeights;
        _relevanceBias = relevanceBias;
        _calibrator = calibrator;
        _topic = topic;
    }

    /// <summary>A scorer for these models, or null when one of them is not a calibrated linear binary model / linear multiclass model.</summary>
    public static LinearScorer? TryCreate(LoadedModel relevance, LoadedModel? topic)
    {
        if (Last(relevance.Transformer) is not ISingleFeaturePredictionTransformer<object> binary
            || binary.FeatureColumnName != FeaturePipeline.FeatureColumn
            || Part<LinearBinaryModelParameters>(binary.Model, "SubModel") is not { } linear
            || Part<ICalibrator>(binary.Model, "Calibrator") is not { } calibrator
            || linear.Weights.Count != VietnameseFeaturizer.TermDimension + VietnameseFeaturizer.FactCount + VietnameseFeaturizer.CueCount)
        {
            return null;
        }

        Topic? topicScorer = null;
        if (topic is not null && (topicScorer = Topic.TryCreate(topic)) is null)
        {
            return null;
        }

        return new LinearScorer([.. linear.Weights], linear.Bias, calibrator, topicScorer);
    }

    /// <summary>The calibrated relevance probability and, with a topic model, the topic and its probability.</summary>
    public (float Probability, string? Topic, float TopicScore) Score(string text)
    {
        var features = new ArticleFeatureRow();
        VietnameseFeaturizer.Featurize(text, features);
        ReadOnlySpan<int> indices = features.Terms.GetIndices();
        ReadOnlySpan<float> values = features.Terms.GetValues();
        float score = _relevanceBias;
        for (int i = 0; i < indices.Length; i++)
        {
            score += _relevanceWeights[indices[i]] * values[i];
        }

        // After the terms, in FeaturePipeline's order: the facts, then the cues.
        int slot = VietnameseFeaturizer.TermDimension;
        foreach (float value in (ReadOnlySpan<float>)[.. features.Facts, .. features.Cues])
        {
            score += _relevanceWeights[slot++] * value;
        }

        float probability = _calibrator.PredictProbability(score);
        if (_topic is null)
        {
            return (probability, null, 0);
        }

        (string topic, float topicScore) = _topic.Score(indices, values, features);
        return (probability, topic, topicScore);
    }

    private static ITransformer Last(ITransformer transformer) =>
        transformer is IEnumerable<ITransformer> chain ? chain.Select(Last).LastOrDefault() ?? transformer : transformer;

    // A calibrated model's parts are generic properties (declared again, with other types, on the types that derive from
    // it), so they are read by name and the one of the wanted type is kept.
    private static T? Part<T>(object model, string name)
        where T : class =>
        model.GetType().GetProperties().Where(p => p.Name == name).Select(p => p.GetValue(model)).OfType<T>().FirstOrDefault();

    /// <summary>A linear multiclass model (maximum entropy: softmax over one weight vector per topic).</summary>
    private sealed class Topic
    {
        private readonly float[] _weights; // slot-major: the topics' weights of one slot side by side
        private readonly float[] _biases;
        private readonly string[] _labels;
        private readonly bool _readsFacts; // the relevance vector (terms, facts, cues) rather than the topic one (terms, cues)

        private Topic(float[] weights, float[] biases, string[] labels, bool readsFacts)
        {
            _weights = weights;
            _biases = biases;
            _labels = labels;
            _readsFacts = readsFacts;
        }

        public static Topic? TryCreate(LoadedModel topic)
        {
            // The topic chain ends with the key-to-topic mapping; the learner is the step before it.
            ITransformer[] steps = topic.Transformer is IEnumerable<ITransformer> chain ? [.. chain] : [topic.Transformer];
            if (steps.Length < 2
                || steps[^2] is not ISingleFeaturePredictionTransformer<object> multiclass
                || multiclass.Model is not MaximumEntropyModelParameters maxent)
            {
                return null;
            }

            bool readsFacts = multiclass.FeatureColumnName == FeaturePipeline.FeatureColumn;
            if (!readsFacts && multiclass.FeatureColumnName != FeaturePipeline.TopicFeatureColumn)
            {
                return null;
            }

            VBuffer<float>[] perTopic = [];
            maxent.GetWeights(ref perTopic, out int topics);
            int dimension = VietnameseFeaturizer.TermDimension + VietnameseFeaturizer.CueCount + (readsFacts ? VietnameseFeaturizer.FactCount : 0);
            string[] labels = [.. topic.Metadata.Labels];
            if (topics != labels.Length || perTopic.Any(w => w.Length != dimension))
            {
                return null;
            }

            var weights = new float[dimension * topics];
            for (int t = 0; t < topics; t++)
            {
                ReadOnlySpan<int> indices = perTopic[t].GetIndices();
                ReadOnlySpan<float> values = perTopic[t].GetValues();
                for (int i = 0; i < values.Length; i++)
                {
                    weights[((perTopic[t].IsDense ? i : indices[i]) * topics) + t] = values[i];
                }
            }

            return new Topic(weights, [.. maxent.GetBiases()], labels, readsFacts);
        }

        public (string Topic, float Score) Score(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, ArticleFeatureRow features)
        {
            int n = _biases.Length;
            Span<float> scores = stackalloc float[n];
            _biases.CopyTo(scores);
            for (int i = 0; i < indices.Length; i++)
            {
                Accumulate(scores, indices[i], values[i]);
            }

            int slot = VietnameseFeaturizer.TermDimension;
            foreach (float value in (ReadOnlySpan<float>)[.. _readsFacts ? features.Facts : [], .. features.Cues])
            {
                Accumulate(scores, slot++, value);
            }

            // Softmax, as ML.NET's maximum entropy model reports its scores; ties go to the first topic, as its argmax does.
            float max = float.NegativeInfinity;
            int best = 0;
            for (int t = 0; t < n; t++)
            {
                if (scores[t] > max)
                {
                    max = scores[t];
                    best = t;
                }
            }

            double sum = 0;
            for (int t = 0; t < n; t++)
            {
                sum += Math.Exp(scores[t] - max);
            }

            return (_labels[best], (float)(1 / sum));
        }

        private void Accumulate(Span<float> scores, int slot, float value)
        {
            ReadOnlySpan<float> row = _weights.AsSpan(slot * scores.Length, scores.Length);
            for (int t = 0; t < row.Length; t++)
            {
                scores[t] += row[t] * value;
            }
        }
    }
}
