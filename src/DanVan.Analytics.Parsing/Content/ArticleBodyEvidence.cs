using System.Text;
using DanVan.Analytics.Parsing.Markup;

namespace DanVan.Analytics.Parsing.Content;

/// <summary>
/// The JSON-LD <c>articleBody</c> of a page as evidence for its body: the set of its words, to measure how much of
/// it a candidate body covers, and its paragraphs, for a page whose visible body is missing.
/// </summary>
internal sealed class ArticleBodyEvidence
{
    /// <summary>Shorter texts (a teaser, a copy of the description) say too little about the body.</summary>
    public const int MinChars = 200;

    private readonly HashSet<string> _words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private ArticleBodyEvidence(string text, HashSet<string> words, int wordCount)
    {
        Text = text;
        _words = words;
        _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        WordCount = wordCount;
    }

    /// <summary>The text, markup removed, one paragraph a line.</summary>
    public string Text { get; }

    /// <summary>How many words the text has (with repeats).</summary>
    public int WordCount { get; }

    /// <summary>The evidence in <paramref name="articleBody"/>, or null when it is missing or too short to judge by.</summary>
    public static ArticleBodyEvidence? Of(string? articleBody)
    {
        if (articleBody is null || articleBody.Length < MinChars)
        {
            return null;
        }

        string text = StripMarkup(articleBody);
        if (text.Length < MinChars)
        {
            return null;
        }

        var words = new HashSet<string>(StringComparer.Ordinal);
        int count = 0;
        int position = 0;
        while (WordScanner.Next(text, ref position, out int start, out int length))
        {
            count++;
            if (length <= WordScanner.MaxWordLength)
            {
                words.Add(text.Substring(start, length).ToLowerInvariant());
            }
        }

        return count < 30 ? null : new ArticleBodyEvidence(text, words, count);
    }

    /// <summary>The words of <paramref name="text"/>, and how many of them the articleBody has.</summary>
    public (int Words, int Matched) Match(string text)
    {
        Span<char> lower = stackalloc char[WordScanner.MaxWordLength];
        int words = 0;
        int matched = 0;
        int position = 0;
        while (WordScanner.Next(text, ref position, out int start, out int length))
        {
            words++;
            if (length <= WordScanner.MaxWordLength)
            {
                int written = text.AsSpan(start, length).ToLowerInvariant(lower);
                if (_lookup.Contains(lower[..written]))
                {
                    matched++;
                }
            }
        }

        return (words, matched);
    }

    /// <summary>The text as paragraphs: its own line breaks, or one paragraph when it has none.</summary>
    public List<string> Paragraphs()
    {
        var paragraphs = new List<string>();
        foreach (string line in Text.Split('\n'))
        {
            string paragraph = TextCleaner.Clean(line);
            if (paragraph.Length > 0)
            {
                paragraphs.Add(paragraph);
            }
        }

        return paragraphs;
    }

    // Some CMSs put HTML in articleBody: block tags become line breaks, other tags go.
    private static string StripMarkup(string text)
    {
        if (!text.Contains('<', StringComparison.Ordinal))
        {
            return text.Trim();
        }

        var builder = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            int open = text.IndexOf('<', i);
            if (open < 0)
            {
                builder.Append(text, i, text.Length - i);
                break;
            }

            builder.Append(text, i, open - i);
            int close = text.IndexOf('>', open + 1);
            if (close < 0)
            {
                break;
            }

            ReadOnlySpan<char> tag = text.AsSpan(open + 1, close - open - 1).TrimStart('/');
            int nameEnd = tag.IndexOfAny(' ', '/', '\t');
            if (PageWalker.IsBlockTag((nameEnd < 0 ? tag : tag[..nameEnd]).ToString().ToLowerInvariant()) || tag.StartsWith("br", StringComparison.OrdinalIgnoreCase))
            {
                builder.Append('\n');
            }

            i = close + 1;
        }

        return builder.ToString().Trim();
    }
}
