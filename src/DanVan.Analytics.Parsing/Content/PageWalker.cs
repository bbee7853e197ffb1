using System.Runtime.InteropServices;
using System.Text;
using AngleSharp.Dom;
using DanVan.Analytics.Parsing.Markup;
using DanVan.Analytics.Parsing.Tables;

namespace DanVan.Analytics.Parsing.Content;

/// <summary>
/// Walks the DOM once (iteratively, so depth cannot overflow the stack) and builds the
/// <see cref="PageModel"/>: text blocks with their link, italic and comma counts, per-element sums,
/// class hints, and the metadata tags and visible title/lead/byline/date elements.
/// </summary>
internal sealed class PageWalker
{
    private const int MaxCaptured = 24;
    private const int MaxCapturedChars = 2000;

    private readonly PageModel _model = new();
    private readonly ClassHintCache _hints;
    private readonly StringBuilder _buffer = new(1024);
    private readonly List<Frame> _stack = new(64);
    private int _owner;
    private int _linkDepth;
    private int _italicDepth;
    private int _strongDepth;
    private int _chars;
    private int _linkChars;
    private int _italicChars;
    private int _strongChars;
    private int _commas;
    private bool _pendingSpace;
    private int _lastBrLength = -1;
    private bool _imageSinceBlock;

    private PageWalker(ClassHintCache hints)
    {
        _hints = hints;
    }

    // The attributes the walk reads, taken in one pass over the element's attribute list: GetAttribute
    // scans the list (and lower-cases the name) on every call, and the walk asks for up to ten per element.
    private struct Attributes
    {
        public string? Class;
        public string? Id;
        public string? Style;
        public string? ItemProp;
        public string? Content;
        public string? DateTime;
        public string? Rel;
        public string? Lang;
        public bool Hidden;
        public bool ItemScope;

        public static Attributes Of(IElement element)
        {
            var a = default(Attributes);
            INamedNodeMap map = element.Attributes;
            for (int i = 0; i < map.Length; i++)
            {
                IAttr attr = map[i]!;
                switch (attr.Name)
                {
                    case "class": a.Class ??= attr.Value; break;
                    case "id": a.Id ??= attr.Value; break;
                    case "style": a.Style ??= attr.Value; break;
                    case "itemprop": a.ItemProp ??= attr.Value; break;
                    case "content": a.Content ??= attr.Value; break;
                    case "datetime": a.DateTime ??= attr.Value; break;
                    case "rel": a.Rel ??= attr.Value; break;
                    case "lang": a.Lang ??= attr.Value; break;
                    case "xml:lang": a.Lang ??= attr.Value; break;
                    case "hidden": a.Hidden = true; break;
                    case "itemscope": a.ItemScope = true; break;
                    case "aria-hidden": a.Hidden |= string.Equals(attr.Value, "true", StringComparison.OrdinalIgnoreCase); break;
                }
            }

            return a;
        }
    }

    private struct Frame
    {
        public IElement Element;
        public int Node;
        public int NextChild;
        public int PreviousOwner;
        public bool IsBlock;
        public bool IsLink;
        public bool IsItalic;
        public bool IsStrong;
        public bool CapturesText;
    }

    /// <summary>Walks <paramref name="root"/> (the &lt;html&gt; element).</summary>
    /// <param name="root">The page's root element.</param>
    /// <param name="hints">What class and id values say, kept from page to page by one parser.</param>
    /// <param name="cancellationToken">Cancels a long walk.</param>
    public static PageModel Walk(IElement root, ClassHintCache hints, CancellationToken cancellationToken)
    {
        var walker = new PageWalker(hints);
        walker.Run(root, cancellationToken);
        return walker._model;
    }

    private void Run(IElement root, CancellationToken cancellationToken)
    {
        if (!Enter(root))
        {
            return;
        }

        int steps = 0;
        while (_stack.Count > 0)
        {
            if ((++steps & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            Span<Frame> frames = CollectionsMarshal.AsSpan(_stack);
            ref Frame top = ref frames[^1];
            INodeList children = top.Element.ChildNodes;
            if (top.NextChild >= children.Length)
            {
                Exit();
                continue;
            }

            INode child = children[top.NextChild++];
            switch (child.NodeType)
            {
                case NodeType.Text:
                    AppendText(((ICharacterData)child).Data);
                    break;
                case NodeType.Element:
                    Enter((IElement)child);
                    break;
            }
        }

        Flush();
    }

    // Returns true when the element was pushed (its children will be walked).
    private bool Enter(IElement element)
    {
        string tag = element.LocalName;
        switch (tag)
        {
            case "br":
                if (_lastBrLength == _buffer.Length && _buffer.Length > 0)
                {
                    Flush();
                }
                else
                {
                    _pendingSpace = true;
                    _lastBrLength = _buffer.Length;
                }

                return false;
            case "img":
            case "picture":
            case "video":
                MarkImage();
                return false;
            case "meta":
                ReadMeta(element);
                return false;
            case "link":
                if (_model.CanonicalHref is null && string.Equals(element.GetAttribute("rel"), "canonical", StringComparison.OrdinalIgnoreCase))
                {
                    _model.CanonicalHref = element.GetAttribute("href");
                }

                return false;
            case "title":
                _model.TitleText ??= element.TextContent;
                return false;
            case "script" or "style" or "noscript" or "template" or "svg" or "math" or "iframe" or "object" or "embed"
                or "canvas" or "button" or "select" or "textarea" or "input" or "option" or "audio" or "map" or "dialog":
                return false;
        }

        Attributes attributes = Attributes.Of(element);
        if (IsHidden(attributes))
        {
            return false;
        }

        bool isBlock = IsBlockTag(tag);
        if (isBlock)
        {
            Flush();
        }

        int id = _model.Nodes.Count;
        int parent = _stack.Count == 0 ? -1 : _stack[^1].Node;
        NodeFlags flags = TagFlags(tag);
        int weight = 0;
        if (attributes.Class is not null || attributes.Id is not null)
        {
            (NodeFlags hintFlags, weight) = _hints.Of(attributes.Class, attributes.Id);
            flags |= hintFlags;
        }

        _model.Nodes.Add(new PageNode { Parent = parent, End = id + 1, Tag = tag, Flags = flags, ClassWeight = weight });
        if (tag == "body")
        {
            _model.BodyNode = id;
        }
        else if (tag == "html")
        {
            _model.Language = attributes.Lang;
        }

        bool capturesText = Capture(attributes, tag, flags);
        _stack.Add(new Frame
        {
            CapturesText = capturesText,
            Element = element,
            Node = id,
            PreviousOwner = _owner,
            IsBlock = isBlock,
            IsLink = tag == "a",
            IsItalic = tag is "em" or "i",
            IsStrong = tag is "strong" or "b",
        });
        if (isBlock || _stack.Count == 1)
        {
            _owner = id;
        }

        if (tag == "a")
        {
            _linkDepth++;
        }
        else if (tag is "em" or "i")
        {
            _italicDepth++;
        }
        else if (tag is "strong" or "b")
        {
            _strongDepth++;
        }

        return true;
    }

    private void Exit()
    {
        Frame frame = _stack[^1];
        if (frame.IsBlock)
        {
            Flush();
            _owner = frame.PreviousOwner;
        }

        if (frame.IsLink)
        {
            _linkDepth--;
        }
        else if (frame.IsItalic)
        {
            _italicDepth--;
        }
        else if (frame.IsStrong)
        {
            _strongDepth--;
        }

        _stack.RemoveAt(_stack.Count - 1);
        Span<PageNode> nodes = CollectionsMarshal.AsSpan(_model.Nodes);
        ref PageNode node = ref nodes[frame.Node];
        node.End = nodes.Length;
        if (frame.CapturesText && node.TextChars <= MaxCapturedChars)
        {
            // Read only now that the element's size is known: a "date" class on a whole column costs nothing.
            CaptureText(frame.Element, frame.Node, node.Tag, node.Flags);
        }

        if (node.Parent >= 0)
        {
            ref PageNode parent = ref nodes[node.Parent];
            parent.TextChars += node.TextChars;
            parent.LinkChars += node.LinkChars;
            parent.Images += node.Images;
        }
    }

    // Copies the text in runs between spaces and invisible characters: one vectorized search and one append per
    // word group instead of a test and an append per character.
    private void AppendText(string text)
    {
        ReadOnlySpan<char> rest = text;
        while (!rest.IsEmpty)
        {
            int stop = rest.IndexOfAny(TextCleaner.SpaceOrInvisible);
            if (stop != 0)
            {
                AppendRun(stop < 0 ? rest : rest[..stop]);
            }

            if (stop < 0)
            {
                break;
            }

            if (TextCleaner.IsSpace(rest[stop]))
            {
                _pendingSpace = true;
            }

            rest = rest[(stop + 1)..];
        }
    }

    private void AppendRun(ReadOnlySpan<char> run)
    {
        if (_pendingSpace && _buffer.Length > 0)
        {
            _buffer.Append(' ');
        }

        _pendingSpace = false;
        _buffer.Append(run);
        _chars += run.Length;
        if (_linkDepth > 0)
        {
            _linkChars += run.Length;
        }

        if (_italicDepth > 0)
        {
            _italicChars += run.Length;
        }

        if (_strongDepth > 0)
        {
            _strongChars += run.Length;
        }

        _commas += run.Count(',') + run.Count('\uFF0C');
    }

    private void Flush()
    {
        if (_chars > 0 && HasLetterOrDigit(_buffer))
        {
            ref PageNode owner = ref CollectionsMarshal.AsSpan(_model.Nodes)[_owner];
            owner.TextChars += _chars;
            owner.LinkChars += _linkChars;
            _model.Blocks.Add(new TextBlock
            {
                Text = _buffer.ToString(),
                Owner = _owner,
                Kind = KindOf(owner.Tag),
                Chars = _chars,
                LinkChars = _linkChars,
                ItalicChars = _italicChars,
                StrongChars = _strongChars,
                Commas = _commas,
                FollowsImage = _imageSinceBlock,
            });
            _imageSinceBlock = false;
        }

        _buffer.Clear();
        _chars = _linkChars = _italicChars = _strongChars = _commas = 0;
        _pendingSpace = false;
        _lastBrLength = -1;
    }

    private static bool HasLetterOrDigit(StringBuilder buffer)
    {
        foreach (ReadOnlyMemory<char> chunk in buffer.GetChunks())
        {
            foreach (char c in chunk.Span)
            {
                if (char.IsLetterOrDigit(c))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void MarkImage()
    {
        if (_stack.Count > 0)
        {
            CollectionsMarshal.AsSpan(_model.Nodes)[_stack[^1].Node].Images++;
        }

        if (_buffer.Length == 0)
        {
            _imageSinceBlock = true;
        }
    }

    private void ReadMeta(IElement element)
    {
        string? content = element.GetAttribute("content");
        if (content is null)
        {
            return;
        }

        string? key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("http-equiv");
        if (key is not null)
        {
            _model.Metas.Add(new(key.Trim().ToLowerInvariant(), content));
        }

        string? itemprop = element.GetAttribute("itemprop");
        if (itemprop is not null)
        {
            _model.Microdata.Add(new(itemprop.Trim(), content));
        }
    }

    // Reads the attribute metadata at once; returns true when the element's text is wanted at its end.
    private bool Capture(in Attributes attributes, string tag, NodeFlags flags)
    {
        string? itemprop = attributes.ItemProp;
        bool wantsText = false;
        if (itemprop is not null && _model.Microdata.Count < MaxCaptured * 4)
        {
            string prop = itemprop.Trim();
            string? value = attributes.Content ?? attributes.DateTime;
            if (value is not null)
            {
                _model.Microdata.Add(new(prop, value));
            }
            else
            {
                wantsText = prop is "headline" or "name" or "datePublished" or "dateModified" or "description" or "articleSection" or "author" or "creator" or "inLanguage" or "keywords";
            }
        }

        if (tag == "time")
        {
            string? datetime = attributes.DateTime;
            if (datetime is not null && _model.MachineDates.Count < MaxCaptured)
            {
                _model.MachineDates.Add(datetime);
            }
        }

        wantsText |= tag == "a" && _model.AuthorLinks.Count < MaxCaptured && attributes.Rel is { } rel && rel.Contains("author", StringComparison.OrdinalIgnoreCase);
        return wantsText || (tag is "h1" or "h2" or "time" && _model.Headings.Count < MaxCaptured) ||
               (flags & (NodeFlags.LeadHint | NodeFlags.BylineHint | NodeFlags.DateHint | NodeFlags.StrongNegative)) != 0;
    }

    private void CaptureText(IElement element, int node, string tag, NodeFlags flags)
    {
        if (tag is "h1" or "h2")
        {
            string heading = Text(element);
            if (tag == "h1" && _model.FirstHeading is null)
            {
                _model.FirstHeading = heading;
                _model.FirstHeadingNode = node;
            }

            if (_model.Headings.Count < MaxCaptured)
            {
                PageNode n = _model.Nodes[node];
                _model.Headings.Add((tag == "h1" ? 1 : 2, heading, n.TextChars > 0 && n.LinkChars * 2 > n.TextChars, HeadingParts(element)));
            }
        }

        if (tag == "a" && _model.AuthorLinks.Count < MaxCaptured && !InComment() && (element.GetAttribute("rel") ?? string.Empty).Contains("author", StringComparison.OrdinalIgnoreCase))
        {
            _model.AuthorLinks.Add(Text(element));
        }

        string? itemprop = element.GetAttribute("itemprop");
        if (itemprop is not null && element.GetAttribute("content") is null && element.GetAttribute("datetime") is null && _model.Microdata.Count < MaxCaptured * 4)
        {
            string prop = itemprop.Trim();
            string value = prop is "author" or "creator" && element.HasAttribute("itemscope") && element.QuerySelector("[itemprop=name]") is { } name
                ? Text(name)
                : Text(element);
            _model.Microdata.Add(new(prop, value));
        }

        if ((flags & NodeFlags.StrongNegative) != 0)
        {
            if ((flags & NodeFlags.Positive) == 0 && _model.Breadcrumb.Count == 0 && (element.ClassName ?? string.Empty).Contains("breadcrumb", StringComparison.OrdinalIgnoreCase))
            {
                foreach (IElement link in element.QuerySelectorAll("a"))
                {
                    _model.Breadcrumb.Add(Text(link));
                }
            }

            return;
        }

        if ((flags & NodeFlags.CaptionHint) == 0 && (flags & NodeFlags.LeadHint) != 0 && _model.LeadTexts.Count < MaxCaptured)
        {
            _model.LeadTexts.Add(Text(element));
        }

        if ((flags & NodeFlags.BylineHint) != 0 && _model.BylineTexts.Count < MaxCaptured)
        {
            _model.BylineTexts.Add(Text(element));
            _model.BylineNodes.Add(node);
        }

        // The text of a <time> is the date as the page shows it, in the page's own time zone.
        if (((flags & NodeFlags.DateHint) != 0 || tag == "time") && _model.DateTexts.Count < MaxCaptured)
        {
            _model.DateTexts.Add(new(node, Text(element)));
            if ((element.ClassName ?? string.Empty).Contains("updated", StringComparison.OrdinalIgnoreCase) ||
                (element.ClassName ?? string.Empty).Contains("modified", StringComparison.OrdinalIgnoreCase) ||
                string.Equals(element.GetAttribute("itemprop"), "dateModified", StringComparison.Ordinal))
            {
                _model.ModifiedDateNodes.Add(node);
            }
        }
    }

    // The parts of a heading set in separate elements ("<span class=kicker>Klimaschutz</span><span>Bohren, bis es
    // heiß wird</span>", "Politics | " in a link before the headline), or null when it is one run of text. Text and
    // inline emphasis glue into one part; any other element, and a line break, ends a part.
    private static string[]? HeadingParts(IElement heading)
    {
        IElement container = heading;
        for (int depth = 0; depth < 3 && SoleChild(container) is { } only; depth++)
        {
            container = only;
        }

        List<string>? parts = null;
        var current = new StringBuilder();
        foreach (INode child in container.ChildNodes)
        {
            if (child is IElement element && element.LocalName is not ("em" or "i" or "b" or "strong" or "u" or "q" or "abbr" or "code" or "sub" or "sup" or "mark" or "font"))
            {
                AddPart(ref parts, current);
                current.Append(element.TextContent);
                AddPart(ref parts, current);
            }
            else if (child.NodeType is NodeType.Text or NodeType.Element)
            {
                current.Append(child.TextContent);
            }
        }

        AddPart(ref parts, current);
        return parts is { Count: > 1 } ? [.. parts] : null;
    }

    private static void AddPart(ref List<string>? parts, StringBuilder current)
    {
        string part = TextCleaner.Clean(current.ToString());
        current.Clear();
        // A lone separator (": ", " – ") is kept: it tells a kicker from the headline.
        if (part.AsSpan().IndexOfAnyExcept(TextCleaner.SpaceOrInvisible) >= 0 && (HasLetterOrDigit(new StringBuilder(part)) || part.AsSpan().IndexOfAny(":–—|") >= 0))
        {
            (parts ??= []).Add(part);
        }
    }

    // The only child element of a wrapper that holds no text of its own (a permalink or a span around the headline).
    private static IElement? SoleChild(IElement element)
    {
        if (element.ChildElementCount != 1)
        {
            return null;
        }

        foreach (INode child in element.ChildNodes)
        {
            if (child.NodeType == NodeType.Text && !string.IsNullOrWhiteSpace(child.TextContent))
            {
                return null;
            }
        }

        return element.FirstElementChild;
    }

    // True while the walk is inside a comment thread (the frames on the stack are the open ancestors).
    private bool InComment()
    {
        foreach (Frame frame in _stack)
        {
            if ((_model.Nodes[frame.Node].Flags & NodeFlags.Comment) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string Text(IElement element)
    {
        string text = element.TextContent;
        return text.Length > MaxCapturedChars ? text[..MaxCapturedChars] : text;
    }

    private static bool IsHidden(in Attributes attributes)
    {
        if (attributes.Hidden)
        {
            return true;
        }

        string? style = attributes.Style;
        if (style is null || style.Length < 11)
        {
            return false;
        }

        int display = style.IndexOf("display", StringComparison.OrdinalIgnoreCase);
        if (display >= 0)
        {
            ReadOnlySpan<char> rest = style.AsSpan(display + 7).TrimStart(" :");
            if (rest.StartsWith("none", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        int visibility = style.IndexOf("visibility", StringComparison.OrdinalIgnoreCase);
        return visibility >= 0 && style.AsSpan(visibility + 10).TrimStart(" :").StartsWith("hidden", StringComparison.OrdinalIgnoreCase);
    }

    private static NodeFlags TagFlags(string tag) => tag switch
    {
        "nav" or "aside" or "footer" => NodeFlags.Furniture,
        "figure" or "figcaption" => NodeFlags.Figure,
        "table" => NodeFlags.Table,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => NodeFlags.Heading,
        _ => NodeFlags.None,
    };

    private static BlockKind KindOf(string tag) => tag switch
    {
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => BlockKind.Heading,
        "li" or "dt" or "dd" => BlockKind.ListItem,
        "td" or "th" => BlockKind.TableCell,
        "pre" => BlockKind.Preformatted,
        _ => BlockKind.Paragraph,
    };

    internal static bool IsBlockTag(string tag) => tag switch
    {
        "p" or "div" or "section" or "article" or "main" or "header" or "footer" or "aside" or "nav" or "h1" or "h2" or "h3"
            or "h4" or "h5" or "h6" or "ul" or "ol" or "li" or "dl" or "dt" or "dd" or "table" or "tbody" or "thead"
            or "tfoot" or "tr" or "td" or "th" or "caption" or "blockquote" or "pre" or "figure" or "figcaption" or "form"
            or "hr" or "address" or "center" or "details" or "summary" or "fieldset" or "legend" or "body" or "html" => true,
        _ => false,
    };
}
