using AngleSharp.Dom;

namespace DanVan.Analytics.Parsing.Content;

/// <summary>What the class, id and tag of an element say about it.</summary>
[Flags]
internal enum NodeFlags
{
    None = 0,
    Positive = 1 << 0,
    StrongNegative = 1 << 1,
    WeakNegative = 1 << 2,
    CaptionHint = 1 << 3,
    LeadHint = 1 << 4,
    BylineHint = 1 << 5,
    DateHint = 1 << 6,

    /// <summary>&lt;nav&gt;, &lt;aside&gt;, &lt;footer&gt;: page furniture whatever its class.</summary>
    Furniture = 1 << 7,

    /// <summary>&lt;figure&gt; or &lt;figcaption&gt;.</summary>
    Figure = 1 << 8,

    /// <summary>&lt;table&gt;.</summary>
    Table = 1 << 9,

    /// <summary>A heading, h1–h6.</summary>
    Heading = 1 << 10,

    /// <summary>A comment thread or a reply form: never the article, however long.</summary>
    Comment = 1 << 11,
}

/// <summary>The kind of a text block, from the block element that holds it.</summary>
internal enum BlockKind
{
    Paragraph,
    Heading,
    ListItem,
    TableCell,
    Preformatted,
}

/// <summary>One element of the page, in document order; numbers are sums over its subtree.</summary>
internal struct PageNode
{
    public int Parent;

    /// <summary>One past the last node of the subtree (document order), so containment is a range check.</summary>
    public int End;

    public string Tag;
    public NodeFlags Flags;
    public int ClassWeight;
    public int TextChars;
    public int LinkChars;
    public int Images;
    public double Score;
    public bool IsCandidate;
}

/// <summary>A run of inline text under one block element: a paragraph, a heading, a list item.</summary>
internal sealed class TextBlock
{
    public required string Text { get; init; }

    /// <summary>The nearest block element holding the text.</summary>
    public required int Owner { get; init; }

    public required BlockKind Kind { get; init; }
    public int Chars { get; init; }
    public int LinkChars { get; init; }
    public int ItalicChars { get; init; }
    public int StrongChars { get; init; }
    public int Commas { get; init; }

    /// <summary>True when an image came just before this text with no text between.</summary>
    public bool FollowsImage { get; init; }

    public double LinkDensity => Chars == 0 ? 0 : (double)LinkChars / Chars;
}

/// <summary>Everything one walk over the page collects: nodes, text blocks and metadata.</summary>
internal sealed class PageModel
{
    public List<PageNode> Nodes { get; } = new(1024);
    public List<TextBlock> Blocks { get; } = new(256);
    public List<KeyValuePair<string, string>> Metas { get; } = [];
    public List<KeyValuePair<string, string>> Microdata { get; } = [];
    public string? TitleText { get; set; }
    public string? Language { get; set; }
    public string? CanonicalHref { get; set; }
    public string? FirstHeading { get; set; }
    public List<string> LeadTexts { get; } = [];
    public List<string> BylineTexts { get; } = [];

    /// <summary>The node of each of <see cref="BylineTexts"/>, in the same order.</summary>
    public List<int> BylineNodes { get; } = [];

    /// <summary>The text of links marked <c>rel="author"</c> outside comment threads: the author's name.</summary>
    public List<string> AuthorLinks { get; } = [];
    public List<KeyValuePair<int, string>> DateTexts { get; } = [];

    /// <summary>The nodes among <see cref="DateTexts"/> that show when the article was updated, not published.</summary>
    public HashSet<int> ModifiedDateNodes { get; } = [];
    public int FirstHeadingNode { get; set; } = -1;

    /// <summary>
    /// The h1 and h2 headings in page order, with the share of their text inside links (a logo heading is all link)
    /// and, for a heading set in separate elements (a kicker and the headline), its parts.
    /// </summary>
    public List<(int Level, string Text, bool IsLink, string[]? Parts)> Headings { get; } = [];
    public List<string> MachineDates { get; } = [];
    public List<string> Breadcrumb { get; } = [];
    public int BodyNode { get; set; }

    /// <summary>True when <paramref name="node"/> lies in the subtree of <paramref name="ancestor"/> (or is it).</summary>
    public bool Contains(int ancestor, int node) => node >= ancestor && node < Nodes[ancestor].End;
}
