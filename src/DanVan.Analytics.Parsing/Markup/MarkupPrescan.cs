using System.Buffers;
using System.Diagnostics;

namespace DanVan.Analytics.Parsing.Markup;

/// <summary>
/// One linear pass over the page text before the HTML parser: collects the JSON-LD blocks, cuts out what can
/// never be article text (script and style bodies, comments, inline SVG: 70–80% of a typical news page, which
/// the HTML tokenizer would otherwise read character by character), flattens elements nested deeper than the
/// limit (AngleSharp's tree builder is quadratic in nesting depth) and notices pages cut off mid-markup.
/// </summary>
internal sealed class MarkupPrescan
{
    private static readonly string[] RawTextTags = ["script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes"];
    private static readonly string[] VoidTags = ["br", "img", "meta", "link", "input", "hr", "area", "base", "col", "embed", "param", "source", "track", "wbr", "keygen", "command", "basefont", "bgsound", "frame", "image"];
    private static readonly string[] ClosesParagraph = ["div", "p", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "figure", "header", "footer", "aside", "nav", "form", "pre", "dl", "hr", "main", "address", "fieldset", "details", "figcaption", "center"];

    private static readonly string[] SelfClosingSiblings = ["li", "td", "th", "tr", "option", "dt", "dd"];
    private static readonly string[] Cells = ["td", "th"];
    private static readonly string[] CellStarts = ["td", "th", "tr"];
    private static readonly string[] Definitions = ["dt", "dd"];

    private static readonly string[] KeptRawText = ["title", "textarea"];
    private const string ParagraphBoundary = "<br><br>";

    private MarkupPrescan(string html, List<string> jsonLd, bool flattened, bool truncated)
    {
        Html = html;
        JsonLd = jsonLd;
        Flattened = flattened;
        Truncated = truncated;
    }

    /// <summary>The page text to give the HTML parser: the input without script/style bodies, comments, SVG and over-deep tags.</summary>
    public string Html { get; }

    /// <summary>The raw text of each <c>&lt;script type="application/ld+json"&gt;</c>.</summary>
    public List<string> JsonLd { get; }

    /// <summary>True when some start and end tags were dropped because of nesting depth.</summary>
    public bool Flattened { get; }

    /// <summary>True when the page ends inside a tag, a comment or a script.</summary>
    public bool Truncated { get; }

    /// <summary>Scans <paramref name="html"/>; the result is <paramref name="html"/> itself when nothing is cut.</summary>
    public static MarkupPrescan Run(string html, int maxDepth, CancellationToken cancellationToken) =>
        Run(html.AsMemory(), html, maxDepth, cancellationToken);

    /// <summary>Scans <paramref name="html"/>, a decoded page in a caller's buffer.</summary>
    public static MarkupPrescan Run(ReadOnlyMemory<char> html, int maxDepth, CancellationToken cancellationToken) =>
        Run(html, null, maxDepth, cancellationToken);

    private static MarkupPrescan Run(ReadOnlyMemory<char> html, string? original, int maxDepth, CancellationToken cancellationToken)
    {
        var rewritten = new Rewritten();
        try
        {
            return Scan(html.Span, original, maxDepth, ref rewritten, cancellationToken);
        }
        finally
        {
            rewritten.Dispose();
        }
    }

    private static MarkupPrescan Scan(ReadOnlySpan<char> s, string? original, int maxDepth, ref Rewritten rewritten, CancellationToken cancellationToken)
    {
        var jsonLd = new List<string>();
        var stack = new List<(int Start, int Length)>(64);
        int copiedUpTo = 0;
        int dropped = 0;
        bool truncated = false;
        bool flattened = false;
        int templateClose = -1;
        int i = 0;
        int steps = 0;
        while (true)
        {
            int lt = s[i..].IndexOf('<');
            if (lt < 0)
            {
                break;
            }

            if ((++steps & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            int tagStart = i + lt;
            int p = tagStart + 1;
            if (p >= s.Length)
            {
                truncated = true;
                break;
            }

            if (tagStart == templateClose)
            {
                int end = s[tagStart..].IndexOf('>');
                i = end < 0 ? s.Length : tagStart + end + 1;
                Drop(ref rewritten, s, ref copiedUpTo, tagStart, i, "</div>");
                templateClose = -1;
                continue;
            }

            if (s[p..].StartsWith("!--"))
            {
                int close = s[(p + 3)..].IndexOf("-->");
                if (close < 0)
                {
                    truncated = true;
                    break;
                }

                i = p + 3 + close + 3;
                Drop(ref rewritten, s, ref copiedUpTo, tagStart, i);
                continue;
            }

            if (s[p] is '!' or '?')
            {
                int close = s[p..].IndexOf('>');
                if (close < 0)
                {
                    truncated = true;
                    break;
                }

                i = p + close + 1;
                continue;
            }

            bool isEnd = s[p] == '/';
            int nameStart = isEnd ? p + 1 : p;
            int nameEnd = nameStart;
            while (nameEnd < s.Length && (char.IsAsciiLetterOrDigit(s[nameEnd]) || s[nameEnd] is '-' or ':' or '_'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(s[nameStart]))
            {
                // "<" that is not markup ("a < b").
                i = p;
                continue;
            }

            int tagEnd = s[nameEnd..].IndexOf('>');
            if (tagEnd < 0)
            {
                truncated = true;
                break;
            }

            tagEnd += nameEnd + 1;
            ReadOnlySpan<char> name = s[nameStart..nameEnd];
            if (isEnd)
            {
                int match = FindOpen(s, stack, name);
                if (match >= 0)
                {
                    stack.RemoveRange(match, stack.Count - match);
                }
                else if (dropped > 0)
                {
                    dropped--;
                    Drop(ref rewritten, s, ref copiedUpTo, tagStart, tagEnd, BoundaryFor(name));
                }

                i = tagEnd;
                continue;
            }

            if (IsOneOf(name, RawTextTags))
            {
                int contentStart = tagEnd;
                int close = IndexOfEndTag(s, contentStart, name);
                if (close < 0)
                {
                    truncated = true;
                    break;
                }

                if (templateClose < 0 && name.Equals("script", StringComparison.OrdinalIgnoreCase) && IsArticleTemplate(s[tagStart..tagEnd], s[contentStart..close]))
                {
                    // The text is read from the template's markup as if the script that renders it had run.
                    Drop(ref rewritten, s, ref copiedUpTo, tagStart, tagEnd, "<div>");
                    templateClose = close;
                    i = contentStart;
                    continue;
                }

                if (name.Equals("script", StringComparison.OrdinalIgnoreCase) &&
                    s[tagStart..tagEnd].Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                {
                    jsonLd.Add(s[contentStart..close].ToString());
                }

                if (!IsOneOf(name, KeptRawText) && close > contentStart)
                {
                    Drop(ref rewritten, s, ref copiedUpTo, contentStart, close);
                }

                int closeEnd = s[close..].IndexOf('>');
                i = closeEnd < 0 ? s.Length : close + closeEnd + 1;
                continue;
            }

            bool selfClosing = s[tagEnd - 2] == '/' || IsOneOf(name, VoidTags);
            if (selfClosing)
            {
                i = tagEnd;
                continue;
            }

            if (name.Equals("svg", StringComparison.OrdinalIgnoreCase))
            {
                // Icons: drawing instructions, never text.
                int close = IndexOfEndTag(s, tagEnd, name);
                int closeEnd = close < 0 ? -1 : s[close..].IndexOf('>');
                if (closeEnd < 0)
                {
                    truncated = true;
                    break;
                }

                i = close + closeEnd + 1;
                Drop(ref rewritten, s, ref copiedUpTo, tagStart, i);
                continue;
            }

            CloseImplied(s, stack, name);
            if (stack.Count >= maxDepth)
            {
                dropped++;
                flattened = true;
                Drop(ref rewritten, s, ref copiedUpTo, tagStart, tagEnd, BoundaryFor(name));
            }
            else
            {
                stack.Add((nameStart, nameEnd - nameStart));
            }

            i = tagEnd;
        }

        string result;
        if (rewritten.IsStarted)
        {
            rewritten.Append(s[copiedUpTo..]);
            result = rewritten.ToString();
        }
        else
        {
            result = original ?? s.ToString();
        }

        return new MarkupPrescan(result, jsonLd, flattened, truncated);
    }

    // <script type="text/template"> holding the article's paragraphs, which a script renders into the page (Blogger's
    // post body). A template with placeholders ("{{title}}", "<%= name %>") is a widget's skeleton, not text.
    private static bool IsArticleTemplate(ReadOnlySpan<char> startTag, ReadOnlySpan<char> content)
    {
        const int MinParagraphs = 2;
        const int MinLength = 500;
        if (!(startTag.Contains("text/template", StringComparison.OrdinalIgnoreCase) || startTag.Contains("text/x-template", StringComparison.OrdinalIgnoreCase)) ||
            content.Length < MinLength || content.Contains("{{", StringComparison.Ordinal) || content.Contains("<%", StringComparison.Ordinal))
        {
            return false;
        }

        int paragraphs = 0;
        ReadOnlySpan<char> rest = content;
        while (paragraphs < MinParagraphs && rest.IndexOf("<p", StringComparison.OrdinalIgnoreCase) is var at and >= 0)
        {
            rest = rest[(at + 2)..];
            paragraphs += rest.IsEmpty || rest[0] is '>' or ' ' or '\n' or '\t' or '\r' ? 1 : 0;
        }

        return paragraphs >= MinParagraphs;
    }

    private static void Drop(ref Rewritten rewritten, ReadOnlySpan<char> html, ref int copiedUpTo, int start, int end, string? replacement = null)
    {
        rewritten.Start(html.Length);
        rewritten.Append(html[copiedUpTo..start]);
        rewritten.Append(replacement);
        copiedUpTo = end;
    }

    // The page without what was cut, built in a pooled buffer: a page is hundreds of kilobytes, and a
    // StringBuilder of that size would be allocated (and zeroed) on the large-object heap for every page.
    private struct Rewritten : IDisposable
    {
        private char[]? _buffer;
        private int _length;

        public readonly bool IsStarted => _buffer is not null;

        public void Start(int capacity) => _buffer ??= ArrayPool<char>.Shared.Rent(Math.Max(256, capacity));

        public void Append(ReadOnlySpan<char> text)
        {
            Debug.Assert(_buffer is not null, "Start comes first.");
            if (_length + text.Length > _buffer.Length)
            {
                char[] bigger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + text.Length));
                _buffer.AsSpan(0, _length).CopyTo(bigger);
                ArrayPool<char>.Shared.Return(_buffer);
                _buffer = bigger;
            }

            text.CopyTo(_buffer.AsSpan(_length));
            _length += text.Length;
        }

        public override readonly string ToString() => new(_buffer.AsSpan(0, _length));

        public void Dispose()
        {
            if (_buffer is not null)
            {
                ArrayPool<char>.Shared.Return(_buffer);
                _buffer = null;
            }
        }
    }

    // A block tag dropped for depth still ends a paragraph: two line breaks (void tags, no depth) keep the boundary,
    // so "cơ sở.</p><p>Nội dung" does not become "cơ sở.Nội dung".
    private static string? BoundaryFor(ReadOnlySpan<char> name) =>
        IsOneOf(name, ClosesParagraph) || IsOneOf(name, SelfClosingSiblings) ? ParagraphBoundary : null;

    // HTML closes an open <p> at a block start, and an open <li>, <td>, <tr>, <option>, <dt>/<dd> at a sibling start.
    private static void CloseImplied(ReadOnlySpan<char> s, List<(int Start, int Length)> stack, ReadOnlySpan<char> name)
    {
        if (stack.Count == 0)
        {
            return;
        }

        ReadOnlySpan<char> top = Name(s, stack[^1]);
        bool close =
            (top.Equals("p", StringComparison.OrdinalIgnoreCase) && IsOneOf(name, ClosesParagraph)) ||
            (top.Equals(name, StringComparison.OrdinalIgnoreCase) && IsOneOf(name, SelfClosingSiblings)) ||
            (IsOneOf(top, Cells) && IsOneOf(name, CellStarts)) ||
            (IsOneOf(top, Definitions) && IsOneOf(name, Definitions));
        if (close)
        {
            stack.RemoveAt(stack.Count - 1);
        }
    }

    private static int FindOpen(ReadOnlySpan<char> s, List<(int Start, int Length)> stack, ReadOnlySpan<char> name)
    {
        // Only the top of the stack: a stray end tag deep below is not worth a long search.
        int stop = Math.Max(0, stack.Count - 64);
        for (int k = stack.Count - 1; k >= stop; k--)
        {
            if (Name(s, stack[k]).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return k;
            }
        }

        return -1;
    }

    private static ReadOnlySpan<char> Name(ReadOnlySpan<char> s, (int Start, int Length) entry) => s.Slice(entry.Start, entry.Length);

    private static int IndexOfEndTag(ReadOnlySpan<char> s, int from, ReadOnlySpan<char> name)
    {
        int p = from;
        while (p < s.Length)
        {
            int at = s[p..].IndexOf("</", StringComparison.Ordinal);
            if (at < 0)
            {
                return -1;
            }

            at += p;
            int n = at + 2;
            if (n + name.Length <= s.Length && s.Slice(n, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase) &&
                (n + name.Length == s.Length || !char.IsAsciiLetterOrDigit(s[n + name.Length])))
            {
                return at;
            }

            p = at + 2;
        }

        return -1;
    }

    private static bool IsOneOf(ReadOnlySpan<char> name, string[] names)
    {
        foreach (string candidate in names)
        {
            if (name.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
