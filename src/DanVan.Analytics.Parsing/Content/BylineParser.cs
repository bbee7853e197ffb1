using DanVan.Analytics.Parsing.Markup;
using DanVan.Analytics.Parsing.Tables;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Parsing.Content;

/// <summary>Reads author names from a byline: "Hoàng Phong", "Bài và ảnh: Ngọc Khang", "Thu Hà - Minh Anh", "PV".</summary>
internal static class BylineParser
{
    private const int MaxLength = 80;

    /// <summary>The names in <paramref name="byline"/>, or none when it does not look like a byline.</summary>
    public static List<string> Parse(string byline)
    {
        var names = new List<string>();
        string text = TextCleaner.Clean(byline);
        if (text.Length == 0 || text.Length > MaxLength)
        {
            return names;
        }

        string folded = VietnameseFolder.Fold(text);
        foreach (string prefix in BylinePatterns.Prefixes)
        {
            if (folded.StartsWith(prefix, StringComparison.Ordinal) && folded.Length == text.Length)
            {
                text = text[prefix.Length..].Trim();
                break;
            }
        }

        text = text.Trim().TrimEnd('.', ';').Trim();
        // "(TTXVN)" or "Hoàng Phong (Báo Hà Giang)": the parenthesis names a source, not a person.
        int paren = text.IndexOf('(', StringComparison.Ordinal);
        if (paren == 0 && text.EndsWith(')'))
        {
            text = text[1..^1];
        }
        else if (paren > 0)
        {
            text = text[..paren].Trim();
        }

        foreach (string part in Split(text))
        {
            if (!IsName(part))
            {
                names.Clear();
                return names;
            }

            names.Add(part);
        }

        return names;
    }

    private static List<string> Split(string text)
    {
        var parts = new List<string> { text };
        foreach (string separator in BylinePatterns.Separators)
        {
            var next = new List<string>();
            foreach (string part in parts)
            {
                next.AddRange(part.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }

            parts = next;
        }

        return parts;
    }

    /// <summary>True for a person's name or a conventional staff credit ("PV", "TTXVN").</summary>
    public static bool IsName(string candidate)
    {
        foreach (string known in BylinePatterns.KnownShortNames)
        {
            if (candidate.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        string[] words = candidate.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 5)
        {
            return false;
        }

        foreach (string word in words)
        {
            if (!char.IsUpper(word[0]))
            {
                return false;
            }

            foreach (char c in word)
            {
                if (!char.IsLetter(c) && c is not '.' and not '\'' and not '’')
                {
                    return false;
                }
            }
        }

        return !BoilerplateLexicon.TryMatch(VietnameseFolder.Fold(candidate), out _);
    }
}
