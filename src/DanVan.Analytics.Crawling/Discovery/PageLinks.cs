namespace DanVan.Analytics.Crawling.Discovery;

/// <summary>What an HTML page points to.</summary>
public sealed record PageLinks
{
    /// <summary>The canonical URLs of the page's links (<c>a</c>, <c>area</c>, <c>link rel=next/prev</c>), in page order, without duplicates.</summary>
    public required IReadOnlyList<Uri> Links { get; init; }

    /// <summary>The page's <c>link rel=canonical</c>, canonicalized, if any.</summary>
    public Uri? Canonical { get; init; }

    /// <summary>RSS and Atom feeds the page announces (<c>link rel=alternate</c>).</summary>
    public IReadOnlyList<Uri> Feeds { get; init; } = [];

    /// <summary>Whether <c>meta name=robots</c> says <c>nofollow</c>: the links should not be followed.</summary>
    public bool NoFollow { get; init; }

    /// <summary>Whether <c>meta name=robots</c> says <c>noindex</c>: the page should not be kept as an article.</summary>
    public bool NoIndex { get; init; }

    /// <summary>Links past the extractor's cap that were not kept (0 for an ordinary page).</summary>
    public int DroppedLinks { get; init; }
}
