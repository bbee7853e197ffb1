using DanVan.Analytics.Extraction;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Learning.Tagging;

/// <summary>
/// Adds the names the tagger found and the rules missed to the rules' officials. The rules keep every official they
/// found, but for one the tagger reads as the start of a title whose first word opens titles in the tables ("Phó Giám"
/// of "Phó Giám đốc" when the tables lack "Giám đốc"). A tagger name is added only when its context supports it: it
/// looks like a name (two to five capitalised syllables, or a Central Highlands name with an apostrophe) and a title
/// stands right before or right after it, an honorific ("đồng chí", "ông", "bà") right before, or it goes on a list
/// from a name already read ("các đồng chí: A, B và C"), whose title it takes.
/// </summary>
public static class TaggedOfficials
{
    /// <summary>The least mean probability of a tagger name that is added.</summary>
    public const double MinimumConfidence = 0.5;

    // Characters allowed between a title and the name it belongs to ("Bí thư Tỉnh ủy, Nguyễn Văn A" or "ông A - Chủ tịch").
    private static readonly System.Buffers.SearchValues<char> Joiners = System.Buffers.SearchValues.Create(" ,-–:(\u00A0");

    /// <summary>The rules' facts with the supported tagger names added as officials (after the rules' ones).</summary>
    /// <param name="text">The text both ran on.</param>
    /// <param name="rules">The rule extractor's result for <paramref name="text"/>.</param>
    /// <param name="tagged">The tagger's entities in <paramref name="text"/> (<see cref="NameTagger.Tag"/>).</param>
    public static ExtractionResult Merge(string text, ExtractionResult rules, IReadOnlyList<TaggedEntity> tagged) =>
        Merge(text, rules, tagged, TaggerLexicon.Default);

    /// <summary>The same, the context words (honorifics, place nouns) read from <paramref name="lexicon"/>.</summary>
    internal static ExtractionResult Merge(string text, ExtractionResult rules, IReadOnlyList<TaggedEntity> tagged, TaggerLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(tagged);
        var kept = rules.Officials.Where(o => !ReadAsTitle(text, o, tagged, lexicon)).ToList();
        var known = new HashSet<string>(kept.Select(o => Key(o.Name)), StringComparer.Ordinal);
        var ruleSpans = kept.SelectMany(o => o.Mentions).Select(m => m.Span).ToList();

        // The names already read, rules' and added ones, with the title each took: a list goes on from them.
        var read = kept.SelectMany(o => o.Mentions).Select(m => new ReadName(m.Span, m.SentenceIndex, m.Titles.Count > 0 ? m.Titles[^1] : null)).ToList();
        var added = new Dictionary<string, (string Name, List<OfficialMention> Mentions)>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int i = 0; i < tagged.Count; i++)
        {
            TaggedEntity name = tagged[i];
            if (name.Kind != "PER" || name.Confidence < MinimumConfidence || !LooksLikeName(name.Text)
                || ruleSpans.Any(s => s.Start < name.Span.End && name.Span.Start < s.End)
                || RunContinues(text, name.Span.End))
            {
                continue;
            }

            TaggedEntity? before = TitleBefore(text, tagged, i);
            if ((WordBefore(text, name.Span.Start, lexicon) & WordFlags.PlaceNoun) != 0 && !(before is not null && HasMiddleName(name.Text, lexicon)))
            {
                // After "xã", "thôn", "bản" the capitalized words name the place ("UBND xã Ea Kao"), unless the noun ends a
                // title the tagger read and the words have a name's shape, family and middle name ("Trưởng bản Sùng A Hồ").
                continue;
            }

            OfficialTitle? title = TitleOf(before ?? TitleAfter(text, tagged, i));
            if (title is null && !HonorificBefore(text, name.Span.Start, lexicon))
            {
                // The next name of a list ("các đồng chí: A, B và C"; "Phó Chủ tịch: A, B") takes the list's title.
                if (ListGoesOn(text, read, name) is not { } previous)
                {
                    continue;
                }

                title = previous.Title;
            }

            string normalizedName = VietnameseNormalizer.Default.Normalize(name.Text);
            string key = Key(normalizedName);
            read.Add(new ReadName(name.Span, name.SentenceIndex, title));
            if (known.Contains(key))
            {
                continue; // the rules have this person; their reading of the mention stands
            }

            var mention = new OfficialMention(name.Text, name.Span, name.SentenceIndex, normalizedName, title is null ? [] : [title])
            {
                Evidence = NameEvidence.Position,
            };
            if (!added.TryGetValue(key, out var entry))
            {
                entry = (normalizedName, []);
                added[key] = entry;
                order.Add(key);
            }

            entry.Mentions.Add(mention);
        }

        if (order.Count == 0 && kept.Count == rules.Officials.Count)
        {
            return rules;
        }

        var officials = kept;
        foreach (string key in order)
        {
            var (name, mentions) = added[key];
            officials.Add(new Official(name, [.. mentions.SelectMany(m => m.Titles).DistinctBy(t => t.Text)], mentions));
        }

        return rules with { Officials = officials };
    }

    /// <summary>
    /// A rules official the tagger reads as the start of a title: every mention opens with a word that opens titles in the
    /// tables ("Phó", "Chánh") and overlaps a tagger title, and no tagger name overlaps it. So "Phó Giám" of "Phó Giám đốc
    /// Công an tỉnh", read by the rules as a name of the family Phó when "Giám đốc" is missing from their tables, is dropped.
    /// </summary>
    internal static bool ReadAsTitle(string text, Official official, IReadOnlyList<TaggedEntity> tagged, TaggerLexicon lexicon) =>
        official.Mentions.Count > 0 && official.Mentions.All(m =>
            (FirstWordFlags(text, m.Span, lexicon) & WordFlags.TitleStart) != 0
            && tagged.Any(t => t.Kind == "TITLE" && Overlaps(t.Span, m.Span))
            && !tagged.Any(t => t.Kind == "PER" && Overlaps(t.Span, m.Span)));

    private static bool Overlaps(TextSpan a, TextSpan b) => a.Start < b.End && b.Start < a.End;

    private static WordFlags FirstWordFlags(string text, TextSpan span, TaggerLexicon lexicon)
    {
        ReadOnlySpan<char> mention = text.AsSpan(span.Start, span.Length);
        int space = mention.IndexOf(' ');
        return Flags(space < 0 ? mention : mention[..space], lexicon);
    }

    /// <summary>
    /// Two to five syllables, each a capital letter followed by lower-case letters, or of the Central Highlands' shape with
    /// an apostrophe ("H’Nhoa", "K'Brơi"), which may also stand alone.
    /// </summary>
    internal static bool LooksLikeName(string text)
    {
        string[] words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 5
            && words.All(w => IsNameSyllable(w) || IsApostropheSyllable(w))
            && (words.Length >= 2 || IsApostropheSyllable(words[0]));
    }

    private static bool IsNameSyllable(ReadOnlySpan<char> w)
    {
        if (w.IsEmpty || !char.IsUpper(w[0]))
        {
            return false;
        }

        foreach (char c in w[1..])
        {
            if (!char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    // "H’Nhoa": a capital, an apostrophe, then a name syllable.
    private static bool IsApostropheSyllable(string w) =>
        w.Length > 3 && char.IsUpper(w[0]) && w[1] is '\'' or '’' && IsNameSyllable(w.AsSpan(2));

    // "Sùng A Hồ", "Lò Văn Pọm": three or more words, the second a middle name ("A", "Văn", "Thị"), which place names lack.
    private static bool HasMiddleName(string name, TaggerLexicon lexicon)
    {
        string[] words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 3 && (Flags(words[1], lexicon) & WordFlags.MiddleName) != 0;
    }

    private static OfficialTitle? TitleOf(TaggedEntity? title)
    {
        if (title is null)
        {
            return null;
        }

        string normalized = VietnameseNormalizer.Default.Normalize(title.Text);
        return new OfficialTitle(normalized, normalized, null, AdministrativeLevel.Unknown) { Span = title.Span };
    }

    // The name read last before `name` in its sentence, when only a list separator (", ", " và ", "; ") stands between.
    private static ReadName? ListGoesOn(string text, List<ReadName> read, TaggedEntity name)
    {
        ReadName? previous = null;
        foreach (ReadName r in read)
        {
            if (r.SentenceIndex == name.SentenceIndex && r.Span.End <= name.Span.Start && (previous is null || r.Span.End > previous.Span.End))
            {
                previous = r;
            }
        }

        if (previous is null)
        {
            return null;
        }

        ReadOnlySpan<char> between = text.AsSpan(previous.Span.End, name.Span.Start - previous.Span.End).Trim();
        return between is "," or ";" or "và" or ", và" ? previous : null;
    }

    /// <summary>A name already read, with the title it took.</summary>
    private sealed record ReadName(TextSpan Span, int SentenceIndex, OfficialTitle? Title);

    private static TaggedEntity? TitleBefore(string text, IReadOnlyList<TaggedEntity> tagged, int index)
    {
        for (int j = index - 1; j >= 0; j--)
        {
            TaggedEntity e = tagged[j];
            if (e.SentenceIndex != tagged[index].SentenceIndex)
            {
                return null;
            }

            if (e.Kind == "TITLE")
            {
                return OnlyJoinersBetween(text, e.Span.End, tagged[index].Span.Start) ? e : null;
            }
        }

        return null;
    }

    private static TaggedEntity? TitleAfter(string text, IReadOnlyList<TaggedEntity> tagged, int index)
    {
        int next = index + 1;
        return next < tagged.Count && tagged[next].Kind == "TITLE" && tagged[next].SentenceIndex == tagged[index].SentenceIndex
            && OnlyJoinersBetween(text, tagged[index].Span.End, tagged[next].Span.Start)
            && text.AsSpan(tagged[index].Span.End, tagged[next].Span.Start - tagged[index].Span.End).Trim().Length > 0
            ? tagged[next]
            : null;
    }

    private static bool OnlyJoinersBetween(string text, int start, int end) =>
        end >= start && end - start <= 4 && text.AsSpan(start, end - start).IndexOfAnyExcept(Joiners) < 0;

    // "đồng chí", "ông", "bà" … right before the name (the tables' honorifics; "anh", "chị" introduce anyone).
    private static bool HonorificBefore(string text, int start, TaggerLexicon lexicon) => (WordBefore(text, start, lexicon) & WordFlags.Honorific) != 0;

    // A name cut inside a run of capitalised words ("Hồ Chí" of "Hồ Chí Minh") is not a whole name.
    private static bool RunContinues(string text, int end)
    {
        int i = end;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i > end && i < text.Length && char.IsUpper(text[i]);
    }

    // The flags of the word right before a position ("xã", "thôn" before a place name; "ông" before a person).
    private static WordFlags WordBefore(string text, int start, TaggerLexicon lexicon)
    {
        ReadOnlySpan<char> before = text.AsSpan(0, start).TrimEnd().TrimEnd(':').TrimEnd();
        int space = before.LastIndexOfAny(' ', '\n');
        return Flags(before[(space + 1)..], lexicon);
    }

    private static WordFlags Flags(ReadOnlySpan<char> word, TaggerLexicon lexicon)
    {
        if (word.IsEmpty || word.Length > 12)
        {
            return WordFlags.None;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return lexicon.Of(lower);
    }

    private static string Key(string name) => VietnameseFolder.Fold(name.ToLowerInvariant());
}
