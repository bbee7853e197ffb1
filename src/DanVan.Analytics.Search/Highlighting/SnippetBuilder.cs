using System.Diagnostics;
using System.Text;
using DanVan.Analytics.Search.Analysis;
using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Querying;
using DanVan.Analytics.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace DanVan.Analytics.Search.Highlighting;

/// <summary>
/// Builds highlighted snippets by re-analyzing a stored text with the index's folded analyzer: a token
/// matches when its folded form is one of the query's terms (so both the accented and the folded form match); the best window is the one that
/// holds the most distinct query terms, then the most matches.
/// </summary>
public sealed class SnippetBuilder
{
    private readonly VietnameseAnalyzer _foldedAnalyzer;

    /// <summary>Creates a builder with its own analyzer.</summary>
    public SnippetBuilder()
        : this(new VietnameseAnalyzer(DiacriticForms.Folded))
    {
    }

    internal SnippetBuilder(VietnameseAnalyzer foldedAnalyzer)
    {
        Debug.Assert(foldedAnalyzer.Forms == DiacriticForms.Folded, "Matches are found on the folded form.");
        _foldedAnalyzer = foldedAnalyzer;
    }

    /// <summary>The spans of <paramref name="text"/> whose terms match <paramref name="query"/>, in order.</summary>
    public IReadOnlyList<TextSpan> FindMatches(string text, ParsedQuery query)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(query);
        return Matches(text, query).Select(m => m.Span).ToArray();
    }

    /// <summary>Returns up to <paramref name="maxSnippets"/> passages of about <paramref name="length"/> characters around the matches.</summary>
    /// <remarks>When nothing matches, the beginning of the text is returned without highlights.</remarks>
    public IReadOnlyList<Snippet> Build(string text, ParsedQuery query, int length = 200, int maxSnippets = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 20);
        if (text.Length == 0)
        {
            return [];
        }

        List<Match> matches = Matches(text, query);
        if (matches.Count == 0)
        {
            return [Cut(text, 0, Math.Min(text.Length, length), [])];
        }

        var snippets = new List<Snippet>();
        while (snippets.Count < maxSnippets && matches.Count > 0)
        {
            (int first, int last) = BestWindow(matches, length, query.FoldedTerms.Count);
            int spanStart = matches[first].Span.Start;
            int spanEnd = matches[last].Span.End;
            int slack = length - (spanEnd - spanStart);
            int start = Math.Max(0, spanStart - (slack / 3));
            int end = Math.Min(text.Length, Math.Max(spanEnd, start + length));
            start = Math.Max(0, Math.Min(start, end - length));
            snippets.Add(Cut(text, start, end, matches.Where(m => m.Span.Start >= start && m.Span.End <= end).Select(m => m.Span).ToList()));
            matches.RemoveAll(m => m.Span.End > start && m.Span.Start < end);
        }

        return snippets;
    }

    private List<Match> Matches(string text, ParsedQuery query)
    {
        var matches = new List<Match>();
        if (query.FoldedTerms.Count == 0)
        {
            return matches;
        }

        // Terms are numbered by their folded form, so that "dân" and "dan" count as one distinct term. A token
        // matches when its folded form is a query term; its accented form cannot match unless its folded one does.
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string folded in query.FoldedTerms)
        {
            termIds[folded] = termIds.Count;
        }

        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup = termIds.GetAlternateLookup<ReadOnlySpan<char>>();
        using TokenStream stream = _foldedAnalyzer.GetTokenStream(ArticleFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (lookup.TryGetValue(term.Buffer.AsSpan(0, term.Length), out int id))
            {
                matches.Add(new Match(new TextSpan(offset.StartOffset, offset.EndOffset - offset.StartOffset), id));
            }
        }

        stream.End();
        return matches;
    }

    /// <summary>The range of matches that fits in <paramref name="length"/> characters with the most distinct terms, then the most matches (two pointers, linear).</summary>
    private static (int First, int Last) BestWindow(List<Match> matches, int length, int termCount)
    {
        var counts = new int[termCount];
        int distinct = 0;
        int bestFirst = 0;
        int bestLast = 0;
        long bestScore = -1;
        int first = 0;
        for (int last = 0; last < matches.Count; last++)
        {
            if (counts[matches[last].TermId]++ == 0)
            {
                distinct++;
            }

            while (matches[last].Span.End - matches[first].Span.Start > length)
            {
                if (--counts[matches[first].TermId] == 0)
                {
                    distinct--;
                }

                first++;
            }

            long score = ((long)distinct << 32) + (last - first + 1);
            if (score > bestScore)
            {
                bestScore = score;
                bestFirst = first;
                bestLast = last;
            }
        }

        return (bestFirst, bestLast);
    }

    /// <summary>Copies text[start..end) with white space collapsed, cut at word boundaries, "…" where cut, and maps the highlights.</summary>
    private static Snippet Cut(string text, int start, int end, List<TextSpan> highlights)
    {
        // Move the cuts to word boundaries, but never past a highlight.
        int firstHighlight = highlights.Count > 0 ? highlights[0].Start : end;
        int lastHighlight = highlights.Count > 0 ? highlights[^1].End : start;
        if (start > 0)
        {
            int s = start;
            while (s < firstHighlight && !char.IsWhiteSpace(text[s - 1]))
            {
                s++;
            }

            start = s;
        }

        if (end < text.Length)
        {
            int e = end;
            while (e > lastHighlight && !char.IsWhiteSpace(text[e]))
            {
                e--;
            }

            end = e;
        }

        var builder = new StringBuilder(end - start + 2);
        if (start > 0)
        {
            builder.Append('…');
        }

        var mapped = new List<TextSpan>(highlights.Count);
        int h = 0;
        int highlightStart = -1;
        bool pendingSpace = false;
        for (int k = start; k <= end; k++)
        {
            if (h < highlights.Count && k == highlights[h].End && highlightStart >= 0)
            {
                mapped.Add(new TextSpan(highlightStart, builder.Length - highlightStart));
                highlightStart = -1;
                h++;
            }

            if (k == end)
            {
                break;
            }

            char c = text[k];
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0 && (start == 0 || builder.Length > 1);
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            if (h < highlights.Count && k == highlights[h].Start)
            {
                highlightStart = builder.Length;
            }

            builder.Append(c);
        }

        if (end < text.Length)
        {
            builder.Append('…');
        }

        return new Snippet(builder.ToString(), mapped);
    }

    private readonly record struct Match(TextSpan Span, int TermId);
}
