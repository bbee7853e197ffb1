namespace DanVan.Analytics.Extraction.Officials;

/// <summary>
/// Finds officials: a name introduced by an honorific ("đồng chí", "ông", "bà"), led by titles
/// ("Phó Bí thư Thành ủy Đào Đức Toàn") or followed by titles in apposition ("Đặng Vân - Trưởng ban ...").
/// Where a title's capitalized words run into the name, the name is the tail of the run: it starts at a family
/// name from the lexicon, at a word that a name pattern marks ("Cà Thị Nhung"), or, for family names the
/// lexicon does not know, after the place the title's unit is in; never inside a place name or an organisation.
/// A place in parentheses may stand between the title and the name. A title before a list of names ("gồm:",
/// "là:") belongs to each. Mentions of one person merge.
/// </summary>
internal static partial class OfficialExtractor
{
    private const int MaxTitleWords = 24;
    private const int MaxNameWords = 4;
    private const int MaxIntroducedNameWords = 5;
    private const int MaxListItems = 40;
    private const int MaxParenthesisTokens = 12;

    // Weights of a name's start (lower is more certain): 1-3 family names from the lexicon, then an unknown family name.
    private const int PatternWeight = 1;
    private const int UnknownFamilyWeight = 5;
    private const int OneWordPlacePenalty = 3;

    public static IReadOnlyList<Official> Extract(ExtractionContext context)
    {
        var parser = new Parser(context);
        ReadOnlySpan<WordToken> tokens = context.Tokens;
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
            // A one-word name with a name prefix ("K'Brơi") is a full name.
            bool oneWord = !name.Contains(' ', StringComparison.Ordinal) && !(name.Length > 2 && WordScanner.IsApostrophe(name[1]));
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
                mentions.Add(new OfficialMention(context.OriginalSurface(span), span, context.SentenceOf(m.Start), context.Clean(m.Start, m.End), m.Titles)
                {
                    Evidence = m.Evidence,
                });
            }

            // The person's name is the full one the shorter mentions joined ("Võ Thị Huệ", not an earlier "bà Huệ").
            officials.Add(new Official(name, titles, mentions));
        }

        return officials;
    }

    private readonly record struct RawMention(string Name, int Start, int End, IReadOnlyList<OfficialTitle> Titles, NameEvidence Evidence);

    private readonly record struct TitleRange(int From, int HeadEnd, int To, TitleHead Head);

    private sealed partial class Parser(ExtractionContext context)
    {
        private readonly ExtractionContext _context = context;
        private readonly string _text = context.Text;
        private readonly ExtractionLexicon _lexicon = context.Lexicon;

        // The context's pooled words, valid while the context is.
        private ReadOnlySpan<WordToken> Tokens => _context.Tokens;

        public List<RawMention> Mentions { get; } = [];

        /// <summary>Parses whatever mention starts at token <paramref name="i"/>; returns the token to go on from.</summary>
        public int ParseAt(int i)
        {
            int h = HonorificAt(i);
            if (h > 0)
            {
                int j = i + h;
                if (_context.IsPunct(j, ':'))
                {
                    j++;
                }

                return ParseList(j, introduced: true, i);
            }

            // A title after "làm", "giữ chức", "bầu" is a role given by a verb, and one after "Lăng", "Tượng đài" is part of
            // the name of a place or a work ("Lăng Chủ tịch Hồ Chí Minh"): skip it.
            bool titleStart = IsTitleStart(i, afterSeparator: true);
            if (titleStart && (_context.Has(i - 1, WordFlags.RoleVerb) || IsAfterInstitutionNoun(i)))
            {
                return SkipTitle(i);
            }

            if (titleStart || StrictNameLength(i) > 0)
            {
                return ParseList(i, introduced: false, i);
            }

            return i + 1;
        }

        // A list of items: "T1 N1; T2 N2", "N1 - T1, N2", "T: N1, N2 và N3". Returns the token after the list.
        private int ParseList(int j, bool introduced, int from)
        {
            IReadOnlyList<OfficialTitle>? shared = null;
            bool sharedList = false; // a list under a title ("gồm:"): "anh"/"chị" before each name are honorifics
            int end = j;
            for (int item = 0; item < MaxListItems; item++)
            {
                int next = ParseItem(end, introduced, item == 0 && introduced, shared, out IReadOnlyList<OfficialTitle>? before, out bool mentioned, out bool honorific, out bool listed);
                if (next <= end)
                {
                    if (item == 0 && introduced && SkipUnreadFirstName(end) is int resume and > 0)
                    {
                        end = resume;
                        continue;
                    }

                    break;
                }

                end = next;
                if (!mentioned)
                {
                    // A title with no name ("... giữ chức Bí thư Huyện ủy;") ends the list.
                    break;
                }

                introduced |= honorific;
                sharedList |= listed;
                shared = before is { Count: > 0 } ? before : null;
                // Separators between items; ";" ends a shared title.
                if (_context.IsPunct(end, ',') || _context.IsWord(end, "và") || _context.IsWord(end, "cùng"))
                {
                    if (!_context.SameLine(end - 1) || !IsItemStart(end + 1, introduced, sharedList && shared is not null))
                    {
                        break;
                    }

                    end++;
                }
                else if (_context.IsPunct(end, ';'))
                {
                    shared = null;
                    if (!IsItemStart(end + 1, introduced, false))
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

        // "các đồng chí: Đoàn Minh Quang, Trương Công Lý": after an honorific and a colon every item is a name, so a first one
        // the rules cannot read (its family also opens an organisation's name and is not in the tables) does not end the list.
        // The token after its separator when the next item is a name, else -1.
        private int SkipUnreadFirstName(int j)
        {
            int run = _context.IsPunct(j - 1, ':') ? RunLength(j, MaxIntroducedNameWords + 1) : 0;
            int sep = j + run;
            return run is >= 2 and <= MaxNameWords && (_context.IsPunct(sep, ',') || _context.IsWord(sep, "và")) && _context.SameLine(sep - 1)
                && StrictNameLength(sep + 1) > 0 ? sep + 1 : -1;
        }

        private bool IsItemStart(int k, bool bareAllowed, bool inTitledList) =>
            IsTitleStart(k, afterSeparator: true) || StrictNameLength(k) > 0 || (bareAllowed && BareNameLength(k, false) > 0)
            || HonorificAt(k) > 0 || (inTitledList && ListHonorificAt(k) > 0);

        // One item: [titles] name [apposition]. Returns the token after it (or `j` when nothing was read).
        private int ParseItem(int j, bool bareAllowed, bool firstIntroduced, IReadOnlyList<OfficialTitle>? shared, out IReadOnlyList<OfficialTitle>? titlesBefore,
            out bool mentioned, out bool honorific, out bool listed)
        {
            titlesBefore = null;
            mentioned = false;
            listed = false;
            int h = HonorificAt(j);
            if (h == 0 && shared is not null)
            {
                // "Các Phó Chủ tịch gồm: chị A, chị B": in a list under a title "chị" is an honorific.
                h = ListHonorificAt(j);
            }
            honorific = h > 0;
            if (h > 0)
            {
                j += h;
                if (_context.IsPunct(j, ':'))
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
                // "Bí thư Tỉnh ủy, đồng chí Nguyễn Văn A" / "Phó Chủ tịch UBND tỉnh: Nguyễn Văn A, Trần Văn B" /
                // "Các Phó Chủ tịch Hội gồm: chị A, chị B" / "Các Phó Bí thư là: đồng chí C và đồng chí D".
                int m = k;
                int intro = _context.Has(k, WordFlags.ListIntroducer) ? _lexicon.ListIntroducers.Match(_text, Tokens, k, out _) : 0;
                bool list = intro > 0 && (_context.IsPunct(k + intro, ':') || HonorificAt(k + intro) > 0);
                if (list)
                {
                    m = k + intro;
                }

                bool colon = list || _context.IsPunct(m, ':');
                if (_context.IsPunct(m, ',') || _context.IsPunct(m, ':'))
                {
                    m++;
                }

                int hh = HonorificAt(m);
                if (hh == 0 && list)
                {
                    hh = ListHonorificAt(m);
                }

                listed = list;
                if (hh > 0 || colon)
                {
                    int n = BareNameLength(m + hh, true);
                    int afterName = m + hh + n;
                    // "Bí thư Tỉnh ủy, đồng chí A" — unless A has an apposition of their own (then the title was someone else's).
                    bool ownApposition = (_context.IsPunct(afterName, ',') || _context.IsDash(afterName)) && IsTitleStart(afterName + 1, true);
                    if (n > 0 && (colon || !ownApposition))
                    {
                        nameStart = m + hh;
                        nameEnd = nameStart + n;
                    }
                }
                else if (titles[^1].Head.IsRank)
                {
                    // A rank takes no organisation after it, only a person: the capitalized words after it are a name even
                    // when the tables do not know its family ("Thiếu tá Rơ Mah Tuân"), unless they are a place or a body.
                    int n = StrictNameLength(k);
                    if (n == 0)
                    {
                        n = BareNameLength(k, false);
                    }

                    if (n > 0)
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

            // "Jeong Byung-won", "Khăm-phăn": a syllable joined by a hyphen without spaces belongs to the name.
            // A title after the hyphen is an apposition written tight ("Hà Phẩm Chất-Phó Bí thư Chi bộ").
            while (_context.IsDash(nameEnd) && nameEnd + 1 < Tokens.Length && Tokens[nameEnd + 1].IsWord
                && Tokens[nameEnd - 1].End == Tokens[nameEnd].Start && Tokens[nameEnd].End == Tokens[nameEnd + 1].Start
                && !IsTitleStart(nameEnd + 1, afterSeparator: true))
            {
                nameEnd += 2;
            }

            // Apposition after the name.
            var after = new List<TitleRange>();
            int end = nameEnd;
            int sep = nameEnd;
            bool paren = _context.IsPunct(sep, '(');
            if ((_context.IsPunct(sep, ',') || _context.IsDash(sep) || paren) && _context.SameLine(sep - 1) && IsTitleStart(sep + 1, afterSeparator: true))
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
                    if (paren && _context.IsPunct(end, ')'))
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

            string name = _context.CleanTokens(nameStart, nameEnd);
            var all = new List<OfficialTitle>();
            if (titles.Count == 0 && after.Count == 0 && shared is not null)
            {
                // A shared title goes to the names that have none of their own ("T: A, B"), not to "... và ông C, Chủ tịch ...".
                all.AddRange(shared);
            }

            all.AddRange(titles.Select(Describe));
            all.AddRange(after.Select(Describe));

            // A name of a fixed expression ("tư tưởng Hồ Chí Minh", "Đoàn Thanh niên Cộng sản Hồ Chí Minh") is a person only
            // with a bare title of its own ("Chủ tịch Hồ Chí Minh").
            if (_lexicon.ExcludedNames.Contains(name) && !(titles.Count > 0 && all.TrueForAll(t => t.Organisation is null)))
            {
                return end;
            }

            titlesBefore = titles.Count > 0 ? titles.Select(Describe).ToList() : (after.Count == 0 ? shared : null);
            Mentions.Add(new RawMention(name, Tokens[nameStart].Start, Tokens[nameEnd - 1].End, all, EvidenceOf(nameStart, honorific || firstIntroduced)));
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
                int h = _lexicon.TitleHeads.Match(_text, Tokens, k + pre, out TitleHead head);
                int headEnd = k + pre + h;
                int m = headEnd;
                int s = -1;
                if (!head.IsRank)
                {
                    m = ContinueTitle(headEnd, headEnd, inApposition, out s);

                    // "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch Nguyễn Văn Hùng": a comma inside the organisation's
                    // name, taken only when the words after it run on to the person's name.
                    int comma = m;
                    while (s < 0 && !inApposition && _context.IsPunct(comma, ',') && _context.SameLine(comma - 1) && comma + 1 < Tokens.Length
                        && Tokens[comma + 1].Capitalized && !IsTitleStart(comma + 1, true) && HonorificAt(comma + 1) == 0 && StrictNameLength(comma + 1) == 0)
                    {
                        int end = ContinueTitle(headEnd, comma + 1, inApposition, out int name);
                        if (name < 0)
                        {
                            break;
                        }

                        m = end;
                        s = name;
                    }

                    while (s < 0 && m > headEnd && (_context.IsWord(m - 1, "và") || _context.IsWord(m - 1, "của") || _context.IsDash(m - 1)
                        || (!Tokens[m - 1].Capitalized && (_context.IsWord(m - 1, "thường") || _context.IsWord(m - 1, "phó")))))
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
                if ((_context.IsPunct(k, ',') || _context.IsWord(k, "kiêm")) && _context.SameLine(k - 1) && IsTitleStart(k + 1, afterSeparator: true))
                {
                    k++;
                    continue;
                }

                break;
            }

            return k;
        }

        private bool IsBusinessTitle(TitleRange range) =>
            range.HeadEnd < range.To && _lexicon.BusinessOrganisations.Match(_text, Tokens, range.HeadEnd, out _) > 0;

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
            while (m < Tokens.Length && m - headEnd < MaxTitleWords)
            {
                // "Phó Chủ tịch UBND huyện Giồng Riềng (Kiên Giang) Lê Thanh Phong", "Trợ lý Tuyên huấn (Phòng Chính trị, BĐBP tỉnh)";
                // a name before the parenthesis ("... Trung Quốc Tôn Vệ Đông (Sun Weidong)") was taken below.
                int close = m > headEnd ? ParenthesisEnd(m) : -1;
                if (close > 0)
                {
                    m = close + 1;
                    continue;
                }

                if (!Continues(m))
                {
                    break;
                }

                m++;
                if (IsNameWord(m - 1) && !(IsNameWord(m) && _context.SameLine(m - 1)) && !IsPlaceBeforeName(m))
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
            if (!_context.Has(k, WordFlags.TitleHead | WordFlags.TitlePrefix))
            {
                return false;
            }

            int pre = TitlePrefixAt(k);
            if (_lexicon.TitleHeads.Match(_text, Tokens, k + pre, out TitleHead head) == 0)
            {
                return false;
            }

            // Capitalized heads always; lower-case ones for village roles ("trưởng thôn", "già làng") and where a title is
            // expected (after a name and a comma, in a list of titles), as some papers write titles in lower case.
            return Tokens[k + pre].Capitalized || head.Level == AdministrativeLevel.Village || afterSeparator;
        }

        // "nguyên" / "cố" / "Quyền" before a title head: 1 when one stands at k, else 0.
        private int TitlePrefixAt(int k) =>
            _context.Has(k, WordFlags.TitlePrefix) && _context.Has(k + 1, WordFlags.TitleHead) && _lexicon.TitlePrefixes.Match(_text, Tokens, k, out _) == 1 && k + 1 < Tokens.Length && Tokens[k + 1].IsWord
            && _lexicon.TitleHeads.Match(_text, Tokens, k + 1, out _) > 0 ? 1 : 0;

        private bool Continues(int m)
        {
            WordToken t = Tokens[m];
            if (!_context.SameLine(m - 1) || HonorificAt(m) > 0)
            {
                return false;
            }

            if (t.Kind == WordKind.Number)
            {
                return Tokens[m - 1].IsWord && !t.In(_text).ContainsAny('.', ',') && !_context.IsPunct(m + 1, '/') && !_context.IsWord(m + 1, "năm");
            }

            if (t.Kind == WordKind.Punctuation && _text[t.Start] == '.')
            {
                // "Ủy ban T.Ư MTTQ", "UB.MTTQVN": a dot inside an abbreviation.
                return Tokens[m - 1].Capitalized && Tokens[m - 1].End == t.Start && m + 1 < Tokens.Length
                    && Tokens[m + 1].Capitalized && Tokens[m + 1].Start == t.End;
            }

            if (t.Kind == WordKind.Punctuation)
            {
                // "Bà Rịa - Vũng Tàu", "Tuyên giáo - Dân vận": a dash between capitalized words that is not an apposition.
                return _context.IsDash(m) && Tokens[m - 1].IsWord && m + 1 < Tokens.Length && Tokens[m + 1].Capitalized
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
                return m + 1 < Tokens.Length && Tokens[m + 1].Capitalized && !IsTitleStart(m + 1, true)
                    && HonorificAt(m + 1) == 0 && StrictNameLength(m + 1) == 0;
            }

            if (word.Equals("của", StringComparison.OrdinalIgnoreCase))
            {
                return m + 1 < Tokens.Length && Tokens[m + 1].Capitalized && StrictNameLength(m + 1) == 0;
            }

            if (_context.Has(m, WordFlags.TitleWord))
            {
                return true;
            }

            return _context.Has(m, WordFlags.BoundTitleWord) && _lexicon.BoundTitleWords.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var after)
                && Tokens[m - 1].IsWord && after.GetAlternateLookup<ReadOnlySpan<char>>().Contains(Tokens[m - 1].In(_text));
        }

        private int HonorificAt(int k) => _context.Has(k, WordFlags.Honorific) ? _lexicon.Honorifics.Match(_text, Tokens, k, out _) : 0;

        private bool IsAfterInstitutionNoun(int k) =>
            k > 0 && Tokens[k - 1].IsWord && (_context.Has(k - 1, WordFlags.InstitutionNoun) || _context.Has(k - 2, WordFlags.InstitutionNoun) || _context.Has(k - 3, WordFlags.InstitutionNoun))
            && _lexicon.InstitutionNouns.MatchEndingAt(_text, Tokens, k, 3, out _) > 0;

        // A parenthesis at k that names a place and runs on to a name: "(Kiên Giang) Lê Thanh Phong".
        private bool IsPlaceBeforeName(int k)
        {
            int close = ParenthesisEnd(k);
            return close > 0 && _context.SameLine(close) && IsNameWord(close + 1);
        }

        // The ")" closing a parenthesis of capitalized words that opens at k ("(Kiên Giang)", "(Phòng Chính trị, BĐBP tỉnh)"), or -1.
        private int ParenthesisEnd(int k)
        {
            if (!_context.IsPunct(k, '(') || !_context.SameLine(k) || k + 1 >= Tokens.Length || !Tokens[k + 1].Capitalized
                || IsTitleStart(k + 1, true) || HonorificAt(k + 1) > 0)
            {
                return -1;
            }

            for (int q = k + 1; q < Tokens.Length && q <= k + MaxParenthesisTokens && _context.SameLine(q - 1); q++)
            {
                if (_context.IsPunct(q, ')'))
                {
                    return q > k + 1 ? q : -1;
                }

                if (Tokens[q].Kind == WordKind.Number || HonorificAt(q) > 0
                    || (Tokens[q].Kind == WordKind.Punctuation && !_context.IsPunct(q, ',') && !_context.IsDash(q)))
                {
                    return -1;
                }
            }

            return -1;
        }

        private bool IsNameWord(int k) =>
            (uint)k < (uint)Tokens.Length && Tokens[k].IsWord && Tokens[k].Capitalized && !Tokens[k].AllUpper;

        private OfficialTitle Describe(TitleRange range)
        {
            int positionEnd = range.HeadEnd;
            if (_context.IsWord(positionEnd, "thường") && _context.IsWord(positionEnd + 1, "trực") && positionEnd + 2 <= range.To)
            {
                positionEnd += 2;
            }

            string text = _context.CleanTokens(range.From, range.To);
            string position = _context.CleanTokens(range.From, Math.Min(positionEnd, range.To));
            string? organisation = positionEnd < range.To ? _context.CleanTokens(positionEnd, range.To) : null;
            AdministrativeLevel level = range.Head.Level;
            for (int k = positionEnd; k < range.To; k++)
            {
                int n = _lexicon.LevelWords.Match(_text, Tokens, k, out AdministrativeLevel found);
                // "chính trị - xã hội" names a kind of organisation, not a commune.
                if (n > 0 && !(_context.IsWord(k, "xã") && _context.IsWord(k + 1, "hội")))
                {
                    level = found;
                    break;
                }
            }

            return new OfficialTitle(text, position, organisation, level)
            {
                Span = range.From < range.To ? _context.ToOriginal(Tokens[range.From].Start, Tokens[range.To - 1].End) : null,
            };
        }
    }
}
