using DanVan.Analytics.Classification;
using DanVan.Analytics.DependencyInjection;
using DanVan.Analytics.Extraction;
using DanVan.Analytics.Search.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace DanVan.Analytics.Search.DependencyInjection;

/// <summary>Registers an on-disk <see cref="ArticleIndex"/> in an <see cref="IServiceCollection"/>.</summary>
public static class ArticleIndexServiceCollectionExtensions
{
    /// <summary>
    /// Registers the text core (<see cref="DanVanAnalyticsServiceCollectionExtensions.AddDanVanAnalytics"/>) and one
    /// <see cref="ArticleIndex"/> at <paramref name="path"/> as a singleton (searches may run on many threads at once),
    /// opened on first use and disposed with the container. Opened for writing, it finds each article's facts with
    /// the registered <see cref="ArticleExtractor"/>, classifies with a registered <see cref="IArticleClassifier"/> if
    /// there is one, and logs through the container's <see cref="ILoggerFactory"/> if there is one.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="path">The index folder.</param>
    /// <param name="readOnly">Open for searching only (no writer lock is taken: any number of processes may search).</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IServiceCollection AddDanVanArticleIndex(this IServiceCollection services, string path, bool readOnly = false)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(path);
        services.AddDanVanAnalytics();
        services.TryAddSingleton(provider => readOnly
            ? ArticleIndex.OpenReadOnly(path)
            : ArticleIndex.OpenOrCreate(path, new ArticleIndexOptions
            {
                Facts = new ExtractedArticleFacts(provider.GetRequiredService<ArticleExtractor>()),
                Classifier = provider.GetService<IArticleClassifier>(),
                Logger = provider.GetService<ILoggerFactory>()?.CreateLogger<ArticleIndex>(),
            }));
        return services;
    }
}
