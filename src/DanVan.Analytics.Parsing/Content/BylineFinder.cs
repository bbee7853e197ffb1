using DanVan.Analytics.Parsing.Tables;

namespace DanVan.Analytics.Parsing.Content;

/// <summary>
/// Finds the authors in the page text when the metadata names none: first the byline elements (class "author",
/// "byline"), then the body's own byline lines, then a short line led by a byline word ("By …", "Von …", "Par …")
/// near the headline, outside comments and page furniture.
/// </summary>
internal static class BylineFinder
{
    private const int MaxBylineBlock = 160;

    // How many nodes after the first byline element a second one may start and still be the same byline.
    private const int MaxBylineSpread = 12;

    // How far into a line the byline word may start: "Posted on 21 September 2020 by Jane Doe".
    private const int MaxIntroducerOffset = 48;

    private const double TeaserLinkDensity = 0.9;

    /// <summary>The author names found, in page order, without duplicates; empty when none.</summary>
    /// <param name="model">The walked page.</param>
    /// <param name="bodyBylines">Byline lines the content extractor took out of the body.</param>
    /// <param name="titleNode">The node of the heading that shows the title, or -1.</param>
    public static List<string> Find(PageModel model, IReadOnlyList<string> bodyBylines, int titleNode)
    {
        var authors = new List<string>();
        int first = -1;
        for (int i = 0; i < model.BylineTexts.Count + bodyBylines.Count; i++)
        {
            bool inPage = i < model.BylineTexts.Count;
            string byline = inPage ? model.BylineTexts[i] : bodyBylines[i - model.BylineTexts.Count];
            // Once the byline is found, only the elements around it add names (a second author's span); an author
            // box at the end of the page and the bylines of teasers for other articles lie far from it.
            if (inPage && first >= 0 && model.BylineNodes[i] - first > MaxBylineSpread)
            {
                continue;
            }

            List<string> names = BylineParser.Parse(byline);
            if (inPage && names.Count > 0 && first < 0)
            {
                first = model.BylineNodes[i];
            }

            if (names.Count == 0 && authors.Count == 0)
            {
                // The first byline element that names someone in another form is the byline; later ones are widgets.
                // A label element ("By ", "Von") before the name's own element names nobody and does not end the search.
                names = FromBylineElement(byline);
                names.RemoveAll(name => BylineParser.Tidy(name) is null);
                AddAll(authors, names);
                if (names.Count > 0)
                {
                    break;
                }
            }

            AddAll(authors, names);
        }

        if (authors.Count > 0)
        {
            return authors;
        }

        // Lines after the headline first (the byline sits under it), then the rest of the page.
        int heading = titleNode;
        foreach (bool afterHeading in new[] { true, false })
        {
            for (int b = 0; b < model.Blocks.Count; b++)
            {
                TextBlock block = model.Blocks[b];
                if (block.Chars > MaxBylineBlock || (heading >= 0 && (block.Owner > heading) != afterHeading) || (heading < 0 && !afterHeading) || InFurniture(model, block.Owner))
                {
                    continue;
                }

                // A label heading over its value: "Autor:" in one element, "Peter Maahn" in the next.
                string line = BylineParser.IsIntroducer(block.Text) && b + 1 < model.Blocks.Count && model.Blocks[b + 1].Chars <= MaxBylineBlock
                    ? block.Text + " " + model.Blocks[b + 1].Text
                    : block.Text;
                // A line that is all link is a teaser's headline ("… Delisting von Mailänder Börse") unless it opens with the byline word.
                int maxOffset = block.LinkDensity >= TeaserLinkDensity ? 0 : MaxIntroducerOffset;
                List<string> names = BylineParser.Introduced(line, maxOffset, allowSingleWord: false);
                if (names.Count > 0)
                {
                    AddAll(authors, names);
                    return authors;
                }
            }
        }

        AddAll(authors, DatedNameLine(model, heading));
        if (authors.Count > 0)
        {
            return authors;
        }

        AddAll(authors, FromCopyright(model));
        return authors;
    }

    // The line under the headline that gives the date and then a name with no byline word: "11.12.2019 - Amelie Loevenich",
    // "3. Mai 2021 | Max Muster". Only the few lines around the heading count; a name there beside a date is the
    // piece's author, while the same shape further down is a caption or a teaser.
    private static List<string> DatedNameLine(PageModel model, int heading)
    {
        const int LinesAfterHeading = 4;
        const int LinesBeforeHeading = 2;
        const int MaxLine = 90;
        if (heading < 0)
        {
            return [];
        }

        // The line may also stand just above the headline, as a kicker does.
        int headingBlock = model.Blocks.FindIndex(b => b.Owner >= heading);
        if (headingBlock < 0)
        {
            return [];
        }

        int seen = 0;
        for (int i = Math.Max(0, headingBlock - LinesBeforeHeading); i < model.Blocks.Count && seen < LinesAfterHeading; i++)
        {
            TextBlock block = model.Blocks[i];
            if (block.Owner > heading)
            {
                seen++;
            }

            if (model.Contains(heading, block.Owner) || InFurniture(model, block.Owner))
            {
                continue;
            }

            if (block.Text.Length > MaxLine || !block.Text.AsSpan().ContainsAnyInRange('0', '9'))
            {
                continue;
            }

            foreach (string separator in DateNameSeparators)
            {
                // The name comes last: "04.02.2022 | 13:10 Uhr | Uta Helkenberg".
                int at = block.Text.LastIndexOf(separator, StringComparison.Ordinal);
                if (at <= 0)
                {
                    continue;
                }

                string[] parts = [block.Text[..at].Trim(), block.Text[(at + separator.Length)..].Trim()];

                // Date first only: "Hà Nội - 12/06/2023" and "Berlin | 3. Mai" are datelines, a place before the date.
                if (parts[1].AsSpan().ContainsAnyInRange('0', '9') || !IsBareDate(parts[0]))
                {
                    continue;
                }

                List<string> names = BylineParser.Introduced(parts[1], 0, allowSingleWord: false);
                names = names.Count > 0 ? names : BylineParser.Parse(parts[1]);
                if (names.Count > 0 && names.All(n => !n.Split(' ').Any(IsOrganisationWord)))
                {
                    return names;
                }
            }
        }

        return [];
    }

    private static readonly string[] DateNameSeparators = [" - ", " – ", " — ", " | ", " · ", " • ", " / "];

    private static readonly string[] DateSeparators = [.. DateNameSeparators, ", "];

    // "11.12.2019", "3. Mai 2021, 14:05 Uhr": a date with little else in it.
    private static bool IsBareDate(string text)
    {
        int letters = 0;
        foreach (char c in text)
        {
            letters += char.IsLetter(c) ? 1 : 0;
        }

        return text.Length <= 40 && letters <= 12 && Analytics.Text.Dates.VietnameseDateParser.TryParse(text, out _);
    }

    // A personal site signs its pages in the footer: "(c) Johannes Wolf", "Copyright (c) 2012- Gregory Szorc. All
    // rights reserved". The last copyright line decides; a company or a site there names no author.
    private static List<string> FromCopyright(PageModel model)
    {
        const int LastBlocks = 40;
        const int MaxLine = 200;
        for (int i = model.Blocks.Count - 1; i >= 0 && i >= model.Blocks.Count - LastBlocks; i--)
        {
            string text = model.Blocks[i].Text;
            int length = 0;
            int mark = text.Length > MaxLine ? -1 : CopyrightMark(text, out length);
            if (mark < 0)
            {
                continue;
            }

            ReadOnlySpan<char> rest = text.AsSpan(mark + length).TrimStart(" ©()cC0123456789-–:,.\u00A0");
            int end = rest.IndexOfAny(NoticeEnds);
            string candidate = (end < 0 ? rest : rest[..end]).Trim().ToString();
            int dash = candidate.IndexOf(" - ", StringComparison.Ordinal);
            candidate = dash > 0 ? candidate[..dash] : candidate;
            if (candidate.Length > 0 && candidate.All(c => !char.IsLower(c)))
            {
                candidate = System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(candidate.ToLowerInvariant());
            }

            return IsPersonName(candidate) ? [candidate] : [];
        }

        return [];
    }

    /// <summary>True for a person's name of two or three words with no word of a company's name ("Johannes Wolf", not "Beispiel Verlag").</summary>
    public static bool IsPersonName(string candidate)
    {
        string[] words = candidate.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is 2 or 3 && BylineParser.IsName(candidate) && words.All(w => !IsOrganisationWord(w));
    }

    // A word of a company's name, or an initial alone ("Trustpilot A"), is not part of a person's name here.
    private static bool IsOrganisationWord(string word)
    {
        string folded = Text.VietnameseFolder.Fold(word);
        return folded.Length < 2 || BylinePatterns.OrganisationWords.Contains(folded) ||
               Array.Exists(BylinePatterns.OrganisationEndings, e => folded.EndsWith(e, StringComparison.Ordinal));
    }

    private static readonly System.Buffers.SearchValues<char> NoticeEnds = System.Buffers.SearchValues.Create(".,•|·/–(");

    private static int CopyrightMark(string text, out int length)
    {
        int at = text.IndexOf('©');
        if (at >= 0)
        {
            length = 1;
            return at;
        }

        at = text.IndexOf("(c)", StringComparison.OrdinalIgnoreCase);
        if (at >= 0)
        {
            length = 3;
            return at;
        }

        at = text.IndexOf("copyright", StringComparison.OrdinalIgnoreCase);
        length = 9;
        return at;
    }

    /// <summary>The names in the text of a byline element: "Von Max Muster", "Hoàng Phong", a lone handle "gnaddrig".</summary>
    public static List<string> FromBylineElement(string text)
    {
        List<string> names = BylineParser.Parse(text);
        if (names.Count > 0)
        {
            return names;
        }

        // "Walter von Aachen" is one name with a particle inside, not a byline word before "Aachen".
        if (WholeName(text) is { } whole)
        {
            return [whole];
        }

        names = BylineParser.Introduced(text, MaxIntroducerOffset, allowSingleWord: true);
        if (names.Count == 0 && WithoutDate(text) is { } undated)
        {
            // "Janic Cathomen, 01.12.2021": the byline element also shows the date.
            names = BylineParser.Parse(undated);
        }

        if (names.Count == 0 && LabelEnd(text) is > 0 and var colon)
        {
            // In a byline element a one-word label names the author's role: "Interview: Julia Lauter", "Fotos: …".
            names = BylineParser.Parse(text[(colon + 1)..]);
        }

        if (names.Count == 0)
        {
            // A byline element holding one word names its author by a handle ("Creeny", "uriebe").
            names = BylineParser.Introduced("by " + text, 0, allowSingleWord: true);
            if (names.Count != 1 || names[0].Length != text.Trim().Length)
            {
                names.Clear();
            }
        }

        return names;
    }

    // The element's whole text when it reads as one name of two or more words and does not open with a byline word.
    private static string? WholeName(string text)
    {
        string trimmed = text.Trim();
        if (!trimmed.Contains(' ', StringComparison.Ordinal) || BylineParser.Introduced(trimmed, 0, allowSingleWord: true).Count > 0)
        {
            return null;
        }

        List<string> names = BylineParser.Introduced("by " + trimmed, 0, allowSingleWord: false);
        return names is [var name] && name.Length == trimmed.Length ? name : null;
    }

    // The text without a leading or trailing date part set off by a separator; null when there is none.
    private static string? WithoutDate(string text)
    {
        foreach (string separator in DateSeparators)
        {
            int first = text.IndexOf(separator, StringComparison.Ordinal);
            int last = text.LastIndexOf(separator, StringComparison.Ordinal);
            if (first > 0 && IsBareDate(text[(last + separator.Length)..].Trim()))
            {
                return text[..last].Trim();
            }

            if (first > 0 && IsBareDate(text[..first].Trim()))
            {
                return text[(first + separator.Length)..].Trim();
            }
        }

        return null;
    }

    // The colon after a first word of letters only ("Interview:"), or -1.
    private static int LabelEnd(string text)
    {
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon is < 2 or > 20)
        {
            return -1;
        }

        foreach (char c in text.AsSpan(0, colon).Trim())
        {
            if (!char.IsLetter(c))
            {
                return -1;
            }
        }

        return colon;
    }

    private static void AddAll(List<string> authors, List<string> names)
    {
        foreach (string raw in names)
        {
            if (BylineParser.Tidy(raw) is { } name && !authors.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                authors.Add(name);
            }
        }
    }

    // Comment threads, navigation, footers and asides name commenters and other articles' authors.
    private static bool InFurniture(PageModel model, int node)
    {
        for (int n = node; n >= 0; n = model.Nodes[n].Parent)
        {
            if ((model.Nodes[n].Flags & (NodeFlags.Comment | NodeFlags.Furniture | NodeFlags.StrongNegative)) != 0)
            {
                return true;
            }
        }

        return false;
    }
}
