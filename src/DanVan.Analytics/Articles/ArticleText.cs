namespace DanVan.Analytics.Articles;

/// <summary>
/// The one definition of an article's text: the headline, the lead and the body, each that is not blank, joined
/// by a blank line ("\n\n"). Extraction, indexing, datasets and learning all read this text, so that the offsets of
/// a fact found in one stage point at the same characters in every other.
/// </summary>
public static class ArticleText
{
    /// <summary>The separator between the parts (a blank line, as between paragraphs of the body).</summary>
    public const string PartSeparator = "\n\n";

    /// <summary>The text of an article made of <paramref name="title"/>, <paramref name="lead"/> and <paramref name="body"/>.</summary>
    /// <returns>The non-blank parts in that order joined by <see cref="PartSeparator"/>; empty when all are blank.</returns>
    public static string Compose(string? title, string? lead, string? body)
    {
        bool hasTitle = !string.IsNullOrWhiteSpace(title);
        bool hasLead = !string.IsNullOrWhiteSpace(lead);
        bool hasBody = !string.IsNullOrWhiteSpace(body);
        return (hasTitle, hasLead, hasBody) switch
        {
            (false, false, false) => string.Empty,
            (true, false, false) => title!,
            (false, true, false) => lead!,
            (false, false, true) => body!,
            (true, true, false) => string.Concat(title, PartSeparator, lead),
            (true, false, true) => string.Concat(title, PartSeparator, body),
            (false, true, true) => string.Concat(lead, PartSeparator, body),
            (true, true, true) => string.Concat(title, PartSeparator, lead, PartSeparator, body),
        };
    }
}
