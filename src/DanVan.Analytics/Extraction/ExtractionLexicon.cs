using System.Collections.Frozen;
using System.Reflection;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Extraction;

/// <summary>
/// The vocabularies the extractor works with: document types and codes, issuers, count qualifiers and number
/// words, title heads and the words titles are made of, ranks, administrative level words, family names,
/// place names, honorifics. The defaults come from the tables embedded in the library
/// (<c>Extraction/Tables/*.tsv</c>); <see cref="WithAdditions"/> extends them.
/// </summary>
/// <remarks>Immutable and safe to share between threads.</remarks>
public sealed class ExtractionLexicon
{
    private static readonly Lazy<ExtractionLexicon> s_default = new(() => new ExtractionLexicon(null));

    private ExtractionLexicon(ExtractionLexiconAdditions? additions, Func<string, string, bool>? withheld = null)
    {
        var a = additions ?? new ExtractionLexiconAdditions();
        var normalizer = VietnameseNormalizer.Default;
        string N(string s) => normalizer.Normalize(s.Trim());
        IEnumerable<string[]> Rows(string table) => withheld is null ? Table(table) : Table(table).Where(r => !withheld(table, N(r[0])));

        DocumentKeywords = new PhraseSet<DocumentKind>(
            Rows("DocumentTypes").Select(r => (N(r[0]), new DocumentKind(N(r[1]), N(r[2]).ToUpperInvariant()))));
        TypeCodes = Rows("DocumentTypeCodes")
            .Select(r => (Code: N(r[0]).ToUpperInvariant(), Kind: new DocumentKind(N(r[1]), N(r[2]).ToUpperInvariant())))
            .Concat(a.DocumentTypeCodes.Select(kv => (Code: N(kv.Key).ToUpperInvariant(), Kind: new DocumentKind(N(kv.Value), N(kv.Key).ToUpperInvariant()))))
            .GroupBy(e => e.Code).ToFrozenDictionary(g => g.Key, g => g.Last().Kind);
        IssuerCodes = Rows("DocumentIssuers").Select(r => N(r[0]).ToUpperInvariant())
            .Concat(a.IssuerCodes.Select(s => N(s).ToUpperInvariant())).ToFrozenSet();
        PartyIssuerCodes = Rows("DocumentIssuers").Where(r => r.Length > 2 && r[2].Trim() == "party").Select(r => N(r[0]).ToUpperInvariant()).ToFrozenSet();
        Qualifiers = new PhraseSet<CountQualifier>(Rows("Qualifiers").Select(r => (N(r[0]), ParseQualifier(r[1]))));
        var numberWords = Rows("NumberWords").Select(r => (Word: N(r[0]), Kind: r[1].Trim(), Value: long.Parse(r[2].Trim(), System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Multipliers = new PhraseSet<long>(numberWords.Where(w => w.Kind == "multiplier").Select(w => (w.Word, w.Value)));
        VagueWords = new PhraseSet<long>(numberWords.Where(w => w.Kind == "vague").Select(w => (w.Word, w.Value)));
        DigitWords = new PhraseSet<long>(numberWords.Where(w => w.Kind == "digit").Select(w => (w.Word, w.Value)));
        CountedNouns = new PhraseSet<bool>(Rows("CountedNouns").Select(r => (N(r[0]), true)));
        Movements = new PhraseSet<string>(Rows("Movements").Select(r => (N(r[0]), N(r[1]))));
        Scopes = new PhraseSet<bool>(Rows("Scopes").Select(r => (N(r[0]), true)));
        Honorifics = new PhraseSet<bool>(Rows("Honorifics").Select(r => (N(r[0]), true)).Concat(a.Honorifics.Select(s => (N(s), true))));
        var ranks = Rows("Ranks").Select(r => N(r[0])).Concat(a.Ranks.Select(N)).ToList();
        TitleHeads = new PhraseSet<TitleHead>(
            Rows("TitleHeads").Select(r => (N(r[0]), new TitleHead(ParseLevel(r[1]), false)))
                .Concat(a.TitleHeads.Select(s => (N(s), new TitleHead(AdministrativeLevel.Unknown, false))))
                .Concat(ranks.Select(s => (s, new TitleHead(AdministrativeLevel.Unknown, true)))));
        var titleWords = Rows("TitleWords").Select(r => (Word: N(r[0]), After: r.Length > 1 ? r[1] : ""))
            .Concat(a.TitleWords.Select(w => (Word: N(w), After: ""))).ToList();
        TitleWords = titleWords.Where(w => w.After.Length == 0).Select(w => w.Word).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        BoundTitleWords = titleWords.Where(w => w.After.Length > 0 && !TitleWords.Contains(w.Word))
            .GroupBy(w => w.Word, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.SelectMany(w => w.After.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(N).ToFrozenSet(StringComparer.OrdinalIgnoreCase),
                StringComparer.OrdinalIgnoreCase);
        TitlePrefixes = new PhraseSet<bool>(Rows("TitlePrefixes").Select(r => (N(r[0]), true)));
        LevelWords = new PhraseSet<AdministrativeLevel>(Rows("LevelWords").Select(r => (N(r[0]), ParseLevel(r[1]))));
        FamilyNames = new PhraseSet<int>(
            Rows("FamilyNames").Select(r => (N(r[0]), int.Parse(r[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)))
                .Concat(a.FamilyNames.Select(s => (N(s), 2))));
        FamilyNamePrefixes = Rows("FamilyNames").Select(r => N(r[0])).Concat(a.FamilyNames.Select(N))
            .Where(s => s.Length == 2 && WordScanner.IsApostrophe(s[1])).Select(s => s[0]).ToFrozenSet();
        BusinessOrganisations = new PhraseSet<bool>(Rows("BusinessOrganisations").Select(r => (N(r[0]), true)));
        RoleVerbs = Rows("RoleVerbs").Select(r => N(r[0])).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        NameIntroducers = Rows("NameIntroducers").Select(r => N(r[0])).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        MiddleNames = Rows("MiddleNames").Select(r => N(r[0])).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        MiddleOnlyNames = Rows("MiddleNames").Where(r => r.Length < 2 || r[1].Trim() != "given").Select(r => N(r[0]))
            .ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        OrganisationWords = new PhraseSet<bool>(Rows("OrganisationWords").Select(r => (N(r[0]), true)));
        InstitutionNouns = new PhraseSet<bool>(Rows("InstitutionNouns").Select(r => (N(r[0]), true)));
        ListIntroducers = new PhraseSet<bool>(Rows("ListIntroducers").Select(r => (N(r[0]), true)));
        CountClassifiers = Rows("CountClassifiers").Select(r => N(r[0])).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Places = new PhraseSet<bool>(Rows("Places").Select(r => (N(r[0]), true)).Concat(a.Places.Select(s => (N(s), true))));
        FlagTable = BuildWordFlags();
        ExcludedNames = Rows("ExcludedNames").Select(r => N(r[0])).Concat(a.ExcludedNames.Select(N))
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The lexicon built from the embedded tables alone; built once, on first use.</summary>
    public static ExtractionLexicon Default => s_default.Value;

    /// <summary>A new lexicon: the embedded tables plus <paramref name="additions"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="additions"/> is null.</exception>
    public static ExtractionLexicon WithAdditions(ExtractionLexiconAdditions additions)
    {
        ArgumentNullException.ThrowIfNull(additions);
        return new ExtractionLexicon(additions);
    }

    /// <summary>
    /// The embedded tables without the rows <paramref name="withheld"/> selects, called with the table's name
    /// (<c>"FamilyNames"</c>) and the row's first cell, normalized. An evaluation hook, not a user option: it lets the
    /// name tagger's cross-validation run the rules as if the tables had never been written for the held-out texts.
    /// </summary>
    internal static ExtractionLexicon Without(Func<string, string, bool> withheld)
    {
        ArgumentNullException.ThrowIfNull(withheld);
        return new ExtractionLexicon(null, withheld);
    }

    internal PhraseSet<DocumentKind> DocumentKeywords { get; }

    internal FrozenDictionary<string, DocumentKind> TypeCodes { get; }

    internal FrozenSet<string> IssuerCodes { get; }

    /// <summary>The issuers that are Party bodies ("TW", "TU", "HU"): their documents are written in Party style.</summary>
    internal FrozenSet<string> PartyIssuerCodes { get; }

    internal PhraseSet<CountQualifier> Qualifiers { get; }

    internal PhraseSet<long> Multipliers { get; }

    internal PhraseSet<long> VagueWords { get; }

    internal PhraseSet<long> DigitWords { get; }

    internal PhraseSet<bool> CountedNouns { get; }

    internal PhraseSet<string> Movements { get; }

    internal PhraseSet<bool> Scopes { get; }

    internal PhraseSet<bool> Honorifics { get; }

    internal PhraseSet<TitleHead> TitleHeads { get; }

    internal FrozenSet<string> TitleWords { get; }

    internal FrozenDictionary<string, FrozenSet<string>> BoundTitleWords { get; }

    internal PhraseSet<bool> TitlePrefixes { get; }

    internal PhraseSet<AdministrativeLevel> LevelWords { get; }

    internal PhraseSet<int> FamilyNames { get; }

    internal FrozenSet<char> FamilyNamePrefixes { get; }

    internal FrozenSet<string> NameIntroducers { get; }

    internal FrozenSet<string> RoleVerbs { get; }

    internal PhraseSet<bool> BusinessOrganisations { get; }

    internal PhraseSet<bool> Places { get; }

    /// <summary>Second words of names that mark the word before them as a family name ("Văn", "Thị", "A", "Seo").</summary>
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MiddleNames { get; }

    /// <summary>The middle names that never end a name as its given name ("Văn", "Thị"; not "A").</summary>
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MiddleOnlyNames { get; }

    /// <summary>Capitalized words of organisation names, never the first word of a name of unknown family ("Hội", "Ban").</summary>
    internal PhraseSet<bool> OrganisationWords { get; }

    /// <summary>Nouns that open the name of a place or a work named after a person ("Lăng", "Tượng đài").</summary>
    internal PhraseSet<bool> InstitutionNouns { get; }

    /// <summary>Words after a title that introduce the list of its holders ("gồm", "là", "có").</summary>
    internal PhraseSet<bool> ListIntroducers { get; }

    /// <summary>Classifiers between a number and the counted noun ("lượt").</summary>
    internal FrozenSet<string> CountClassifiers { get; }

    internal FrozenSet<string> ExcludedNames { get; }

    /// <summary>For every word (lower case) that starts a lexicon phrase or may stand inside a title, what it may be; one lookup per token.</summary>
    internal WordFlagTable FlagTable { get; }

    private WordFlagTable BuildWordFlags()
    {
        var flags = new Dictionary<string, WordFlags>(StringComparer.OrdinalIgnoreCase);
        void Add(IEnumerable<string> words, WordFlags flag)
        {
            foreach (string w in words)
            {
                string key = w.ToLowerInvariant();
                flags[key] = flags.GetValueOrDefault(key) | flag;
            }
        }

        Add(DocumentKeywords.FirstWords, WordFlags.DocumentKeyword);
        Add(CountedNouns.FirstWords, WordFlags.CountedNoun);
        Add(Honorifics.FirstWords, WordFlags.Honorific);
        Add(TitleHeads.FirstWords, WordFlags.TitleHead);
        Add(TitlePrefixes.FirstWords, WordFlags.TitlePrefix);
        Add(FamilyNames.FirstWords, WordFlags.FamilyName);
        Add(Places.FirstWords, WordFlags.Place);
        Add(TitleWords, WordFlags.TitleWord);
        Add(BoundTitleWords.Keys, WordFlags.BoundTitleWord);
        Add(NameIntroducers, WordFlags.NameIntroducer);
        Add(RoleVerbs, WordFlags.RoleVerb);
        Add(MiddleNames.Set, WordFlags.MiddleName);
        Add(OrganisationWords.FirstWords, WordFlags.OrganisationWord);
        Add(InstitutionNouns.FirstWords, WordFlags.InstitutionNoun);
        Add(ListIntroducers.FirstWords, WordFlags.ListIntroducer);
        return new WordFlagTable(flags);
    }

    /// <summary>The rows of an embedded table: comment lines (#) and blank lines skipped, cells split on tabs.</summary>
    internal static IEnumerable<string[]> Table(string name)
    {
        using Stream stream = typeof(ExtractionLexicon).Assembly.GetManifestResourceStream($"DanVan.Analytics.Extraction.Tables.{name}.tsv")
            ?? throw new InvalidOperationException($"The embedded table {name}.tsv is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            rows.Add(line.Split('\t'));
        }

        return rows;
    }

    private static CountQualifier ParseQualifier(string s) => s.Trim() switch
    {
        "approx" => CountQualifier.Approx,
        "more_than" => CountQualifier.MoreThan,
        "at_least" => CountQualifier.AtLeast,
        "less_than" => CountQualifier.LessThan,
        "vague" => CountQualifier.Vague,
        "exact" => CountQualifier.Exact,
        var other => throw new InvalidOperationException($"Unknown qualifier '{other}' in Qualifiers.tsv."),
    };

    internal static AdministrativeLevel ParseLevel(string s) => s.Trim() switch
    {
        "central" => AdministrativeLevel.Central,
        "province" => AdministrativeLevel.Province,
        "district" => AdministrativeLevel.District,
        "commune" => AdministrativeLevel.Commune,
        "village" => AdministrativeLevel.Village,
        _ => AdministrativeLevel.Unknown,
    };
}

/// <summary>Entries a user adds to <see cref="ExtractionLexicon.Default"/> (see <see cref="ExtractionLexicon.WithAdditions"/>).</summary>
public sealed record ExtractionLexiconAdditions
{
    /// <summary>Family names (họ) such as "Ksor" or "Rơ Châm"; one or more words.</summary>
    public IReadOnlyList<string> FamilyNames { get; init; } = [];

    /// <summary>Title heads (positions) such as "Trưởng Ban Quản lý dự án".</summary>
    public IReadOnlyList<string> TitleHeads { get; init; } = [];

    /// <summary>Ranks such as "Thượng tá"; each is a title of its own.</summary>
    public IReadOnlyList<string> Ranks { get; init; } = [];

    /// <summary>Lower-case words that may stand inside a title after its head.</summary>
    public IReadOnlyList<string> TitleWords { get; init; } = [];

    /// <summary>Place names a person's name never starts inside (capitalized as written).</summary>
    public IReadOnlyList<string> Places { get; init; } = [];

    /// <summary>Names that are never official mentions (fixed expressions).</summary>
    public IReadOnlyList<string> ExcludedNames { get; init; } = [];

    /// <summary>Words that introduce a person, such as "thầy".</summary>
    public IReadOnlyList<string> Honorifics { get; init; } = [];

    /// <summary>Document type codes and the document type each stands for ("QĐi" → "quy định").</summary>
    public IReadOnlyDictionary<string, string> DocumentTypeCodes { get; init; } = new Dictionary<string, string>();

    /// <summary>Issuer codes written after the slash of document numbers ("BDVTU").</summary>
    public IReadOnlyList<string> IssuerCodes { get; init; } = [];
}

/// <summary>What a word may be, looked up once per token (so that most tokens cost one hash lookup).</summary>
[Flags]
internal enum WordFlags : ushort
{
    None = 0,
    DocumentKeyword = 1,
    CountedNoun = 2,
    Honorific = 4,
    TitleHead = 8,
    TitlePrefix = 16,
    FamilyName = 32,
    Place = 64,
    TitleWord = 128,
    BoundTitleWord = 256,
    NameIntroducer = 512,
    RoleVerb = 1024,
    MiddleName = 2048,
    OrganisationWord = 4096,
    InstitutionNoun = 8192,
    ListIntroducer = 16384,
}

/// <summary>A document type: its canonical name and its family code.</summary>
internal readonly record struct DocumentKind(string DocumentType, string Family);

/// <summary>A title head: the level it implies and whether it is a rank.</summary>
internal readonly record struct TitleHead(AdministrativeLevel Level, bool IsRank);
