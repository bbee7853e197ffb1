using DanVan.Analytics.Extraction;

namespace DanVan.Analytics.Pipeline;

/// <summary>Options of <see cref="ArticlePipeline"/>.</summary>
public sealed record ArticlePipelineOptions
{
    /// <summary>The default options: facts extracted with <see cref="ArticleExtractor.Default"/>.</summary>
    public static ArticlePipelineOptions Default { get; } = new();

    /// <summary>Whether the extraction stage runs (documents, model counts, officials); true by default.</summary>
    public bool ExtractFacts { get; init; } = true;

    /// <summary>The extractor; <see cref="ArticleExtractor.Default"/> when null.</summary>
    public ArticleExtractor? Extractor { get; init; }

    /// <summary>How often progress is reported at most (the last report always comes); one second by default.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);
}
