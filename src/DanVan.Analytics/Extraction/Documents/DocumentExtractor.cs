using DanVan.Analytics.Text.Dates;

namespace DanVan.Analytics.Extraction.Documents;

/// <summary>
/// Finds numbered document references: a document word ("Nghị quyết", "Chương trình hành động" ...) with an
/// optional "số" and a number or code, codes standing alone ("25-NQ/TW"), shared suffixes
/// ("Quyết định 217, 218-QĐ/TW"), the issue date written with the reference and the issuing body and term.
/// Short references ("Nghị quyết 25") are resolved to the full code the same article states.
/// </summary>
internal static class DocumentExtractor
{
    private const int MaxListNumbers = 12;

    public static IReadOnlyList<DocumentReference> Extract(ExtractionContext context)
    {
        string text = context.Text;
        ReadOnlySpan<WordToken> tokens = context.Tokens;
        ReadOnlySpan<WordFlags> flags = context.Flags;
        ExtractionLexicon lexicon = context.Lexicon;
        var found = new List<Pending>();
        int consumedTo = 0; // tokens before this index belong to a reference already read

        for (int i = 0; i < tokens.Length; i++)
        {
            if (i < consumedTo)
            {
                continue;
            }

            WordToken token = tokens[i];
            if (token.IsWord)
            {
                if ((flags[i] & WordFlags.DocumentKeyword) == 0)
                {
                    continue;
                }

                int n = lexicon.DocumentKeywords.Match(text, tokens, i, out DocumentKind kind);
                if (n > 0)
                {
                    int next = ReadKeywordReference(context, i, n, kind, found);
                    if (next > i)
                    {
                        consumedTo = next;
                    }
                }
            }
            else if (token.Kind == WordKind.Number && DocumentCode.TryRead(text, token.Start, lexicon, out DocumentCode code)
                && (IsHeadingNumber(context, i) || IsBareCodeAccepted(lexicon, code)))
            {
                var kind = lexicon.TypeCodes.TryGetValue(code.TypeCode, out DocumentKind k) ? k : new DocumentKind("văn bản", code.TypeCode);
                // A document's own number in its heading ("Số: 215/KH-UBND") is a reference to it (SCHEMA.md).
                int end = AddFull(context, found, IsHeadingNumber(context, i) ? tokens[i - 2].Start : code.Start, code, kind);
                consumedTo = TokenAt(tokens, end, i);
            }
        }

        return Resolve(context, found);
    }

    // Reads what follows a document word at token i (n words): numbers and codes, or nothing.
    private static int ReadKeywordReference(ExtractionContext context, int i, int n, DocumentKind kind, List<Pending> found)
    {
        string text = context.Text;
        ReadOnlySpan<WordToken> tokens = context.Tokens;
        int j = i + n;
        bool hasSo = false;
        if (context.IsWord(j, "số"))
        {
            hasSo = true;
            j++;
        }

        if (j >= tokens.Length || tokens[j].Kind != WordKind.Number)
        {
            return i;
        }

        int surfaceStart = tokens[i].Start;
        var bareNumbers = new List<int>(); // token indexes of numbers waiting for a shared suffix
        int k = j;
        while (k < tokens.Length && tokens[k].Kind == WordKind.Number && bareNumbers.Count < MaxListNumbers)
        {
            if (DocumentCode.TryRead(text, tokens[k].Start, context.Lexicon, out DocumentCode code))
            {
                DocumentKind codeKind = kind;
                foreach (int b in bareNumbers)
                {
                    string number = tokens[b].In(text).ToString();
                    string canonical = code.PartyStyle ? number + "-" + code.Suffix : number + "/" + code.Suffix;
                    int start = b == bareNumbers[0] ? surfaceStart : tokens[b].Start;
                    Add(context, found, start, tokens[b].End, codeKind, number, canonical, date: null, isShort: false, tokens[b].End);
                }

                int end = AddFull(context, found, bareNumbers.Count == 0 ? surfaceStart : tokens[k].Start, code, codeKind);
                return TokenAt(tokens, end, k);
            }

            bareNumbers.Add(k);
            int after = k + 1;
            if ((context.IsPunct(after, ',') || context.IsWord(after, "và")) && after + 1 < tokens.Length && tokens[after + 1].Kind == WordKind.Number)
            {
                k = after + 1;
                continue;
            }

            break;
        }

        // No code: a short reference "Nghị quyết 25" / "Chương trình hành động số 23".
        int first = bareNumbers.Count > 0 ? bareNumbers[0] : -1;
        if (first < 0 || !IsShortReference(context, i, first, hasSo))
        {
            return i;
        }

        string num = tokens[first].In(text).ToString();
        Add(context, found, surfaceStart, tokens[first].End, kind, num, canonical: null, date: null, isShort: true, tokens[first].End);
        return first + 1;
    }

    private static bool IsShortReference(ExtractionContext context, int keyword, int numberToken, bool hasSo)
    {
        ReadOnlySpan<char> number = context.Tokens[numberToken].In(context.Text);
        if (number.ContainsAny('.', ',') || number.Length > 5)
        {
            return false;
        }

        // "kế hoạch 5 năm", "quyết định 2 lần", "Nghị quyết 25%" are not references.
        int next = numberToken + 1;
        if (context.IsPunct(next, '%') || context.IsPunct(next, '/') || context.IsWord(next, "năm") || context.IsWord(next, "tháng")
            || context.IsWord(next, "ngày") || context.IsWord(next, "lần") || context.IsWord(next, "nội") || context.IsWord(next, "nhóm"))
        {
            return false;
        }

        return hasSo || context.Tokens[keyword].Capitalized;
    }

    // Adds a full reference for a code; returns the normalized offset the reference ends at (date, body and term included).
    private static int AddFull(ExtractionContext context, List<Pending> found, int surfaceStart, DocumentCode code, DocumentKind kind)
    {
        DateOnly? date = ReadDate(context, code.End, out int afterDate);
        int surfaceEnd = date is null ? code.End : afterDate;
        Add(context, found, surfaceStart, surfaceEnd, kind, code.Number, code.Canonical, date, isShort: false, surfaceEnd);
        return surfaceEnd;
    }

    private static void Add(ExtractionContext context, List<Pending> found, int start, int end, DocumentKind kind, string number,
        string? canonical, DateOnly? date, bool isShort, int bodySearchFrom)
    {
        var (body, term) = ReadIssuingBody(context, bodySearchFrom);
        found.Add(new Pending(start, end, kind, number, canonical, date, isShort, body, term));
    }

    // "Số: 215/KH-UBND" at the head of an administrative document.
    private static bool IsHeadingNumber(ExtractionContext context, int numberToken) =>
        context.IsPunct(numberToken - 1, ':') && context.IsWord(numberToken - 2, "số") && context.Tokens[numberToken - 2].Capitalized;

    private static bool IsBareCodeAccepted(ExtractionLexicon lexicon, DocumentCode code)
    {
        if (code.PartyStyle)
        {
            return lexicon.TypeCodes.ContainsKey(code.TypeCode);
        }

        if (code.HasYear)
        {
            return true;
        }

        if (lexicon.TypeCodes.ContainsKey(code.TypeCode))
        {
            return true;
        }

        foreach (string part in code.Suffix.Split(['-', '/']))
        {
            if (lexicon.IssuerCodes.Contains(part))
            {
                return true;
            }
        }

        return false;
    }

    // The first token index at or after normalized offset `end`.
    private static int TokenAt(ReadOnlySpan<WordToken> tokens, int end, int from)
    {
        int t = from;
        while (t < tokens.Length && tokens[t].Start < end)
        {
            t++;
        }

        return t;
    }

    /// <summary>Reads ", ngày 3/6/2013" / " ngày 03-6-2013" / " ngày 3 tháng 6 năm 2013" right after a code.</summary>
    private static DateOnly? ReadDate(ExtractionContext context, int offset, out int end)
    {
        end = offset;
        ReadOnlySpan<WordToken> tokens = context.Tokens;
        int t = StartSearch(tokens, offset);
        if (context.IsPunct(t, ','))
        {
            t++;
        }

        if (!context.IsWord(t, "ngày"))
        {
            return null;
        }

        t++;
        if (t < tokens.Length && tokens[t].Kind == WordKind.Number
            && VietnameseDateParser.TryReadDocumentDate(context.Text, tokens[t].Start, out DateOnly date, out int dateEnd))
        {
            end = dateEnd;
            return date;
        }

        return null;
    }

    private static int StartSearch(ReadOnlySpan<WordToken> tokens, int offset)
    {
        // Binary search for the first token starting at or after offset.
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].Start < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Reads "của Ban Chấp hành Trung ương Đảng (khóa XI)" after a reference: body and term.</summary>
    private static (string? Body, string? Term) ReadIssuingBody(ExtractionContext context, int offset)
    {
        ReadOnlySpan<WordToken> tokens = context.Tokens;
        int t = StartSearch(tokens, offset);
        if (context.IsPunct(t, ','))
        {
            t++;
        }

        if (!context.IsWord(t, "của") || t + 1 >= tokens.Length || !tokens[t + 1].Capitalized)
        {
            return (null, null);
        }

        int bodyStart = t + 1;
        int k = bodyStart;
        while (k < tokens.Length && k - bodyStart < 14 && (tokens[k].IsWord || context.IsPunct(k, '-')) && !IsBodyStop(context, k))
        {
            k++;
        }

        if (k == bodyStart)
        {
            return (null, null);
        }

        string body = context.CleanTokens(bodyStart, k);
        string? term = null;
        int m = context.IsPunct(k, '(') ? k + 1 : k;
        if ((context.IsWord(m, "khóa") || context.IsWord(m, "khoá")) && m + 1 < tokens.Length && tokens[m + 1].Kind is WordKind.Word or WordKind.Number)
        {
            term = tokens[m + 1].In(context.Text).ToString();
        }

        return (body, term);
    }

    private static bool IsBodyStop(ExtractionContext context, int k) =>
        !context.Tokens[k].Capitalized && (context.IsWord(k, "về") || context.IsWord(k, "khóa") || context.IsWord(k, "khoá")
            || context.IsWord(k, "ngày") || context.IsWord(k, "đã") || context.IsWord(k, "đối") || context.IsWord(k, "là")
            || context.IsWord(k, "được") || context.IsWord(k, "nhằm") || context.IsWord(k, "trong") || context.IsWord(k, "để")
            || context.IsWord(k, "và") || context.IsWord(k, "tại") || context.IsWord(k, "theo") || context.IsWord(k, "với")
            || context.IsWord(k, "ban") || context.IsWord(k, "nhiệm") || context.IsWord(k, "thì") || context.IsWord(k, "cho"));

    private static List<DocumentReference> Resolve(ExtractionContext context, List<Pending> found)
    {
        // Full ids by (family, number); a short reference takes the id when exactly one is stated.
        var full = new Dictionary<(string Family, string Number), HashSet<string>>();
        foreach (Pending p in found)
        {
            if (!p.IsShort && p.Canonical is not null)
            {
                var key = (p.Kind.Family, p.Number);
                if (!full.TryGetValue(key, out var set))
                {
                    full[key] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(p.Canonical);
            }
        }

        var result = new List<DocumentReference>(found.Count);
        foreach (Pending p in found)
        {
            string? canonical = p.Canonical;
            if (p.IsShort && full.TryGetValue((p.Kind.Family, p.Number), out var ids) && ids.Count == 1)
            {
                canonical = ids.First();
            }

            var span = context.ToOriginal(p.Start, p.End);
            result.Add(new DocumentReference(
                context.OriginalSurface(span), span, context.SentenceOf(p.Start), context.Clean(p.Start, p.End),
                p.Kind.DocumentType, p.Number, canonical, p.Date, p.IsShort, p.Body, p.Term));
        }

        return result;
    }

    private readonly record struct Pending(int Start, int End, DocumentKind Kind, string Number, string? Canonical, DateOnly? Date,
        bool IsShort, string? Body, string? Term);
}
