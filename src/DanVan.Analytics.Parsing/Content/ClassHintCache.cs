using System.Text;
using DanVan.Analytics.Parsing.Tables;

namespace DanVan.Analytics.Parsing.Content;

/// <summary>
/// What <c>class</c> and <c>id</c> values say about an element (<see cref="ClassHints"/>), remembered from page to
/// page: a site repeats the same few hundred values on every page, and matching them against the hint lists
/// is most of what the walk costs per element. One cache belongs to one parser (one thread).
/// </summary>
internal sealed class ClassHintCache
{
    // Enough for the values of a few sites; cleared when full so that a crawl over many sites adapts.
    private const int MaxEntries = 8192;
    private readonly Dictionary<string, NodeFlags> _classes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NodeFlags> _ids = new(StringComparer.Ordinal);

    /// <summary>The flags and the score weight of an element with these <c>class</c> and <c>id</c> values.</summary>
    public (NodeFlags Flags, int Weight) Of(string? cls, string? id)
    {
        // No hint holds a space or '#', so the flags of "class #id" are those of its two parts together.
        NodeFlags flags = (cls is null ? NodeFlags.None : Lookup(_classes, cls, isId: false)) | (id is null ? NodeFlags.None : Lookup(_ids, id, isId: true));
        int weight = 0;
        if ((flags & NodeFlags.Positive) != 0)
        {
            weight += 25;
        }

        if ((flags & (NodeFlags.StrongNegative | NodeFlags.WeakNegative)) != 0)
        {
            weight -= 25;
        }

        return (flags, weight);
    }

    private static NodeFlags Lookup(Dictionary<string, NodeFlags> cache, string value, bool isId)
    {
        if (cache.TryGetValue(value, out NodeFlags cached))
        {
            return cached;
        }

        // An id is matched as "#id", so that a taxonomy prefix never applies to it.
        NodeFlags flags = Compute(isId ? "#" + value : value);
        if (cache.Count >= MaxEntries)
        {
            cache.Clear();
        }

        cache[value] = flags;
        return flags;
    }

    private static NodeFlags Compute(string key)
    {
        string text = WithoutTaxonomy(key.ToLowerInvariant());
        NodeFlags flags = NodeFlags.None;
        if (ContainsAny(text, ClassHints.Positive))
        {
            flags |= NodeFlags.Positive;
        }

        if (ContainsAny(text, ClassHints.StrongNegative) || HasToken(text, ClassHints.NegativeTokens))
        {
            flags |= NodeFlags.StrongNegative;
        }

        if (ContainsAny(text, ClassHints.Comment))
        {
            flags |= NodeFlags.Comment | NodeFlags.StrongNegative;
        }

        if (ContainsAny(text, ClassHints.WeakNegative))
        {
            flags |= NodeFlags.WeakNegative;
        }

        if (ContainsAny(text, ClassHints.Caption))
        {
            flags |= NodeFlags.CaptionHint;
        }

        if (ContainsAny(text, ClassHints.Lead))
        {
            flags |= NodeFlags.LeadHint;
        }

        if (ContainsAny(text, ClassHints.Byline))
        {
            flags |= NodeFlags.BylineHint;
        }

        if (ContainsAny(text, ClassHints.Date))
        {
            flags |= NodeFlags.DateHint;
        }

        return flags;
    }

    // "post-12 tag-social category-comments" says what the post is about, not that the element is a share box.
    private static string WithoutTaxonomy(string text)
    {
        if (!text.Contains('-', StringComparison.Ordinal))
        {
            return text;
        }

        StringBuilder? kept = null;
        int start = 0;
        foreach (Range range in text.AsSpan().Split(' '))
        {
            ReadOnlySpan<char> token = text.AsSpan()[range];
            bool taxonomy = false;
            foreach (string prefix in ClassHints.TaxonomyPrefixes)
            {
                if (token.Length > prefix.Length && token.StartsWith(prefix, StringComparison.Ordinal))
                {
                    taxonomy = true;
                    break;
                }
            }

            if (taxonomy)
            {
                kept ??= new StringBuilder(text.Length).Append(text, 0, start);
            }
            else
            {
                kept?.Append(token).Append(' ');
            }

            start = range.End.GetOffset(text.Length) + 1;
        }

        return kept is null ? text : kept.ToString();
    }

    private static bool ContainsAny(string text, string[] hints)
    {
        foreach (string hint in hints)
        {
            if (text.Contains(hint, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasToken(string text, string[] tokens)
    {
        foreach (Range range in text.AsSpan().SplitAny(" -_#"))
        {
            ReadOnlySpan<char> token = text.AsSpan()[range];
            foreach (string candidate in tokens)
            {
                if (token.SequenceEqual(candidate))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
