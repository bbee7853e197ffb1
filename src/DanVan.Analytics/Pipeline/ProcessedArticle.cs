using DanVan.Analytics.Articles;
using DanVan.Analytics.Extraction;

namespace DanVan.Analytics.Pipeline;

/// <summary>An article after the pipeline's stages: the record as read, its text, and the facts found in it.</summary>
/// <param name="Record">The record.</param>
/// <param name="Text">The article's text (<see cref="ArticleRecord.ComposeText"/>); the facts' offsets point into it.</param>
/// <param name="Facts">The facts, or null when the pipeline ran without extraction.</param>
public sealed record ProcessedArticle(ArticleRecord Record, string Text, ExtractionResult? Facts);

/// <summary>How far a pipeline run has come.</summary>
/// <param name="Articles">Articles processed so far.</param>
/// <param name="Elapsed">Time since the run started.</param>
/// <param name="IsFinal">Whether this is the run's last report.</param>
public sealed record ArticlePipelineProgress(long Articles, TimeSpan Elapsed, bool IsFinal)
{
    /// <summary>Articles a second since the start.</summary>
    public double ArticlesPerSecond => Articles / Math.Max(0.001, Elapsed.TotalSeconds);
}

/// <summary>What a pipeline run did.</summary>
/// <param name="Articles">Articles processed and handed to every sink.</param>
/// <param name="Elapsed">The run's duration.</param>
public sealed record ArticlePipelineSummary(long Articles, TimeSpan Elapsed);
