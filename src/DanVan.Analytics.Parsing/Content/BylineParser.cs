using DanVan.Analytics.Parsing.Markup;
using DanVan.Analytics.Parsing.Tables;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Parsing.Content;

/// <summary>Reads author names from a byline: "Hoàng Phong", "Bài và ảnh: Ngọc Khang", "Thu Hà - Minh Anh", "PV".</summary>
internal static class BylineParser
{
    private const int MaxLength = 80;
    private const int MaxIntroducedLine = 160;

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
        if (CreditedOutlet(text, folded) is { } outlet)
        {
            names.Add(outlet);
            return names;
        }

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

    // "Theo TTXVN", "Theo Báo Nhân Dân": the outlet the article is taken from. "Theo Müller" is a person, not a credit.
    private static string? CreditedOutlet(string text, string folded)
    {
        const string Theo = "theo ";
        if (!folded.StartsWith(Theo, StringComparison.Ordinal) || folded.Length != text.Length)
        {
            return null;
        }

        string outlet = text[Theo.Length..].Trim().TrimEnd('.');
        string rest = folded[Theo.Length..].Trim();
        bool acronym = outlet.Length is >= 2 and <= 12 && outlet.All(c => char.IsUpper(c) || char.IsDigit(c) || c is '.' or '-');
        bool named = outlet.Length > 0 && char.IsUpper(outlet[0]) && !outlet.Contains(',', StringComparison.Ordinal) &&
                     Array.Exists(BylinePatterns.OutletWords, w => rest.StartsWith(w + " ", StringComparison.Ordinal));
        return acronym || named ? outlet : null;
    }

    /// <summary>
    /// The names that follow a byline word ("By", "Von", "Par", "Autor:", "Posted by", "Bởi") in a short line such as
    /// "By Jane Doe | 12/10/2020", "Von Max Muster und Erika Beispiel am 3. Mai" or "Zeige alle Beiträge von Max Muster";
    /// none when no byline word starts within <paramref name="maxOffset"/> characters or no name follows it.
    /// </summary>
    /// <param name="line">The visible text of one block or element.</param>
    /// <param name="maxOffset">How far into the line the byline word may start.</param>
    /// <param name="allowSingleWord">Accept a one-word name or handle ("Konstantin", "gnaddrig") after the byline word.</param>
    public static List<string> Introduced(string line, int maxOffset, bool allowSingleWord)
    {
        string text = TextCleaner.Clean(line);
        if (text.Length == 0 || text.Length > MaxIntroducedLine)
        {
            return [];
        }

        string lower = text.ToLowerInvariant();
        for (int start = 0; start <= Math.Min(maxOffset, lower.Length - 1); start++)
        {
            if (start > 0 && char.IsLetterOrDigit(lower[start - 1]))
            {
                continue;
            }

            foreach (string introducer in BylinePatterns.Introducers)
            {
                int end = start + introducer.Length;
                if (!lower.AsSpan(start).StartsWith(introducer, StringComparison.Ordinal) || (end < lower.Length && char.IsLetterOrDigit(lower[end])))
                {
                    continue;
                }

                // "Powered by x", "Photo by x", "Foto von x": a credit for something other than the text.
                if (start > 1 && BylinePatterns.CreditsBeforeIntroducer.Contains(WordBefore(lower, start)))
                {
                    break;
                }

                // "Posted by x", "Autor: x" announce a name so clearly that a lone word or handle is one; a bare "by x" does not.
                bool single = allowSingleWord || introducer.Contains(' ', StringComparison.Ordinal) || introducer.EndsWith(':');
                List<string> names = NamesAt(text, end, single);
                if (names.Count > 0)
                {
                    return names;
                }

                break;
            }
        }

        return [];
    }

    // The lower-case word that ends just before the space before position start.
    private static string WordBefore(string lower, int start)
    {
        int end = start - 1;
        while (end > 0 && lower[end - 1] == ' ')
        {
            end--;
        }

        int begin = end;
        while (begin > 0 && char.IsLetter(lower[begin - 1]))
        {
            begin--;
        }

        return lower[begin..end];
    }

    // Reads "Max Muster und Erika Beispiel, dpa" from position start: capitalised words (with particles inside), joined by
    // "und"/"and"/commas; stops at anything else (a date, "am", "on", a bar).
    private static List<string> NamesAt(string text, int start, bool allowSingleWord)
    {
        var names = new List<string>();
        var current = new List<string>();
        ReadOnlySpan<char> rest = text.AsSpan(start).TrimStart(" :·-–—");
        foreach (Range range in rest.Split(' '))
        {
            string raw = rest[range].ToString();
            if (raw.Length == 0)
            {
                continue;
            }

            string word = raw.TrimEnd(',', ';', '|', '·', ':');
            bool endsName = word.Length < raw.Length;
            // "Peter Maahn/SP-X": what follows the slash is an agency.
            int slash = word.IndexOf('/', StringComparison.Ordinal);
            bool stopAfter = slash >= 0;
            if (slash >= 0)
            {
                word = word[..slash];
            }

            string lowerWord = word.ToLowerInvariant();
            if (word.Length == 0 || word is "-" or "–" or "—")
            {
                break;
            }

            if (BylinePatterns.NameJoiners.Contains(lowerWord) && current.Count > 0)
            {
                if (!Close(current, names, allowSingleWord))
                {
                    break;
                }

                continue;
            }

            if (BylinePatterns.NameParticles.Contains(word) && current.Count > 0)
            {
                current.Add(word);
                continue;
            }

            if (!IsNameWord(word, current.Count == 0 && names.Count == 0 && allowSingleWord) || current.Count >= 4)
            {
                break;
            }

            current.Add(word);
            if (stopAfter)
            {
                break;
            }

            if (endsName && !Close(current, names, allowSingleWord))
            {
                break;
            }

            if (names.Count >= 4)
            {
                break;
            }
        }

        Close(current, names, allowSingleWord);

        return names;
    }

    // Ends the name being read; a lone word counts only when single words are allowed and it is the first name.
    private static bool Close(List<string> current, List<string> names, bool allowSingleWord)
    {
        while (current.Count > 0 && BylinePatterns.NameParticles.Contains(current[^1]))
        {
            current.RemoveAt(current.Count - 1);
        }

        if (current.Count == 0)
        {
            return names.Count > 0;
        }

        bool ok = current.Count > 1 || allowSingleWord || names.Count > 0;
        if (ok)
        {
            string name = string.Join(' ', current);
            if (!IsPlaceholder(name) && !BoilerplateLexicon.TryMatch(VietnameseFolder.Fold(name), out _))
            {
                names.Add(name);
            }
        }

        current.Clear();
        return ok;
    }

    // "Muster", "J.R.", "O'Neil", "Pieczewski-Freimuth"; a handle ("gnaddrig", "Bo2man") only as a lone first word.
    private static bool IsNameWord(string word, bool handleAllowed)
    {
        bool letters = true;
        foreach (char c in word)
        {
            if (!char.IsLetter(c) && c is not '.' and not '\'' and not '’' and not '-')
            {
                letters = false;
                break;
            }
        }

        if (letters && char.IsUpper(word[0]) && word.Length > 1 && !IsAllCapsAcronymNoise(word))
        {
            return true;
        }

        if (!handleAllowed || word.Length is < 2 or > 30 || !char.IsLetter(word[0]))
        {
            return false;
        }

        foreach (char c in word)
        {
            if (!char.IsLetterOrDigit(c) && c is not '_' and not '-' and not '.')
            {
                return false;
            }
        }

        return true;
    }

    // "AM", "PM" and a lone "A." after a name are times and initials glued to dates, not a surname.
    private static bool IsAllCapsAcronymNoise(string word) => word is "AM" or "PM";

    /// <summary>
    /// The name without the author box's link words after it or a title before it ("Jil Schuller Alle Artikel",
    /// "Rechtsanwalt Sebastian Einbock"); null when nothing of a name is left ("By", "Next Post", "Staff Writer").
    /// </summary>
    public static string? Tidy(string name)
    {
        string trimmed = name.Trim();
        // "Williams Perdomo @wperdomod": the social handle after the name is not part of it.
        int handle = trimmed.LastIndexOf(" @", StringComparison.Ordinal);
        if (handle > 0 && trimmed.IndexOf(' ', handle + 2) < 0)
        {
            trimmed = trimmed[..handle].TrimEnd();
        }

        bool changed = true;
        while (changed && trimmed.Length > 0)
        {
            changed = false;
            string folded = VietnameseFolder.Fold(trimmed);
            foreach (string noise in BylinePatterns.NameNoise)
            {
                if (folded == noise || (folded.EndsWith(noise, StringComparison.Ordinal) && folded[^(noise.Length + 1)] == ' '))
                {
                    trimmed = trimmed[..^noise.Length].TrimEnd(' ', ',', ';', '|', '-', '·');
                    changed = true;
                    break;
                }
            }

            foreach (string title in BylinePatterns.NameTitles)
            {
                if (!changed && folded.StartsWith(title + " ", StringComparison.Ordinal))
                {
                    trimmed = trimmed[(title.Length + 1)..].TrimStart();
                    changed = true;
                }
            }
        }

        string key = VietnameseFolder.Fold(trimmed).TrimEnd(':');
        return trimmed.Length == 0 || Array.IndexOf(BylinePatterns.Introducers, key) >= 0 || Array.IndexOf(BylinePatterns.NameTitles, key) >= 0 ? null : trimmed;
    }

    /// <summary>
    /// True when <paramref name="text"/> is a byline word alone, a colon after it optional: "By", "Autor:", "Written by",
    /// "Bởi". Compared with the table as written, accents kept.
    /// </summary>
    public static bool IsIntroducer(string text)
    {
        ReadOnlySpan<char> key = TextCleaner.Clean(text).AsSpan().Trim().TrimEnd(':').TrimEnd();
        if (key.IsEmpty)
        {
            return false;
        }

        foreach (string introducer in BylinePatterns.Introducers)
        {
            if (key.Equals(introducer.AsSpan().TrimEnd(':'), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a CMS account name shown when nobody signed the piece ("admin", "webmaster").</summary>
    public static bool IsPlaceholder(string name) => BylinePatterns.PlaceholderAccounts.Contains(VietnameseFolder.Fold(name.Trim()));

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

            // Initials and abbreviations ("J.R.", "Jr.") have dots; a whole word closed by one ends a sentence ("Poetic.").
            if (word.Contains('.', StringComparison.Ordinal) && word.Split('.').Any(part => part.Length > 3))
            {
                return false;
            }
        }

        return !BoilerplateLexicon.TryMatch(VietnameseFolder.Fold(candidate), out _);
    }
}
