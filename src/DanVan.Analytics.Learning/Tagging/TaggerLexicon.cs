using System.Collections.Frozen;
using DanVan.Analytics.Extraction;

namespace DanVan.Analytics.Learning.Tagging;

/// <summary>What the extraction tables say about a syllable: the tagger's lexicon-membership features.</summary>
[Flags]
internal enum WordFlags
{
    None = 0,

    /// <summary>A word of a title (<c>TitleWords.tsv</c>): "bí", "thư", "chủ", "tịch".</summary>
    TitleWord = 1,

    /// <summary>The first syllable of a title head or rank (<c>TitleHeads.tsv</c>, <c>Ranks.tsv</c>): "phó", "bí", "đại".</summary>
    TitleStart = 2,

    /// <summary>A syllable of an honorific that introduces officials (<c>Honorifics.tsv</c>): "đồng", "chí", "ông", "bà".</summary>
    Honorific = 4,

    /// <summary>A family name (<c>FamilyNames.tsv</c>): "nguyễn", "lò".</summary>
    FamilyName = 8,

    /// <summary>A middle name that marks a name (<c>MiddleNames.tsv</c>): "văn", "thị".</summary>
    MiddleName = 16,

    /// <summary>A word of a place name (<c>Places.tsv</c>).</summary>
    Place = 32,

    /// <summary>A word that introduces a person who need not be an official (<c>NameIntroducers.tsv</c>): "anh", "chị", "cô".</summary>
    NameIntroducer = 64,

    /// <summary>The last word of a lower-case unit of the tables (<c>LevelWords.tsv</c>): "xã", "thôn", "phố": a place name follows.</summary>
    PlaceNoun = 128,
}

/// <summary>
/// The extraction tables of the core read as lower-cased syllables with flags, so the tagger knows what the rules know
/// (and keeps knowing it when the tables grow). The tables are read from the core assembly's resources.
/// </summary>
internal sealed class TaggerLexicon
{
    private readonly FrozenDictionary<string, WordFlags> _flags;
    private readonly FrozenDictionary<string, WordFlags>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private TaggerLexicon(Dictionary<string, WordFlags> flags)
    {
        _flags = flags.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _flags.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The lexicon of the core's shipped tables.</summary>
    public static TaggerLexicon Default { get; } = Load(null);

    /// <summary>
    /// The shipped tables without the rows <paramref name="withheld"/> selects (table name, the row's first cell NFC), the
    /// same selection as <c>ExtractionLexicon.Without</c>: the tagger's cross-validation withholds from both.
    /// </summary>
    public static TaggerLexicon Without(Func<string, string, bool> withheld)
    {
        ArgumentNullException.ThrowIfNull(withheld);
        return Load(withheld);
    }

    /// <summary>How many syllables carry a flag.</summary>
    public int Count => _flags.Count;

    /// <summary>The flags of a lower-cased syllable.</summary>
    public WordFlags Of(ReadOnlySpan<char> lowerCaseSyllable) =>
        _lookup.TryGetValue(lowerCaseSyllable, out WordFlags flags) ? flags : WordFlags.None;

    private static TaggerLexicon Load(Func<string, string, bool>? withheld)
    {
        IEnumerable<string> Kept(string table) => withheld is null ? Rows(table) : Rows(table).Where(r => !withheld(table, r));
        var flags = new Dictionary<string, WordFlags>(StringComparer.Ordinal);
        Add(flags, Kept("TitleWords"), WordFlags.TitleWord, WordFlags.TitleWord);
        Add(flags, Kept("TitleHeads"), WordFlags.TitleStart, WordFlags.TitleWord);
        Add(flags, Kept("Ranks"), WordFlags.TitleStart, WordFlags.TitleWord);
        Add(flags, Kept("Honorifics"), WordFlags.Honorific, WordFlags.Honorific);
        Add(flags, Kept("NameIntroducers"), WordFlags.NameIntroducer, WordFlags.None);
        Add(flags, Kept("FamilyNames"), WordFlags.FamilyName, WordFlags.None);
        Add(flags, Kept("MiddleNames"), WordFlags.MiddleName, WordFlags.None);
        Add(flags, Kept("Places"), WordFlags.Place, WordFlags.Place);
        AddPlaceNouns(flags, Kept("LevelWords"));
        return new TaggerLexicon(flags);
    }

    private static void AddPlaceNouns(Dictionary<string, WordFlags> flags, IEnumerable<string> levelWords)
    {
        foreach (string unit in levelWords.Where(u => char.IsLower(u[0])))
        {
            string last = unit[(unit.LastIndexOf(' ') + 1)..];
            flags[last] = flags.GetValueOrDefault(last) | WordFlags.PlaceNoun;
        }
    }

    // Each row's first syllable gets `first`, every syllable gets `any`.
    private static void Add(Dictionary<string, WordFlags> flags, IEnumerable<string> rows, WordFlags first, WordFlags any)
    {
        foreach (string phrase in rows)
        {
            string[] syllables = phrase.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i < syllables.Length; i++)
            {
                WordFlags flag = (i == 0 ? first : WordFlags.None) | any;
                if (flag != WordFlags.None)
                {
                    flags[syllables[i]] = flags.GetValueOrDefault(syllables[i]) | flag;
                }
            }
        }
    }

    // The first column of each row of a table, NFC.
    private static IEnumerable<string> Rows(string table)
    {
        using Stream stream = typeof(ArticleExtractor).Assembly.GetManifestResourceStream($"DanVan.Analytics.Extraction.Tables.{table}.tsv")
            ?? throw new InvalidOperationException($"The core has no extraction table {table}.tsv.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string phrase = line.Split('\t')[0].Trim().Normalize(System.Text.NormalizationForm.FormC);
            if (phrase.Length > 0)
            {
                yield return phrase;
            }
        }
    }
}
