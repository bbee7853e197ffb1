namespace DanVan.Analytics.Learning.Topics;

/// <summary>Options of <see cref="TopicModeler"/>.</summary>
public sealed record TopicModelOptions
{
    /// <summary>The number of topics.</summary>
    public int Topics { get; init; } = 10;

    /// <summary>The seed of the sampler.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Threads of the sampler; results are reproducible with one.</summary>
    public int NumberOfThreads { get; init; } = 1;

    /// <summary>The most terms kept, by document frequency.</summary>
    public int VocabularySize { get; init; } = 20_000;

    /// <summary>A term must be in at least this many articles (with fewer than 20 articles, in one).</summary>
    public int MinimumDocumentFrequency { get; init; } = 2;

    /// <summary>A term in more than this share of the articles says nothing about a topic.</summary>
    public double MaximumDocumentShare { get; init; } = 0.5;

    /// <summary>
    /// Sampling iterations. 100 by default: on 10,000 articles the sampler's log-likelihood moves 0.5% from 100 to 200 and
    /// the topics' words and coherence stay the same, at half the time.
    /// </summary>
    public int Iterations { get; init; } = 100;

    /// <summary>
    /// The most terms (words and bigrams, in reading order) taken from one article; 0 takes them all. The sampler's time
    /// grows with the terms, and an article's title, lead and first paragraphs carry its subject.
    /// </summary>
    public int MaximumTermsPerDocument { get; init; }

    /// <summary>Words listed per topic.</summary>
    public int TopWords { get; init; } = 15;
}

/// <summary>An article to model: identifier, text and the day it was published, if known.</summary>
/// <param name="Id">The identifier.</param>
/// <param name="Text">The text.</param>
/// <param name="Date">The publication day, or null.</param>
public sealed record DatedText(string Id, string Text, DateOnly? Date);

/// <summary>A topic: its words and its share of all the articles.</summary>
/// <param name="Id">The topic's number, from 0.</param>
/// <param name="TopWords">Its most likely terms, accented ("dân vận", "mặt trận").</param>
/// <param name="Weight">The mean share of the topic over the articles; the weights sum to 1.</param>
public sealed record TopicSummary(int Id, IReadOnlyList<string> TopWords, double Weight);

/// <summary>One article's mixture of topics.</summary>
/// <param name="Id">The article's identifier.</param>
/// <param name="Date">Its publication day, or null.</param>
/// <param name="Mixture">The share of each topic, in topic order; sums to 1 (all zero for an article with no known term).</param>
public sealed record DocumentTopics(string Id, DateOnly? Date, IReadOnlyList<float> Mixture);

/// <summary>The topic shares of one month.</summary>
/// <param name="Month">"YYYY-MM".</param>
/// <param name="Documents">The dated articles of that month.</param>
/// <param name="Shares">The mean share of each topic over them.</param>
public sealed record TopicTrend(string Month, int Documents, IReadOnlyList<double> Shares);

/// <summary>Topics, mixtures and trends of a collection.</summary>
/// <param name="Topics">The topics.</param>
/// <param name="Documents">Every article's mixture, in input order.</param>
/// <param name="Trends">The months with dated articles, in order.</param>
/// <param name="VocabularySize">How many terms the model saw.</param>
public sealed record TopicModelResult(
    IReadOnlyList<TopicSummary> Topics, IReadOnlyList<DocumentTopics> Documents, IReadOnlyList<TopicTrend> Trends, int VocabularySize);
