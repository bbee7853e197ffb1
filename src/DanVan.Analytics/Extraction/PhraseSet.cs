namespace DanVan.Analytics.Extraction;

/// <summary>
/// An immutable set of multi-word phrases with a value each, matched against a token sequence,
/// longest phrase first, comparing words case-insensitively (callers check capitalization where it matters).
/// </summary>
internal sealed class PhraseSet<T>
{
    private readonly Dictionary<string, Entry[]> _byFirstWord;
    private readonly Dictionary<string, Entry[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Builds the set; a later entry for the same phrase replaces an earlier one (user additions win).</summary>
    public PhraseSet(IEnumerable<(string Phrase, T Value)> entries)
    {
        var unique = new Dictionary<string, (string[] Words, T Value)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (phrase, value) in entries)
        {
            string[] words = WordScanner.Words(phrase);
            if (words.Length > 0)
            {
                unique[string.Join(' ', words)] = (words, value);
            }
        }

        _byFirstWord = unique.Values
            .GroupBy(e => e.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(e => e.Words.Length).Select(e => new Entry(e.Words, e.Value)).ToArray(),
                StringComparer.OrdinalIgnoreCase);
        _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        Count = unique.Count;
    }

    public int Count { get; }

    /// <summary>The first word of every phrase.</summary>
    public IEnumerable<string> FirstWords => _byFirstWord.Keys;

    /// <summary>Matches the longest phrase starting at token <paramref name="index"/>.</summary>
    /// <returns>The number of tokens matched, 0 when none.</returns>
    public int Match(string text, ReadOnlySpan<WordToken> tokens, int index, out T value) => Match(text, tokens, index, 0, out value);

    private int Match(string text, ReadOnlySpan<WordToken> tokens, int index, int exactLength, out T value)
    {
        value = default!;
        if ((uint)index >= (uint)tokens.Length || !_lookup.TryGetValue(tokens[index].In(text), out Entry[]? entries))
        {
            return 0;
        }

        foreach (Entry entry in entries)
        {
            string[] words = entry.Words;
            if (index + words.Length > tokens.Length || (exactLength != 0 && words.Length != exactLength))
            {
                continue;
            }

            bool ok = true;
            for (int k = 1; k < words.Length && ok; k++)
            {
                ok = tokens[index + k].In(text).Equals(words[k], StringComparison.OrdinalIgnoreCase);
            }

            if (ok)
            {
                value = entry.Value;
                return words.Length;
            }
        }

        return 0;
    }

    /// <summary>Matches the longest phrase that ends just before token <paramref name="end"/>.</summary>
    /// <returns>The number of tokens matched, 0 when none.</returns>
    public int MatchEndingAt(string text, ReadOnlySpan<WordToken> tokens, int end, int maxWords, out T value)
    {
        for (int n = Math.Min(maxWords, end); n >= 1; n--)
        {
            if (Match(text, tokens, end - n, n, out value) == n)
            {
                return n;
            }
        }

        value = default!;
        return 0;
    }

    private readonly record struct Entry(string[] Words, T Value);
}
