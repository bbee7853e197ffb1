namespace DanVan.Analytics.Learning.Data;

/// <summary>One labeled training example.</summary>
/// <param name="Id">The example's identifier.</param>
/// <param name="Site">The site the text comes from (its registrable domain): cross-validation folds never split a site.</param>
/// <param name="Label">The relevance label, <see cref="RelevanceLabels.DanVan"/> or <see cref="RelevanceLabels.Other"/>.</param>
/// <param name="Topic">The area of the work for a <c>danvan</c> example, a free word for others, or null.</param>
/// <param name="Text">The text, without the page store's " date …" marker.</param>
public sealed record LabeledArticle(string Id, string Site, string Label, string? Topic, string Text)
{
    /// <summary>True when the example is about mass-mobilization work.</summary>
    public bool IsRelevant => Label == RelevanceLabels.DanVan;
}

/// <summary>The relevance label values.</summary>
public static class RelevanceLabels
{
    /// <summary>The article's main subject is mass-mobilization work.</summary>
    public const string DanVan = "danvan";

    /// <summary>Anything else.</summary>
    public const string Other = "other";
}
