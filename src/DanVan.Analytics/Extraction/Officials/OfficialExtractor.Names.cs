namespace DanVan.Analytics.Extraction.Officials;

/// <summary>How the officials' parser tells where a name starts and ends, and how sure it is.</summary>
internal static partial class OfficialExtractor
{
    private sealed partial class Parser
    {
        // "anh" / "chị" before a name in a list under a title (an honorific there); 1 or 0.
        private int ListHonorificAt(int k) => _context.Has(k, WordFlags.NameIntroducer) && IsNameWord(k + 1) ? 1 : 0;

        private NameEvidence EvidenceOf(int nameStart, bool introduced)
        {
            if (SurnameAt(nameStart, out _) == 0)
            {
                return introduced ? NameEvidence.Honorific : NameEvidence.Position;
            }

            return !HasNamePattern(nameStart) || (_context.Has(nameStart, WordFlags.FamilyName) && _lexicon.FamilyNames.Match(_text, Tokens, nameStart, out _) > 0)
                ? NameEvidence.KnownFamilyName
                : NameEvidence.NamePattern;
        }

        // "Cà Thị Nhung", "Vừ A Chinh": a capitalized word, a middle-name word, and at least one more word of the name.
        private bool HasNamePattern(int s) =>
            IsNameWord(s) && _context.Has(s + 1, WordFlags.MiddleName) && _lexicon.MiddleNames.Contains(Tokens[s + 1].In(_text))
            && _context.SameLine(s) && IsNameWord(s + 2) && _context.SameLine(s + 1) && !IsOrganisationWord(s);

        private bool IsOrganisationWord(int k) => _context.Has(k, WordFlags.OrganisationWord) && _lexicon.OrganisationWords.Match(_text, Tokens, k, out _) > 0;

        // Whether the capitalized run starting at r fills the place slot of a title's unit: it follows a lower-case word of
        // the organisation ("UBND xã", "Huyện ủy") or a head that ends in a level word ("Trưởng thôn").
        private bool IsPlaceSlot(int r, int headEnd) =>
            r > 0 && Tokens[r - 1].IsWord && !Tokens[r - 1].Capitalized && _context.SameLine(r - 1)
            && (r > headEnd || _lexicon.LevelWords.Match(_text, Tokens, r - 1, out _) == 1);

        // The start of the name that the capitalized run ending at `end` closes with, or -1.
        // In an apposition the title is already someone's, so a name inside it needs a common family name or three words ("Đồn Biên phòng A Dơi" is a place).
        private int NameAtEnd(int headEnd, int end, bool strict)
        {
            int r = end;
            while (r - 1 >= headEnd && IsNameWord(r - 1) && _context.SameLine(r - 1 == headEnd ? r - 1 : r - 2))
            {
                r--;
            }

            // A name never ends in the first word of a title or an organisation that goes on ("Ủy viên Đoàn Chủ tịch": not "Đoàn Chủ").
            if (end < Tokens.Length && _context.SameLine(end - 1)
                && (_lexicon.TitleHeads.Match(_text, Tokens, end - 1, out _) > 1 || _lexicon.OrganisationWords.Match(_text, Tokens, end - 1, out _) > 1))
            {
                return -1;
            }

            bool placeSlot = IsPlaceSlot(r, headEnd);
            int best = -1;
            int bestWeight = int.MaxValue;
            for (int s = r; s < end - 1; s++)
            {
                int w = SurnameAt(s, out int surnameWords, allowUnknown: !strict);
                int words = end - s;
                if (w == 0 || !EndsLikeName(s, end) || words < surnameWords + 1 || words > Math.Max(MaxNameWords, surnameWords + 3) || !PlaceAllowsName(r, s, words, ref w)
                    || (strict && w >= 3 && words < 3))
                {
                    continue;
                }

                if (placeSlot && s == r && (w >= UnknownFamilyWeight || strict))
                {
                    // "UBND xã Ea Kao ...": the words right after the unit's level word name its place first.
                    continue;
                }

                if (placeSlot && s == r + 1 && _lexicon.Places.Match(_text, Tokens, r, out _) != 1)
                {
                    // A place of one syllable the tables do not know is rare. Before a name of two words the three are more
                    // likely one name of a family the tables do not know ("Thành ủy Đào Đức Toàn" is not the place "Đào" and
                    // "Đức Toàn"): no name then, rather than half of one. Before a longer name ("Thành ủy Vinh Nguyễn Văn Hải") it may stand.
                    if (words < 3)
                    {
                        continue;
                    }

                    w += OneWordPlacePenalty;
                }

                if (strict && w >= UnknownFamilyWeight)
                {
                    continue; // in an apposition the title is already someone's: a name inside it needs good evidence
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
            if (!IsNameWord(k) || (k > 0 && IsNameWord(k - 1) && _context.SameLine(k - 1)
                && !_context.Has(k - 1, WordFlags.NameIntroducer)))
            {
                return 0;
            }

            int w = SurnameAt(k, out int surnameWords);
            int n = RunLength(k, MaxIntroducedNameWords + 1);
            if (w == 0 || !PlaceAllowsName(k, k, n, ref w))
            {
                return 0;
            }

            return n >= surnameWords + 1 && n <= Math.Max(MaxNameWords, surnameWords + 3) && !IsTitleStart(k, true) && EndsLikeName(k, k + n) ? n : 0;
        }

        // A name after an honorific: a capitalized run of 1-5 words, that is not a title or an organisation.
        private int BareNameLength(int k, bool allowOneWord)
        {
            if (!IsNameWord(k) || IsTitleStart(k, true))
            {
                return 0;
            }

            int n = RunLength(k, MaxIntroducedNameWords + 1);
            if (n > MaxIntroducedNameWords || (n == 1 && !allowOneWord) || !EndsLikeName(k, k + n))
            {
                return 0;
            }

            // A place ("ông Hà Nội ...") is not a name, unless a known family name starts a longer run ("bà Lâm Hà Thị ...").
            int place = _context.Has(k, WordFlags.Place) ? _lexicon.Places.Match(_text, Tokens, k, out _) : 0;
            bool known = SurnameAt(k, out _) > 0;
            if (place > 0 && (place >= n || !known))
            {
                return 0;
            }

            if (known)
            {
                return n;
            }

            // Without a known family name ("bà Thị Sa Rết", "ngài Khamla Phommavong") the name may not open an organisation
            // ("Ban Thường vụ"), nor hold a lower-case title word written capitalized, middle names aside.
            if (IsOrganisationWord(k))
            {
                return 0;
            }

            return _context.Has(k, WordFlags.TitleWord) && !_context.Has(k, WordFlags.MiddleName) ? 0 : n;
        }

        // Whether the capitalized words [s, end) can be a whole person's name by the way they end. A Vietnamese name ends in a
        // given name, never in a middle-name word ("Chánh Văn" of "Chánh Văn phòng"); a number right after the words makes
        // them a unit or a place ("tổ dân phố Lại Thế 1", "thôn Đồng Tâm 2"); and two words that open a title in the tables
        // and run on in lower case are that title cut short ("Phó Giám đốc", "Phó Chỉ huy trưởng").
        private bool EndsLikeName(int s, int end)
        {
            if (end - 1 <= s || !Tokens[end - 1].IsWord)
            {
                return end - 1 == s;
            }

            if (_context.Has(end - 1, WordFlags.MiddleName) && _lexicon.MiddleOnlyNames.Contains(Tokens[end - 1].In(_text)))
            {
                return false;
            }

            if (end < Tokens.Length && _context.SameLine(end - 1))
            {
                WordToken next = Tokens[end];
                if (next.Kind == WordKind.Number && Tokens[end - 1].End < next.Start)
                {
                    return false;
                }

                if (end - s == 2 && _context.Has(s, WordFlags.TitleHead) && next.IsWord && !next.Capitalized)
                {
                    return false;
                }
            }

            return true;
        }

        private int RunLength(int k, int max)
        {
            int n = 0;
            while (n < max && IsNameWord(k + n) && (n == 0 || _context.SameLine(k + n - 1)))
            {
                n++;
            }

            return n;
        }

        // The weight of the family name at token s (1 common .. 3 rare; 1 when a name pattern marks it), 0 when none.
        // With allowUnknown, any capitalized word that is not an organisation's or a title's start may be a family name
        // the lexicon does not know (UnknownFamilyWeight): the table is a preference, not a gate.
        private int SurnameAt(int s, out int words, bool allowUnknown = false)
        {
            int weight = 0;
            words = _context.Has(s, WordFlags.FamilyName) ? _lexicon.FamilyNames.Match(_text, Tokens, s, out weight) : 0;
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

                return words == 1 && HasNamePattern(s) ? PatternWeight : weight;
            }

            if (HasNamePattern(s))
            {
                words = 1;
                return PatternWeight;
            }

            if (allowUnknown && IsNameWord(s) && !IsOrganisationWord(s) && !IsTitleStart(s, true) && HonorificAt(s) == 0)
            {
                words = 1;
                return UnknownFamilyWeight;
            }

            ReadOnlySpan<char> word = (uint)s < (uint)Tokens.Length ? Tokens[s].In(_text) : default;
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
                int n = _context.Has(p, WordFlags.Place) ? _lexicon.Places.Match(_text, Tokens, p, out _) : 0;
                if (n == 0 || p + n <= s || !IsNameWord(p))
                {
                    continue;
                }

                // Inside a place, the place alone, or a place followed by a whole name of unknown shape ("Hàn Quốc Jeong Byung");
                // a person whose name also names a place ("Chủ tịch Hồ Chí Minh") is the excluded-names table's business.
                if (p < s || n >= words || words - n >= 2)
                {
                    return p == s && n == words && _lexicon.ExcludedNames.Contains(_context.CleanTokens(s, s + words));
                }

                weight += 10;
            }

            return true;
        }
    }
}
