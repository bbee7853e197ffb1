using AngleSharp.Html.Dom;

namespace DanVan.Analytics.Parsing;

/// <summary>
/// A page decoded once and parsed into one DOM by <see cref="ArticleParser.Load"/>: callers that need more than
/// the article (a crawler reads the links) read this DOM, and <see cref="ArticleParser.Parse(HtmlPage, CancellationToken)"/>
/// reads the article from it, so a page is never decoded or parsed twice under different rules. Only the
/// attributes the parser reads are kept (among them <c>href</c>, <c>rel</c>, <c>type</c>, <c>name</c>,
/// <c>content</c>); script and style bodies and comments are not in it.
/// </summary>
public sealed class HtmlPage : IDisposable
{
    internal HtmlPage(IHtmlDocument document, Uri? url, List<string> jsonLd, List<ParseWarning> warnings)
    {
        Document = document;
        Url = url;
        JsonLd = jsonLd;
        Warnings = warnings;
    }

    /// <summary>The DOM.</summary>
    public IHtmlDocument Document { get; }

    /// <summary>The address the page came from, if given.</summary>
    public Uri? Url { get; }

    /// <summary>What went wrong while decoding (truncation, charset guesses, flattened nesting).</summary>
    public IReadOnlyList<ParseWarning> Warnings { get; }

    internal List<string> JsonLd { get; }

    /// <inheritdoc />
    public void Dispose() => Document.Dispose();
}
