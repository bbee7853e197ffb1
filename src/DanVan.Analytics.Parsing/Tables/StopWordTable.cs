namespace DanVan.Analytics.Parsing.Tables;

/// <summary>
/// The frequent function words of each language in <c>StopWords.tsv</c> (a language code and a word a line),
/// held as one map from a word to the set of languages that use it, so one lookup a word serves every language.
/// Read once; never changed after.
/// </summary>
internal sealed class StopWordTable
{
    private readonly Dictionary<string, uint> _words;
    private readonly Dictionary<string, uint>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private StopWordTable(List<string> languages, Dictionary<string, uint> words)
    {
        Languages = languages;
        _words = words;
        _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The table shipped with the library.</summary>
    public static StopWordTable Default { get; } = Load();

    /// <summary>The language codes, in the order of their bits in <see cref="LanguagesOf"/>.</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>How many distinct words the table holds.</summary>
    public int Count => _words.Count;

    /// <summary>The bit index of <paramref name="language"/> (the primary subtag of a code such as "de-DE"), or -1.</summary>
    public int IndexOf(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return -1;
        }

        ReadOnlySpan<char> code = language.AsSpan().Trim();
        int dash = code.IndexOfAny('-', '_');
        if (dash > 0)
        {
            code = code[..dash];
        }

        for (int i = 0; i < Languages.Count; i++)
        {
            if (code.Equals(Languages[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The languages (one bit each) whose stop words include <paramref name="lowerWord"/>, which must be lower case.</summary>
    public uint LanguagesOf(ReadOnlySpan<char> lowerWord) => _lookup.TryGetValue(lowerWord, out uint mask) ? mask : 0;

    private static StopWordTable Load() => Parse(new StringReader(string.Join('\n', TableResource.Lines("StopWords"))));

    /// <summary>Reads a table: lines of a language code, a tab and a word; '#' starts a comment line.</summary>
    internal static StopWordTable Parse(TextReader reader)
    {
        var languages = new List<string>();
        var words = new Dictionary<string, uint>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || tab == line.Length - 1)
            {
                continue;
            }

            string language = line[..tab].Trim().ToLowerInvariant();
            string word = line[(tab + 1)..].Trim().ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormC);
            int index = languages.IndexOf(language);
            if (index < 0)
            {
                if (languages.Count == 32)
                {
                    continue; // one bit a language
                }

                index = languages.Count;
                languages.Add(language);
            }

            words[word] = (words.TryGetValue(word, out uint mask) ? mask : 0) | (1u << index);
        }

        return new StopWordTable(languages, words);
    }
}
