using DanVan.Analytics.Classification;
using DanVan.Analytics.Learning.Data;

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
/// <remarks>Safe to share between threads. As an <see cref="IArticleClassifier"/> it serves the index and the crawler.</remarks>
public sealed class ArticleClassifier : IArticleClassifier
{
    private const int ChunkSize = 512;
    private readonly RelevanceClassifier _relevance;
    private readonly TopicClassifier? _topic;

    /// <summary>Creates a classifier from a relevance model and an optional topic model.</summary>
    public ArticleClassifier(RelevanceClassifier relevance, TopicClassifier? topic = null)
    {
        ArgumentNullException.ThrowIfNull(relevance);
        _relevance = relevance;
        _topic = topic;
    }

    /// <summary>Classifies one article.</summary>
    /// <exception cref="ArgumentException">The text is empty.</exception>
    public ArticlePrediction Classify(ClassificationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        RelevancePrediction relevance = _relevance.Predict(input.Text);
        TopicPrediction? topic = _topic?.Predict(input.Text);
        return new ArticlePrediction(input.Id, relevance.Label, relevance.Score, topic?.Topic, topic?.Score);
    }

    /// <inheritdoc/>
    public ArticleClassification Classify(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        RelevancePrediction relevance = _relevance.Predict(text);
        TopicPrediction? topic = _topic?.Predict(text);
        return new ArticleClassification(relevance.Label == RelevanceLabels.DanVan, relevance.Score, topic?.Topic, topic?.Score);
    }

    /// <summary>Classifies articles lazily, in input order, a batch at a time.</summary>
    /// <exception cref="ArgumentException">An article's text is empty (raised when it is reached).</exception>
    public IEnumerable<ArticlePrediction> ClassifyMany(IEnumerable<ClassificationInput> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (ClassificationInput[] chunk in inputs.Chunk(ChunkSize))
        {
            string[] texts = chunk.Select(c => c.Text).ToArray();
            var relevance = _relevance.PredictMany(texts, cancellationToken).ToList();
            var topics = _topic?.PredictMany(texts, cancellationToken).ToList();
            for (int i = 0; i < chunk.Length; i++)
            {
                yield return new ArticlePrediction(chunk[i].Id, relevance[i].Label, relevance[i].Score, topics?[i].Topic, topics?[i].Score);
            }
        }
    }
}
