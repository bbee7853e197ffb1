using DanVan.Analytics.Classification;
using DanVan.Analytics.Learning.Data;
using DanVan.Analytics.Learning.Models;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace DanVan.Analytics.Learning.Classification;

/// <summary>A text to classify and the identifier its prediction is reported under.</summary>
/// <param name="Id">The article's or case's identifier.</param>
/// <param name="Text">The text: an article's title, lead and body, or a case's text.</param>
public sealed record ClassificationInput(string Id, string Text);

/// <summary>The prediction for one article.</summary>
/// <param name="Id">The input's identifier.</param>
/// <param name="Label"><c>danvan</c> or <c>other</c>.</param>
/// <param name="Score">The calibrated probability that the article is about dân vận work.</param>
/// <param name="Topic">The area of the work, when a topic model was given (whatever the label, so that a caller may choose).</param>
/// <param name="TopicScore">The topic model's probability for <paramref name="Topic"/>.</param>
public sealed record ArticlePrediction(string Id, string Label, double Score, string? Topic, double? TopicScore);

/// <summary>Relevance and, optionally, topic for a stream of articles, in batches.</summary>
/// <remarks>
/// Safe to share between threads. Each article is featurized once for both models (their feature versions are checked at
/// load). Linear models (the shipped ones) are scored directly with their trained weights; any other model runs as one
/// ML.NET chain in which the relevance model's features feed the topic learner too. As an <see cref="IArticleClassifier"/> it serves the index and the crawler.
/// </remarks>
public sealed class ArticleClassifier : IArticleClassifier
{
    private const int ChunkSize = 512;
    private readonly RelevanceClassifier _relevance;
    private readonly PooledPredictor<CombinedOutput>? _both;
    private readonly LinearScorer? _scorer;

    /// <summary>Creates a classifier from a relevance model and an optional topic model.</summary>
    public ArticleClassifier(RelevanceClassifier relevance, TopicClassifier? topic = null)
        : this(relevance, topic, scoreDirectly: true)
    {
    }

    /// <summary>Creates a classifier; <paramref name="scoreDirectly"/> false keeps every model on the ML.NET chain (to compare the paths).</summary>
    internal ArticleClassifier(RelevanceClassifier relevance, TopicClassifier? topic, bool scoreDirectly)
    {
        ArgumentNullException.ThrowIfNull(relevance);
        _relevance = relevance;
        if (topic is not null)
        {
            LoadedModel model = relevance.Model;
            var chain = new TransformerChain<ITransformer>([.. Flatten(model.Transformer), .. Flatten(topic.Model.Transformer).SkipWhile(IsFeatureStep)]);
            _both = new PooledPredictor<CombinedOutput>(model with { Transformer = chain });
        }

        _scorer = scoreDirectly ? LinearScorer.TryCreate(relevance.Model, topic?.Model) : null;
    }

    /// <summary>True when the models' weights are applied directly (<see cref="LinearScorer"/>), not through ML.NET's rows.</summary>
    internal bool ScoresDirectly => _scorer is not null;

    /// <summary>Classifies one article.</summary>
    /// <exception cref="ArgumentException">The text is empty.</exception>
    public ArticlePrediction Classify(ClassificationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ToPrediction(input.Id, input.Text);
    }

    /// <inheritdoc/>
    public ArticleClassification Classify(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArticlePrediction p = ToPrediction(string.Empty, text);
        return new ArticleClassification(p.Label == RelevanceLabels.DanVan, p.Score, p.Topic, p.TopicScore);
    }

    /// <summary>Classifies articles lazily, in input order, a batch at a time.</summary>
    /// <exception cref="ArgumentException">An article's text is empty (raised when it is reached).</exception>
    public IEnumerable<ArticlePrediction> ClassifyMany(IEnumerable<ClassificationInput> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (_scorer is not null)
        {
            foreach (ClassificationInput input in inputs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return Score(input.Id, input.Text);
            }

            yield break;
        }

        foreach (ClassificationInput[] chunk in inputs.Chunk(ChunkSize))
        {
            IEnumerable<string> texts = chunk.Select(c => c.Text);
            if (_both is null)
            {
                int i = 0;
                foreach (RelevancePrediction r in _relevance.PredictMany(texts, cancellationToken))
                {
                    yield return new ArticlePrediction(chunk[i++].Id, r.Label, r.Score, null, null);
                }

                continue;
            }

            int k = 0;
            foreach (CombinedOutput output in _both.PredictMany(texts, cancellationToken))
            {
                yield return ToPrediction(chunk[k++].Id, output);
            }
        }
    }

    private ArticlePrediction ToPrediction(string id, string text)
    {
        if (_scorer is not null)
        {
            return Score(id, text);
        }

        if (_both is null)
        {
            RelevancePrediction r = _relevance.Predict(text);
            return new ArticlePrediction(id, r.Label, r.Score, null, null);
        }

        return ToPrediction(id, _both.Predict(text));
    }

    private ArticlePrediction Score(string id, string text)
    {
        PooledPredictor<CombinedOutput>.CheckText(text);
        (float probability, string? topic, float topicScore) = _scorer!.Score(text);
        RelevancePrediction r = _relevance.ToPrediction(probability);
        return new ArticlePrediction(id, r.Label, r.Score, topic, topic is null ? null : topicScore);
    }

    private ArticlePrediction ToPrediction(string id, CombinedOutput output)
    {
        RelevancePrediction r = _relevance.ToPrediction(output.Probability);
        TopicPrediction t = TopicClassifier.ToPrediction(output.PredictedTopic, output.Score);
        return new ArticlePrediction(id, r.Label, r.Score, t.Topic, t.Score);
    }

    private static IEnumerable<ITransformer> Flatten(ITransformer transformer) =>
        transformer is IEnumerable<ITransformer> chain ? chain.SelectMany(Flatten) : [transformer];

    // The steps every model starts with (FeaturePipeline): the Vietnamese mapping and the concatenation into Features.
    private static bool IsFeatureStep(ITransformer transformer) =>
        transformer is ColumnConcatenatingTransformer
        || transformer.GetType().IsGenericType && transformer.GetType().GetGenericTypeDefinition() == typeof(CustomMappingTransformer<,>);

    /// <summary>The columns read from the chain: the relevance model's probability, then the topic model's outputs.</summary>
    internal sealed class CombinedOutput
    {
        public float Probability { get; set; }

        public float[] Score { get; set; } = [];

        public string PredictedTopic { get; set; } = string.Empty;
    }
}
