using System.Globalization;
using DanVan.Analytics.Search.Analysis;
using DanVan.Analytics.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace DanVan.Analytics.Search.Querying;

/// <summary>
/// Reads the search syntax in one left-to-right pass and builds a Lucene query: free text, "phrases",
/// <c>-exclude</c>, <c>doc:25-NQ/TW</c>, <c>official:"Nguyễn Doãn Toản"</c>, <c>site:</c>,
/// <c>from:</c>/<c>to:</c> (YYYY, YYYY-MM or YYYY-MM-DD), and over an index built with a classifier
/// <c>relevant:yes|no</c> and <c>topic:dan_van_kheo</c>. Terms must all match (AND) in their folded form, so
/// "dan van" finds "dân vận"; matches of the accented form and in the title score higher, so "dân vận" ranks
/// "dân vận" above "dần vẫn". The accent boosts, and the title boosts of single words, are not in
/// <see cref="ParsedQuery.Query"/>: the searcher applies them as a bounded score factor to the hits that can still
/// reach the top. The index keeps accents as a signature of the accented words of each article, so a phrase
/// counts as accented when the article has all its accented words, wherever they stand.
/// </summary>
/// <remarks>Errors are <see cref="QuerySyntaxException"/>s with the offset of the problem; nothing else is thrown for any input.</remarks>
public sealed class ArticleQueryParser
{
    /// <summary>The most text terms a query may use; more are left out with a notice (Lucene limits clauses).</summary>
    public const int MaxTerms = 64;

    /// <summary>
    /// The most filters (doc:, official:, site:, each possibly excluded) a query may use: a filter cannot be left out
    /// without changing what matches, so more is an error. With <see cref="MaxTerms"/> it keeps every query well under
    /// Lucene's limit of 1,024 clauses.
    /// </summary>
    public const int MaxFilters = 256;

    private const float TitleBoost = 1.5f;

    // The same preferences for single words, as parts of a score factor (see ScoreBoosts).
    private const float AccentWeight = 1f;
    private const float TitleWeight = 0.5f;

    private readonly VietnameseAnalyzer _accented;
    private readonly VietnameseAnalyzer _folded;

    /// <summary>Creates a parser with its own analyzers.</summary>
    public ArticleQueryParser()
        : this(new VietnameseAnalyzer(DiacriticForms.Accented), new VietnameseAnalyzer(DiacriticForms.Folded))
    {
    }

    internal ArticleQueryParser(VietnameseAnalyzer accented, VietnameseAnalyzer folded)
    {
        _accented = accented;
        _folded = folded;
    }

    /// <summary>Parses <paramref name="query"/>.</summary>
    /// <exception cref="QuerySyntaxException">The query is malformed (unterminated quote, empty or bad filter value, bad date).</exception>
    public ParsedQuery Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var state = new State();
        int i = 0;
        while (i < query.Length)
        {
            if (char.IsWhiteSpace(query[i]))
            {
                i++;
                continue;
            }

            int clauseStart = i;
            bool exclude = false;
            if (query[i] == '-')
            {
                if (i + 1 >= query.Length || char.IsWhiteSpace(query[i + 1]))
                {
                    i++; // a lone dash ("Hà Nội - Huế") is punctuation, not an operator
                    continue;
                }

                exclude = true;
                i++;
            }

            if (query[i] == '"')
            {
                string phrase = ReadQuoted(query, ref i);
                AddPhrase(state, phrase, exclude, clauseStart);
                continue;
            }

            int fieldEnd = i;
            while (fieldEnd < query.Length && char.IsAsciiLetter(query[fieldEnd]))
            {
                fieldEnd++;
            }

            string? field = fieldEnd < query.Length && query[fieldEnd] == ':' ? KnownField(query.AsSpan(i, fieldEnd - i)) : null;
            if (field is not null)
            {
                i = fieldEnd + 1;
                int valueStart = i;
                string value = i < query.Length && query[i] == '"' ? ReadQuoted(query, ref i) : ReadWord(query, ref i);
                if (string.IsNullOrWhiteSpace(value))
                {
                    throw new QuerySyntaxException($"'{field}:' needs a value, for example {Example(field)}.", valueStart);
                }

                if (field is not ("from" or "to") && ++state.Filters > MaxFilters)
                {
                    throw new QuerySyntaxException($"The query has more than {MaxFilters} filters; split it into several searches.", clauseStart);
                }

                AddFilter(state, field, value.Trim(), exclude, clauseStart, valueStart);
                continue;
            }

            string word = ReadWord(query, ref i);
            AddWord(state, word, exclude);
        }

        return state.Build();
    }

    private static string? KnownField(ReadOnlySpan<char> name) =>
        name.Equals("doc", StringComparison.OrdinalIgnoreCase) ? "doc"
        : name.Equals("official", StringComparison.OrdinalIgnoreCase) ? "official"
        : name.Equals("site", StringComparison.OrdinalIgnoreCase) ? "site"
        : name.Equals("from", StringComparison.OrdinalIgnoreCase) ? "from"
        : name.Equals("to", StringComparison.OrdinalIgnoreCase) ? "to"
        : name.Equals("relevant", StringComparison.OrdinalIgnoreCase) ? "relevant"
        : name.Equals("topic", StringComparison.OrdinalIgnoreCase) ? "topic"
        : null;

    private static string Example(string field) => field switch
    {
        "doc" => "doc:25-NQ/TW",
        "official" => "official:\"Nguyễn Doãn Toản\"",
        "site" => "site:baomoi.com",
        "from" => "from:2021-03",
        "relevant" => "relevant:yes",
        "topic" => "topic:dan_van_kheo",
        _ => "to:2024-12-31",
    };

    private static string ReadQuoted(string query, ref int i)
    {
        int open = i;
        int close = query.IndexOf('"', open + 1);
        if (close < 0)
        {
            throw new QuerySyntaxException("This quotation mark is never closed; add the closing \".", open);
        }

        i = close + 1;
        return query.Substring(open + 1, close - open - 1);
    }

    private static string ReadWord(string query, ref int i)
    {
        int start = i;
        while (i < query.Length && !char.IsWhiteSpace(query[i]))
        {
            i++;
        }

        return query[start..i];
    }

    private void AddWord(State state, string word, bool exclude)
    {
        List<AnalyzedTerm> accented = AnalyzedTerm.Analyze(_accented, ArticleFields.Body, word);
        List<AnalyzedTerm> folded = AnalyzedTerm.Analyze(_folded, ArticleFields.Body, word);
        int count = Math.Min(accented.Count, folded.Count);
        if (exclude)
        {
            // "-An0" or "-COVID-19" excludes the articles with that word, whose terms stand together ("an" "0"), not
            // every article with any one of its terms.
            if (count > 0 && state.TakeTerms(count))
            {
                AddMatch(state, accented, folded, 0, count, exclude);
            }

            return;
        }

        for (int k = 0; k < accented.Count && k < folded.Count; k++)
        {
            if (!state.TakeTerms(1))
            {
                return;
            }

            AddMatch(state, accented, folded, k, 1, exclude);
        }
    }

    private void AddPhrase(State state, string phrase, bool exclude, int position)
    {
        List<AnalyzedTerm> accented = AnalyzedTerm.Analyze(_accented, ArticleFields.Body, phrase);
        List<AnalyzedTerm> folded = AnalyzedTerm.Analyze(_folded, ArticleFields.Body, phrase);
        if (accented.Count == 0)
        {
            throw new QuerySyntaxException("This phrase has no words to search for.", position);
        }

        int count = Math.Min(accented.Count, folded.Count);
        if (state.TakeTerms(count))
        {
            AddMatch(state, accented, folded, 0, count, exclude);
        }
    }

    /// <summary>
    /// Adds the term (count 1) or phrase made of terms start..start+count: the folded form required, the title and
    /// the accented form as boosts.
    /// </summary>
    private static void AddMatch(State state, List<AnalyzedTerm> accented, List<AnalyzedTerm> folded, int start, int count, bool exclude)
    {
        // The accented words that folding changes: the others match exactly whenever the folded form does.
        var accentedWords = new List<string>();
        for (int k = start; k < start + count; k++)
        {
            if (accented[k].Term != folded[k].Term)
            {
                accentedWords.Add(accented[k].Term);
            }
        }

        // A single word is one required clause; its accent and title matches are scored by the collector,
        // lazily, only for hits that can still reach the top (ScoreBoost): optional clauses over common
        // words cost more than the whole conjunction. A phrase keeps its title match as an optional clause
        // (a phrase in the title is rare and worth its positions) and its accents as a boost.
        state.AddText(
            Match(ArticleFields.Body, folded, start, count),
            exclude,
            count == 1 ? null : Boosted(Match(ArticleFields.Title, folded, start, count), TitleBoost));
        if (exclude)
        {
            return;
        }

        if (count == 1)
        {
            state.Boosts.Add(new ScoreBoost(TitleWeight) { Term = new Term(ArticleFields.Title, folded[start].Term) });
        }

        if (accentedWords.Count > 0)
        {
            state.Boosts.Add(new ScoreBoost(AccentWeight) { AccentKeys = AccentKeys(AccentScope.Body, accentedWords) });
            state.Boosts.Add(new ScoreBoost(TitleWeight) { AccentKeys = AccentKeys(AccentScope.Title, accentedWords) });
        }

        if (count == 1 || accentedWords.Count > 0)
        {
            state.BoostedWords++;
        }

        for (int k = start; k < start + count; k++)
        {
            state.Accented.Add(accented[k].Term);
            state.Folded.Add(folded[k].Term);
        }
    }

    private static uint[] AccentKeys(AccentScope scope, List<string> words) =>
        words.Select(word => AccentSignature.WordKey(scope, word)).ToArray();

    private static Query Match(string field, List<AnalyzedTerm> terms, int start, int count)
    {
        if (count == 1)
        {
            return new TermQuery(new Term(field, terms[start].Term));
        }

        var phrase = new PhraseQuery();
        for (int k = start; k < start + count; k++)
        {
            phrase.Add(new Term(field, terms[k].Term));
        }

        return phrase;
    }

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }

    private static void AddFilter(State state, string field, string value, bool exclude, int clauseStart, int valueStart)
    {
        switch (field)
        {
            case "doc":
            {
                string code = SearchKeys.DocumentCode(value);
                Query query = new TermQuery(new Term(ArticleFields.DocumentCode, code));
                if (SearchKeys.IsWithoutDiacritics(code))
                {
                    // "04/2015/ND-CP" typed without Đ still finds "04/2015/NĐ-CP".
                    query = new BooleanQuery
                    {
                        { query, Occur.SHOULD },
                        { new TermQuery(new Term(ArticleFields.DocumentCodeFolded, SearchKeys.DocumentCodeFolded(code))), Occur.SHOULD },
                    };
                }

                state.AddFilter(query, exclude);
                break;
            }

            case "official":
            {
                Query query = SearchKeys.IsWithoutDiacritics(value)
                    ? new TermQuery(new Term(ArticleFields.OfficialFolded, SearchKeys.OfficialFolded(value)))
                    : new TermQuery(new Term(ArticleFields.Official, SearchKeys.Official(value)));
                state.AddFilter(query, exclude);
                break;
            }

            case "site":
                state.AddFilter(new TermQuery(new Term(ArticleFields.Site, SearchKeys.Site(value))), exclude);
                break;

            case "relevant":
            {
                bool relevant = ParseYesNo(value, valueStart);
                state.AddFilter(new TermQuery(new Term(ArticleFields.Relevant, SearchKeys.Relevant(relevant))), exclude);
                break;
            }

            case "topic":
            {
                string topic = SearchKeys.Topic(value);
                if (topic.Length == 0)
                {
                    throw new QuerySyntaxException($"'{value}' is not a topic; write it as the classifier names it, for example {Example(field)}.", valueStart);
                }

                state.AddFilter(new TermQuery(new Term(ArticleFields.Topic, topic)), exclude);
                break;
            }

            default:
            {
                if (exclude)
                {
                    throw new QuerySyntaxException($"'{field}:' cannot be excluded; use {(field == "from" ? "to:" : "from:")} instead.", clauseStart);
                }

                (int first, int last) = ParseDateRange(value, valueStart);
                if (field == "from")
                {
                    state.From = Math.Max(state.From ?? int.MinValue, first);
                }
                else
                {
                    state.To = Math.Min(state.To ?? int.MaxValue, last);
                }

                break;
            }
        }
    }

    /// <summary>Reads the value of <c>relevant:</c>: yes/no, true/false, 1/0 or the labels danvan/other.</summary>
    private static bool ParseYesNo(string value, int position) => value.ToLowerInvariant() switch
    {
        "yes" or "true" or "1" or "danvan" => true,
        "no" or "false" or "0" or "other" => false,
        _ => throw new QuerySyntaxException($"'relevant:' takes yes or no, not '{value}'.", position),
    };

    /// <summary>Reads YYYY, YYYY-MM or YYYY-MM-DD as the first and last day (yyyymmdd) it covers.</summary>
    private static (int First, int Last) ParseDateRange(string value, int position)
    {
        string[] parts = value.Split('-');
        if (parts.Length > 3 || parts[0].Length != 4 || parts.Skip(1).Any(p => p.Length is < 1 or > 2))
        {
            throw BadDate(value, position);
        }

        var numbers = new int[parts.Length];
        for (int k = 0; k < parts.Length; k++)
        {
            if (!int.TryParse(parts[k], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[k]))
            {
                throw BadDate(value, position);
            }
        }

        int year = numbers[0];
        if (year < 1)
        {
            throw BadDate(value, position);
        }

        if (parts.Length == 1)
        {
            return (SearchKeys.Day(year, 1, 1), SearchKeys.Day(year, 12, 31));
        }

        int month = numbers[1];
        if (month is < 1 or > 12)
        {
            throw new QuerySyntaxException($"'{value}' has no month {month}; months are 1 to 12.", position);
        }

        int daysInMonth = DateTime.DaysInMonth(year, month);
        if (parts.Length == 2)
        {
            return (SearchKeys.Day(year, month, 1), SearchKeys.Day(year, month, daysInMonth));
        }

        int day = numbers[2];
        if (day < 1 || day > daysInMonth)
        {
            throw new QuerySyntaxException($"'{value}' is not a day of the calendar.", position);
        }

        return (SearchKeys.Day(year, month, day), SearchKeys.Day(year, month, day));
    }

    private static QuerySyntaxException BadDate(string value, int position) =>
        new($"'{value}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2021-03-26).", position);

    private sealed class State
    {
        private readonly BooleanQuery _query = new();
        private int _terms;
        private bool _truncated;
        private bool _hasPositive;
        private bool _hasText;

        public HashSet<string> Accented { get; } = new(StringComparer.Ordinal);

        public List<ScoreBoost> Boosts { get; } = [];

        public int BoostedWords { get; set; }

        public HashSet<string> Folded { get; } = new(StringComparer.Ordinal);

        public int? From { get; set; }

        public int? To { get; set; }

        public int Filters { get; set; }

        public bool TakeTerms(int count)
        {
            if (_terms + count > MaxTerms)
            {
                _truncated = true;
                return false;
            }

            _terms += count;
            return true;
        }

        /// <summary>
        /// Adds a term or phrase: <paramref name="required"/> (the folded form in the body, which also holds
        /// the title) decides the match; the <paramref name="boosts"/> (a phrase's title match; null entries are
        /// skipped) only add to the score, so Lucene evaluates them for matching articles alone.
        /// </summary>
        public void AddText(Query required, bool exclude, params Query?[] boosts)
        {
            if (exclude)
            {
                _query.Add(required, Occur.MUST_NOT);
                return;
            }

            _query.Add(required, Occur.MUST);
            foreach (Query? boost in boosts)
            {
                if (boost is not null)
                {
                    _query.Add(boost, Occur.SHOULD);
                }
            }

            _hasPositive = true;
            _hasText = true;
        }

        public void AddFilter(Query filter, bool exclude)
        {
            // Filters restrict the hits but do not change their scores.
            _query.Add(exclude ? filter : new ConstantScoreQuery(filter) { Boost = 0f }, exclude ? Occur.MUST_NOT : Occur.MUST);
            _hasPositive |= !exclude;
        }

        public ParsedQuery Build()
        {
            if (From is not null || To is not null)
            {
                Query range = NumericRangeQuery.NewInt32Range(ArticleFields.Day, From, To, true, true);
                _query.Add(new ConstantScoreQuery(range) { Boost = 0f }, Occur.MUST);
                _hasPositive = true;
            }

            if (!_hasPositive)
            {
                // An empty query, or exclusions only: start from every article.
                _query.Add(new MatchAllDocsQuery(), Occur.MUST);
            }

            var notices = new List<string>();
            if (_truncated)
            {
                notices.Add($"The query has more than {MaxTerms} terms; only the first {MaxTerms} were used.");
            }

            if (From > To)
            {
                notices.Add($"from: ({Format(From.Value)}) is after to: ({Format(To!.Value)}), so no article can match; swap them.");
            }

            return new ParsedQuery(_query, Accented, Folded, notices, _hasText, new ScoreBoosts(Boosts, BoostedWords));
        }

        private static string Format(int day) => $"{day / 10000:D4}-{day / 100 % 100:D2}-{day % 100:D2}";
    }
}
