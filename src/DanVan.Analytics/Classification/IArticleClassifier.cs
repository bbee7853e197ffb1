namespace DanVan.Analytics.Classification;

/// <summary>What a classifier says about one article: whether it is about dân vận work, and which area of the work.</summary>
/// <param name="Relevant">True when the article's main subject is mass-mobilization (dân vận) work.</param>
/// <param name="Score">The probability that it is, from 0 to 1.</param>
/// <param name="Topic">The area of the work (such as <c>dan_van_kheo</c>), or null when no topic model was used.</param>
/// <param name="TopicScore">The probability of <paramref name="Topic"/>, or null with it.</param>
public sealed record ArticleClassification(bool Relevant, double Score, string? Topic, double? TopicScore);

/// <summary>
/// Classifies an article's text (<see cref="Articles.ArticleText.Compose"/> of its title, lead and body). The seam
/// through which the index and the crawler use a learned classifier without depending on the library that learned it.
/// </summary>
/// <remarks>Implementations are safe to share between threads.</remarks>
public interface IArticleClassifier
{
    /// <summary>Classifies one article's text.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty or white space.</exception>
    ArticleClassification Classify(string text);
}
