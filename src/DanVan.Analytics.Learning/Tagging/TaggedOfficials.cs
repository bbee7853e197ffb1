using DanVan.Analytics.Extraction;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Learning.Tagging;

/// <summary>
/// Adds the names the tagger found and the rules missed to the rules' officials. The rules keep every official they
/// found; a tagger name is added only when its context supports it: it looks like a name (two to five capitalised
/// syllables) and a title stands right before or right after it, or an honorific ("đồng chí", "ông", "bà") right before.
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
    public static ExtractionResult Merge(string text, ExtractionResult rules, IReadOnlyList<TaggedEntity> tagged)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(tagged);
        var known = new HashSet<string>(rules.Officials.Select(o => Key(o.Name)), StringComparer.Ordinal);
        var ruleSpans = rules.Officials.SelectMany(o => o.Mentions).Select(m => m.Span).ToList();
        var added = new Dictionary<string, (string Name, List<OfficialMention> Mentions)>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int i = 0; i < tagged.Count; i++)
        {
            TaggedEntity name = tagged[i];
            if (name.Kind != "PER" || name.Confidence < MinimumConfidence || !LooksLikeName(name.Text)
                || ruleSpans.Any(s => s.Start < name.Span.End && name.Span.Start < s.End)
                || RunContinues(text, name.Span.End) || (WordBefore(text, name.Span.Start) & WordFlags.PlaceNoun) != 0)
            {
                continue;
            }

            TaggedEntity? title = TitleBefore(text, tagged, i) ?? TitleAfter(text, tagged, i);
            if (title is null && !HonorificBefore(text, name.Span.Start))
            {
                continue;
            }

            string normalizedName = VietnameseNormalizer.Default.Normalize(name.Text);
            string key = Key(normalizedName);
            if (known.Contains(key))
            {
                continue; // the rules have this person; their reading of the mention stands
            }

            IReadOnlyList<OfficialTitle> titles = title is null
                ? []
                : [new OfficialTitle(VietnameseNormalizer.Default.Normalize(title.Text), VietnameseNormalizer.Default.Normalize(title.Text), null, AdministrativeLevel.Unknown) { Span = title.Span }];
            var mention = new OfficialMention(name.Text, name.Span, name.SentenceIndex, normalizedName, titles) { Evidence = NameEvidence.Position };
            if (!added.TryGetValue(key, out var entry))
            {
                entry = (normalizedName, []);
                added[key] = entry;
                order.Add(key);
            }

            entry.Mentions.Add(mention);
        }

        if (order.Count == 0)
        {
            return rules;
        }

        var officials = rules.Officials.ToList();
        foreach (string key in order)
        {
            var (name, mentions) = added[key];
            officials.Add(new Official(name, [.. mentions.SelectMany(m => m.Titles).DistinctBy(t => t.Text)], mentions));
        }

        return rules with { Officials = officials };
    }

    /// <summary>Two to five syllables, each a capital letter followed by lower-case letters.</summary>
    internal static bool LooksLikeName(string text)
    {
        string[] words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 5
            && words.All(w => char.IsUpper(w[0]) && w.Skip(1).All(char.IsLower));
    }

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
    private static bool HonorificBefore(string text, int start) => (WordBefore(text, start) & WordFlags.Honorific) != 0;

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
    private static WordFlags WordBefore(string text, int start)
    {
        ReadOnlySpan<char> before = text.AsSpan(0, start).TrimEnd();
        int space = before.LastIndexOfAny(' ', '\n');
        ReadOnlySpan<char> word = before[(space + 1)..];
        if (word.IsEmpty || word.Length > 12)
        {
            return WordFlags.None;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return TaggerLexicon.Default.Of(lower);
    }

    private static string Key(string name) => VietnameseFolder.Fold(name.ToLowerInvariant());
}
