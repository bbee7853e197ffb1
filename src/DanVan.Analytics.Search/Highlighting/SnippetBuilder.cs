using System.Collections.Concurrent;
using System.Text;
using DanVan.Analytics.Search.Analysis;
using DanVan.Analytics.Search.Querying;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Search.Highlighting;

/// <summary>
/// Builds highlighted snippets by re-analyzing a stored text as the index's analyzer does: a word matches when
/// its folded form is one of the query's terms, and matches exactly when its accented form is; the best window
/// holds the most distinct query terms, then the most exact matches, then the most matches.
/// </summary>
/// <remarks>
/// It runs the analysis the index runs (normalize, tokenize, lower-case, fold: the steps of <see cref="VietnameseAnalyzer"/>)
/// on the text core directly rather than through a Lucene token stream, which costs several times more per word;
/// a test checks that both find the same words.
/// Thread-safe.
/// </remarks>
public sealed class SnippetBuilder
{
    private readonly VietnameseNormalizer _normalizer;

    // Analysis buffers, one per concurrent call, reused.
    private readonly ConcurrentBag<AnalyzedText> _analyzers = [];

    /// <summary>Creates a builder that analyzes as the index does.</summary>
    public SnippetBuilder()
        : this(VietnameseNormalizer.Default)
    {
    }

    internal SnippetBuilder(VietnameseNormalizer normalizer)
    {
        _normalizer = normalizer;
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

    /// <summary>The words of <paramref name="text"/> that match <paramref name="query"/>, in order: span, folded-term number, exact accents.</summary>
    internal List<Match> Matches(string text, ParsedQuery query)
    {
        var matches = new List<Match>();
        if (query.FoldedTerms.Count == 0)
        {
            return matches;
        }

        // Terms are numbered by their folded form, so that "dân" and "dan" count as one distinct term. As the index
        // analyses it, each word has its accented and its folded form: a word matches when one of them is a query
        // term (the query's folded terms), and matches exactly when its accented form is a query's accented term.
        var termIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string foldedTerm in query.FoldedTerms)
        {
            termIds[foldedTerm] = termIds.Count;
        }

        var accentedTerms = new HashSet<string>(query.AccentedTerms, StringComparer.Ordinal);
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> folded = termIds.GetAlternateLookup<ReadOnlySpan<char>>();
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>> accented = accentedTerms.GetAlternateLookup<ReadOnlySpan<char>>();

        // The analysis of the index itself: normalized (offsets mapped back), tokenized, lower-cased and folded.
        if (!_analyzers.TryTake(out AnalyzedText? analyzed))
        {
            analyzed = new AnalyzedText();
        }

        try
        {
            analyzed.Analyze(text.AsMemory(), _normalizer, fold: true, lower: true);
            for (int i = 0; i < analyzed.Count; i++)
            {
                // The accented term first, then its folded form when the index holds one that differs.
                ReadOnlySpan<char> term = analyzed.Accented(i);
                if (!folded.TryGetValue(term, out int id))
                {
                    id = analyzed.FoldingChanges(i) && folded.TryGetValue(analyzed.Folded(i), out int foldedId) ? foldedId : -1;
                }

                if (id >= 0)
                {
                    matches.Add(new Match(analyzed.Original(i), id, accented.Contains(term)));
                }
            }
        }
        finally
        {
            analyzed.Clear();
            _analyzers.Add(analyzed);
        }

        return matches;
    }

    /// <summary>
    /// The range of matches that fits in <paramref name="length"/> characters with the most distinct terms, then
    /// the most exact-accent matches, then the most matches (two pointers, linear).
    /// </summary>
    private static (int First, int Last) BestWindow(List<Match> matches, int length, int termCount)
    {
        var counts = new int[termCount];
        int distinct = 0;
        int exact = 0;
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

            exact += matches[last].Exact ? 1 : 0;
            while (matches[last].Span.End - matches[first].Span.Start > length)
            {
                if (--counts[matches[first].TermId] == 0)
                {
                    distinct--;
                }

                exact -= matches[first].Exact ? 1 : 0;
                first++;
            }

            long score = ((long)distinct << 40) + ((long)exact << 20) + (last - first + 1);
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

    internal readonly record struct Match(TextSpan Span, int TermId, bool Exact);
}
