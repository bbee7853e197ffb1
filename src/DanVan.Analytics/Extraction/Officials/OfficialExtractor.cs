namespace DanVan.Analytics.Extraction.Officials;

/// <summary>
/// Finds officials: a name introduced by an honorific ("đồng chí", "ông", "bà"), led by titles
/// ("Phó Bí thư Thành ủy Đào Đức Toàn") or followed by titles in apposition ("Đặng Vân - Trưởng ban ...").
/// Where a title's capitalized words run into the name, the name starts at a family name from the lexicon,
/// never inside a place name. A title before a list of names belongs to each. Mentions of one person merge.
/// </summary>
internal static class OfficialExtractor
{
    private const int MaxTitleWords = 24;
    private const int MaxNameWords = 4;
    private const int MaxIntroducedNameWords = 5;
    private const int MaxListItems = 40;

    public static IReadOnlyList<Official> Extract(ExtractionContext context)
    {
        var parser = new Parser(context);
        WordToken[] tokens = context.Tokens;
        int i = 0;
        while (i < tokens.Length)
        {
            int next = tokens[i].IsWord ? parser.ParseAt(i) : i + 1;
            i = next > i ? next : i + 1;
        }

        return Merge(context, parser.Mentions);
    }

    private static List<Official> Merge(ExtractionContext context, List<RawMention> raw)
    {
        var byName = new Dictionary<string, List<RawMention>>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (RawMention m in raw)
        {
            if (!byName.TryGetValue(m.Name, out var list))
            {
                byName[m.Name] = list = [];
                order.Add(m.Name);
            }

            list.Add(m);
        }

        // A shorter name ("Mai", "Doãn Toản") joins the one full name it ends; with none or several, a one-word name is dropped.
        foreach (string name in order.ToList())
        {
            var owners = order.Where(o => o.Length > name.Length && o.EndsWith(" " + name, StringComparison.OrdinalIgnoreCase)).ToList();
            bool oneWord = !name.Contains(' ', StringComparison.Ordinal);
            if (owners.Count == 1)
            {
                byName[owners[0]].AddRange(byName[name]);
                byName.Remove(name);
                order.Remove(name);
            }
            else if (oneWord)
            {
                byName.Remove(name);
                order.Remove(name);
            }
        }

        var officials = new List<Official>(order.Count);
        foreach (string name in order)
        {
            List<RawMention> list = byName[name];
            list.Sort((a, b) => a.Start.CompareTo(b.Start));
            var titles = new List<OfficialTitle>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var mentions = new List<OfficialMention>(list.Count);
            foreach (RawMention m in list)
            {
                foreach (OfficialTitle t in m.Titles)
                {
                    if (seen.Add(t.Text))
                    {
                        titles.Add(t);
                    }
                }

                var span = context.ToOriginal(m.Start, m.End);
                mentions.Add(new OfficialMention(context.OriginalSurface(span), span, context.SentenceOf(m.Start), context.Clean(m.Start, m.End), m.Titles));
            }

            officials.Add(new Official(list[0].Name, titles, mentions));
        }

        return officials;
    }

    private readonly record struct RawMention(string Name, int Start, int End, IReadOnlyList<OfficialTitle> Titles);

    private readonly record struct TitleRange(int From, int HeadEnd, int To, TitleHead Head);

    private sealed class Parser(ExtractionContext context)
    {
        private readonly string _text = context.Text;
        private readonly WordToken[] _tokens = context.Tokens;
        private readonly ExtractionLexicon _lexicon = context.Lexicon;

        public List<RawMention> Mentions { get; } = [];

        /// <summary>Parses whatever mention starts at token <paramref name="i"/>; returns the token to go on from.</summary>
        public int ParseAt(int i)
        {
            int h = HonorificAt(i);
            if (h > 0)
            {
                int j = i + h;
                if (context.IsPunct(j, ':'))
                {
                    j++;
                }

                return ParseList(j, introduced: true, i);
            }

            // A title after "làm", "giữ chức", "bầu" is a role given by a verb: skip it.
            if (context.Has(i - 1, WordFlags.RoleVerb) && IsTitleStart(i, afterSeparator: true))
            {
                return SkipTitle(i);
            }

            if (IsTitleStart(i, afterSeparator: true) || StrictNameLength(i) > 0)
            {
                return ParseList(i, introduced: false, i);
            }

            return i + 1;
        }

        // A list of items: "T1 N1; T2 N2", "N1 - T1, N2", "T: N1, N2 và N3". Returns the token after the list.
        private int ParseList(int j, bool introduced, int from)
        {
            IReadOnlyList<OfficialTitle>? shared = null;
            int end = j;
            for (int item = 0; item < MaxListItems; item++)
            {
                int next = ParseItem(end, introduced, item == 0 && introduced, shared, out IReadOnlyList<OfficialTitle>? before, out bool mentioned, out bool honorific);
                if (next <= end)
                {
                    break;
                }

                end = next;
                if (!mentioned)
                {
                    // A title with no name ("... giữ chức Bí thư Huyện ủy;") ends the list.
                    break;
                }

                introduced |= honorific;
                shared = before is { Count: > 0 } ? before : null;
                // Separators between items; ";" ends a shared title.
                if (context.IsPunct(end, ',') || context.IsWord(end, "và") || context.IsWord(end, "cùng"))
                {
                    if (!context.SameLine(end - 1) || !IsItemStart(end + 1, introduced))
                    {
                        break;
                    }

                    end++;
                }
                else if (context.IsPunct(end, ';'))
                {
                    shared = null;
                    if (!IsItemStart(end + 1, introduced))
                    {
                        break;
                    }

                    end++;
                }
                else
                {
                    break;
                }
            }

            return Math.Max(end, from + 1);
        }

        private bool IsItemStart(int k, bool bareAllowed) =>
            IsTitleStart(k, afterSeparator: true) || StrictNameLength(k) > 0 || (bareAllowed && BareNameLength(k, false) > 0)
            || (HonorificAt(k) > 0);

        // One item: [titles] name [apposition]. Returns the token after it (or `j` when nothing was read).
        private int ParseItem(int j, bool bareAllowed, bool firstIntroduced, IReadOnlyList<OfficialTitle>? shared, out IReadOnlyList<OfficialTitle>? titlesBefore,
            out bool mentioned, out bool honorific)
        {
            titlesBefore = null;
            mentioned = false;
            int h = HonorificAt(j);
            honorific = h > 0;
            if (h > 0)
            {
                j += h;
                if (context.IsPunct(j, ':'))
                {
                    j++;
                }

                bareAllowed = true;
                firstIntroduced = true;
            }

            var titles = new List<TitleRange>();
            int k = ParseTitles(j, titles, out int nameStart, out int nameEnd);
            if (titles.Count > 0 && nameStart < 0 && !IsTitleStart(j, afterSeparator: false) && !firstIntroduced)
            {
                // A lower-case title ("chủ tịch UBND tỉnh") counts only when a name follows it.
                return j;
            }

            if (titles.Count > 0 && nameStart < 0)
            {
                // "Bí thư Tỉnh ủy, đồng chí Nguyễn Văn A" / "Phó Chủ tịch UBND tỉnh: Nguyễn Văn A, Trần Văn B".
                int m = k;
                if (context.IsPunct(m, ',') || context.IsPunct(m, ':'))
                {
                    m++;
                }

                int hh = HonorificAt(m);
                bool colon = context.IsPunct(k, ':');
                if (hh > 0 || colon)
                {
                    int n = BareNameLength(m + hh, true);
                    int afterName = m + hh + n;
                    // "Bí thư Tỉnh ủy, đồng chí A" — unless A has an apposition of their own (then the title was someone else's).
                    bool ownApposition = (context.IsPunct(afterName, ',') || context.IsDash(afterName)) && IsTitleStart(afterName + 1, true);
                    if (n > 0 && (colon || !ownApposition))
                    {
                        nameStart = m + hh;
                        nameEnd = nameStart + n;
                    }
                }
                else if (titles[^1].Head.IsRank || titles.Count > 0)
                {
                    int n = StrictNameLength(k);
                    if (n > 0 && (titles[^1].Head.IsRank))
                    {
                        nameStart = k;
                        nameEnd = k + n;
                    }
                }

                if (nameStart < 0)
                {
                    return k;
                }
            }

            if (titles.Count == 0)
            {
                int n = StrictNameLength(j);
                if (n == 0 && bareAllowed)
                {
                    n = BareNameLength(j, firstIntroduced);
                }

                if (n == 0)
                {
                    return j;
                }

                nameStart = j;
                nameEnd = j + n;
            }

            // Apposition after the name.
            var after = new List<TitleRange>();
            int end = nameEnd;
            int sep = nameEnd;
            bool paren = context.IsPunct(sep, '(');
            if ((context.IsPunct(sep, ',') || context.IsDash(sep) || paren) && context.SameLine(sep - 1) && IsTitleStart(sep + 1, afterSeparator: true))
            {
                int afterEnd = ParseTitles(sep + 1, after, out int otherName, out _, inApposition: true);
                if (otherName >= 0)
                {
                    // The last title leads another person's name: it is not this person's apposition.
                    after.RemoveAt(after.Count - 1);
                    end = after.Count > 0 ? after[^1].To : nameEnd;
                }
                else
                {
                    end = afterEnd;
                    if (paren && context.IsPunct(end, ')'))
                    {
                        end++;
                    }
                }
            }

            // A company position is not an official's title.
            titles.RemoveAll(IsBusinessTitle);
            after.RemoveAll(IsBusinessTitle);
            bool hasOwnTitles = titles.Count > 0 || after.Count > 0;
            if (!hasOwnTitles && !bareAllowed && shared is null)
            {
                return j;
            }

            string name = context.CleanTokens(nameStart, nameEnd);
            if (_lexicon.ExcludedNames.Contains(name))
            {
                return end;
            }

            var all = new List<OfficialTitle>();
            if (titles.Count == 0 && shared is not null)
            {
                all.AddRange(shared);
            }

            all.AddRange(titles.Select(Describe));
            all.AddRange(after.Select(Describe));
            titlesBefore = titles.Count > 0 ? titles.Select(Describe).ToList() : null;
            Mentions.Add(new RawMention(name, _tokens[nameStart].Start, _tokens[nameEnd - 1].End, all));
            mentioned = true;
            return end;
        }

        // Titles "T1, T2 kiêm T3" from token j; when the last title's capitalized words end in a name, that name.
        private int ParseTitles(int j, List<TitleRange> titles, out int nameStart, out int nameEnd, bool inApposition = false)
        {
            nameStart = nameEnd = -1;
            int k = j;
            while (titles.Count < 8)
            {
                if (!IsTitleStart(k, afterSeparator: true))
                {
                    break;
                }

                int pre = TitlePrefixAt(k);
                int h = _lexicon.TitleHeads.Match(_text, _tokens, k + pre, out TitleHead head);
                int headEnd = k + pre + h;
                int m = headEnd;
                int s = -1;
                if (!head.IsRank)
                {
                    m = ContinueTitle(headEnd, headEnd, inApposition, out s);

                    // "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch Nguyễn Văn Hùng": a comma inside the organisation's
                    // name, taken only when the words after it run on to the person's name.
                    int comma = m;
                    while (s < 0 && !inApposition && context.IsPunct(comma, ',') && context.SameLine(comma - 1) && comma + 1 < _tokens.Length
                        && _tokens[comma + 1].Capitalized && !IsTitleStart(comma + 1, true) && HonorificAt(comma + 1) == 0 && StrictNameLength(comma + 1) == 0)
                    {
                        int end = ContinueTitle(headEnd, comma + 1, inApposition, out int name);
                        if (name < 0)
                        {
                            break;
                        }

                        m = end;
                        s = name;
                    }

                    while (s < 0 && m > headEnd && (context.IsWord(m - 1, "và") || context.IsWord(m - 1, "của") || context.IsDash(m - 1)
                        || (!_tokens[m - 1].Capitalized && (context.IsWord(m - 1, "thường") || context.IsWord(m - 1, "phó")))))
                    {
                        m--;
                    }
                }

                if (s >= 0)
                {
                    titles.Add(new TitleRange(k, headEnd, s, head));
                    nameStart = s;
                    nameEnd = m;
                    return m;
                }

                titles.Add(new TitleRange(k, headEnd, m, head));
                k = m;
                if ((context.IsPunct(k, ',') || context.IsWord(k, "kiêm")) && context.SameLine(k - 1) && IsTitleStart(k + 1, afterSeparator: true))
                {
                    k++;
                    continue;
                }

                break;
            }

            return k;
        }

        private bool IsBusinessTitle(TitleRange range) =>
            range.HeadEnd < range.To && _lexicon.BusinessOrganisations.Match(_text, _tokens, range.HeadEnd, out _) > 0;

        // The token after the title that starts at k (its name, if any, included).
        private int SkipTitle(int k)
        {
            var titles = new List<TitleRange>();
            int end = ParseTitles(k, titles, out _, out _);
            return Math.Max(end, k + 1);
        }

        // Extends a title from token `from` while its words continue it; stops at the first name its capitalized words close with.
        private int ContinueTitle(int headEnd, int from, bool inApposition, out int nameStart)
        {
            nameStart = -1;
            int m = from;
            while (m < _tokens.Length && m - headEnd < MaxTitleWords && Continues(m))
            {
                m++;
                if (IsNameWord(m - 1) && !(IsNameWord(m) && context.SameLine(m - 1)))
                {
                    nameStart = NameAtEnd(headEnd, m, strict: inApposition);
                    if (nameStart >= 0)
                    {
                        return m;
                    }
                }
            }

            return m;
        }

        private bool IsTitleStart(int k, bool afterSeparator)
        {
            if (!context.Has(k, WordFlags.TitleHead | WordFlags.TitlePrefix))
            {
                return false;
            }

            int pre = TitlePrefixAt(k);
            if (_lexicon.TitleHeads.Match(_text, _tokens, k + pre, out TitleHead head) == 0)
            {
                return false;
            }

            // Capitalized heads always; lower-case ones for village roles ("trưởng thôn", "già làng") and where a title is
            // expected (after a name and a comma, in a list of titles), as some papers write titles in lower case.
            return _tokens[k + pre].Capitalized || head.Level == AdministrativeLevel.Village || afterSeparator;
        }

        // "nguyên" / "cố" / "Quyền" before a title head: 1 when one stands at k, else 0.
        private int TitlePrefixAt(int k) =>
            context.Has(k, WordFlags.TitlePrefix) && context.Has(k + 1, WordFlags.TitleHead) && _lexicon.TitlePrefixes.Match(_text, _tokens, k, out _) == 1 && k + 1 < _tokens.Length && _tokens[k + 1].IsWord
            && _lexicon.TitleHeads.Match(_text, _tokens, k + 1, out _) > 0 ? 1 : 0;

        private bool Continues(int m)
        {
            WordToken t = _tokens[m];
            if (!context.SameLine(m - 1) || HonorificAt(m) > 0)
            {
                return false;
            }

            if (t.Kind == WordKind.Number)
            {
                return _tokens[m - 1].IsWord && !t.In(_text).ContainsAny('.', ',') && !context.IsPunct(m + 1, '/') && !context.IsWord(m + 1, "năm");
            }

            if (t.Kind == WordKind.Punctuation && _text[t.Start] == '.')
            {
                // "Ủy ban T.Ư MTTQ", "UB.MTTQVN": a dot inside an abbreviation.
                return _tokens[m - 1].Capitalized && _tokens[m - 1].End == t.Start && m + 1 < _tokens.Length
                    && _tokens[m + 1].Capitalized && _tokens[m + 1].Start == t.End;
            }

            if (t.Kind == WordKind.Punctuation)
            {
                // "Bà Rịa - Vũng Tàu", "Tuyên giáo - Dân vận": a dash between capitalized words that is not an apposition.
                return context.IsDash(m) && _tokens[m - 1].IsWord && m + 1 < _tokens.Length && _tokens[m + 1].Capitalized
                    && !IsTitleStart(m + 1, true) && StrictNameLength(m + 1) == 0;
            }

            if (t.Capitalized)
            {
                // A title head inside an organisation continues it ("Chủ nhiệm Văn phòng Chủ tịch nước").
                return true;
            }

            ReadOnlySpan<char> word = t.In(_text);
            if (word.Equals("và", StringComparison.OrdinalIgnoreCase))
            {
                return m + 1 < _tokens.Length && _tokens[m + 1].Capitalized && !IsTitleStart(m + 1, true)
                    && HonorificAt(m + 1) == 0 && StrictNameLength(m + 1) == 0;
            }

            if (word.Equals("của", StringComparison.OrdinalIgnoreCase))
            {
                return m + 1 < _tokens.Length && _tokens[m + 1].Capitalized && StrictNameLength(m + 1) == 0;
            }

            if (context.Has(m, WordFlags.TitleWord))
            {
                return true;
            }

            return context.Has(m, WordFlags.BoundTitleWord) && _lexicon.BoundTitleWords.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var after)
                && _tokens[m - 1].IsWord && after.GetAlternateLookup<ReadOnlySpan<char>>().Contains(_tokens[m - 1].In(_text));
        }

        private int HonorificAt(int k) => context.Has(k, WordFlags.Honorific) ? _lexicon.Honorifics.Match(_text, _tokens, k, out _) : 0;

        private bool IsNameWord(int k) =>
            (uint)k < (uint)_tokens.Length && _tokens[k].IsWord && _tokens[k].Capitalized && !_tokens[k].AllUpper;

        // The start of the name that the capitalized run ending at `end` closes with, or -1.
        // In an apposition the title is already someone's, so a name inside it needs a common family name or three words ("Đồn Biên phòng A Dơi" is a place).
        private int NameAtEnd(int headEnd, int end, bool strict)
        {
            int r = end;
            while (r - 1 >= headEnd && IsNameWord(r - 1) && context.SameLine(r - 1 == headEnd ? r - 1 : r - 2))
            {
                r--;
            }

            int best = -1;
            int bestWeight = int.MaxValue;
            for (int s = r; s < end - 1; s++)
            {
                int w = SurnameAt(s, out int surnameWords);
                int words = end - s;
                if (w == 0 || words < surnameWords + 1 || words > Math.Max(MaxNameWords, surnameWords + 3) || !PlaceAllowsName(r, s, words, ref w)
                    || (strict && w >= 3 && words < 3))
                {
                    continue;
                }

                if (w < bestWeight)
                {
                    best = s;
                    bestWeight = w;
                }
            }

            return best;
        }

        // A name of 2-4 capitalized words starting with a family name, the whole capitalized run; else 0.
        private int StrictNameLength(int k)
        {
            if (!IsNameWord(k) || (k > 0 && IsNameWord(k - 1) && context.SameLine(k - 1)
                && !context.Has(k - 1, WordFlags.NameIntroducer)))
            {
                return 0;
            }

            int w = SurnameAt(k, out int surnameWords);
            int n = RunLength(k, MaxIntroducedNameWords + 1);
            if (w == 0 || !PlaceAllowsName(k, k, n, ref w))
            {
                return 0;
            }

            return n >= surnameWords + 1 && n <= Math.Max(MaxNameWords, surnameWords + 3) && !IsTitleStart(k, true) ? n : 0;
        }

        // A name after an honorific: a capitalized run of 1-5 words, that is not a title or an organisation.
        private int BareNameLength(int k, bool allowOneWord)
        {
            if (!IsNameWord(k) || IsTitleStart(k, true) || _lexicon.Places.Match(_text, _tokens, k, out _) > 0)
            {
                return 0;
            }

            int n = RunLength(k, MaxIntroducedNameWords + 1);
            if (n > MaxIntroducedNameWords || (n == 1 && !allowOneWord))
            {
                return 0;
            }

            if (SurnameAt(k, out _) > 0)
            {
                return n;
            }

            // Without a known family name, none of the words may be an organisation word ("Ban Thường vụ").
            for (int q = k; q < k + n; q++)
            {
                if (context.Has(q, WordFlags.TitleWord))
                {
                    return 0;
                }
            }

            return n;
        }

        private int RunLength(int k, int max)
        {
            int n = 0;
            while (n < max && IsNameWord(k + n) && (n == 0 || context.SameLine(k + n - 1)))
            {
                n++;
            }

            return n;
        }

        // The weight of the family name at token s (1 common .. 3 rare), 0 when none.
        private int SurnameAt(int s, out int words)
        {
            int weight = 0;
            words = context.Has(s, WordFlags.FamilyName) ? _lexicon.FamilyNames.Match(_text, _tokens, s, out weight) : 0;
            if (words > 0 && IsNameWord(s))
            {
                for (int q = s + 1; q < s + words; q++)
                {
                    if (!IsNameWord(q))
                    {
                        words = 0;
                        return 0;
                    }
                }

                return weight;
            }

            ReadOnlySpan<char> word = (uint)s < (uint)_tokens.Length ? _tokens[s].In(_text) : default;
            if (IsNameWord(s) && word.Length > 2 && WordScanner.IsApostrophe(word[1]) && _lexicon.FamilyNamePrefixes.Contains(word[0]))
            {
                words = 1;
                return 2; // "H’Hen", "K’ré": prefix and name in one word.
            }

            words = 0;
            return 0;
        }

        // A name never starts inside a known place ("Hà Nội Hoàng Trung Hải": not at "Nội"), nor is it a place alone
        // ("Bí thư Tỉnh ủy Lâm Đồng"); a name that starts like a place and goes on ("Đinh Văn Lơ") is less likely.
        private bool PlaceAllowsName(int runStart, int s, int words, ref int weight)
        {
            for (int p = Math.Max(runStart, s - 4); p <= s; p++)
            {
                int n = context.Has(p, WordFlags.Place) ? _lexicon.Places.Match(_text, _tokens, p, out _) : 0;
                if (n == 0 || p + n <= s || !IsNameWord(p))
                {
                    continue;
                }

                // Inside a place, the place alone, or a place followed by a whole name of unknown shape ("Hàn Quốc Jeong Byung").
                if (p < s || n >= words || words - n >= 2)
                {
                    return false;
                }

                weight += 10;
            }

            return true;
        }

        private OfficialTitle Describe(TitleRange range)
        {
            int positionEnd = range.HeadEnd;
            if (context.IsWord(positionEnd, "thường") && context.IsWord(positionEnd + 1, "trực") && positionEnd + 2 <= range.To)
            {
                positionEnd += 2;
            }

            string text = context.CleanTokens(range.From, range.To);
            string position = context.CleanTokens(range.From, Math.Min(positionEnd, range.To));
            string? organisation = positionEnd < range.To ? context.CleanTokens(positionEnd, range.To) : null;
            AdministrativeLevel level = range.Head.Level;
            for (int k = positionEnd; k < range.To; k++)
            {
                int n = _lexicon.LevelWords.Match(_text, _tokens, k, out AdministrativeLevel found);
                // "chính trị - xã hội" names a kind of organisation, not a commune.
                if (n > 0 && !(context.IsWord(k, "xã") && context.IsWord(k + 1, "hội")))
                {
                    level = found;
                    break;
                }
            }

            return new OfficialTitle(text, position, organisation, level)
            {
                Span = range.From < range.To ? context.ToOriginal(_tokens[range.From].Start, _tokens[range.To - 1].End) : null,
            };
        }
    }
}
