using DanVan.Analytics.Extraction;
using DanVan.Analytics.Pipeline;
using DanVan.Analytics.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace DanVan.Analytics.DependencyInjection;

/// <summary>Registers the text core in an <see cref="IServiceCollection"/> (ASP.NET Core, a generic host, a worker).</summary>
public static class DanVanAnalyticsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the normalizer (<see cref="VietnameseNormalizer.Default"/>), an <see cref="ArticleExtractor"/> and
    /// <see cref="ArticlePipelineOptions"/> as singletons (all are safe to share between threads), and
    /// <see cref="ArticlePipeline"/> as transient, logging through the container's <see cref="ILogger{T}"/> when one is
    /// registered. Registrations already present are kept, so a caller can put its own first.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="extraction">The extraction options (lexicon, limits); the defaults when null.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddDanVanAnalytics(this IServiceCollection services, ExtractionOptions? extraction = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(VietnameseNormalizer.Default);
        services.TryAddSingleton(_ => extraction is null ? ArticleExtractor.Default : new ArticleExtractor(extraction));
        services.TryAddSingleton(provider => new ArticlePipelineOptions { Extractor = provider.GetRequiredService<ArticleExtractor>() });
        services.TryAddTransient(provider => new ArticlePipeline(
            provider.GetRequiredService<ArticlePipelineOptions>(),
            provider.GetService<ILogger<ArticlePipeline>>()));
        return services;
    }
}
