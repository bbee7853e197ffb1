using System.Collections.Frozen;

namespace DanVan.Analytics.Learning.Features;

/// <summary>The Vietnamese function words of <c>Tables/StopWords.tsv</c>: left out of unigram features and topic words.</summary>
internal sealed class StopWords
{
    private readonly FrozenSet<string> _words;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private StopWords(FrozenSet<string> words)
    {
        _words = words;
        _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The table shipped with the assembly.</summary>
    public static StopWords Default { get; } = Load();

    /// <summary>How many words the table has.</summary>
    public int Count => _words.Count;

    /// <summary>True when <paramref name="lowerCaseWord"/> (lower-cased, accented) is a function word.</summary>
    public bool Contains(ReadOnlySpan<char> lowerCaseWord) => _lookup.Contains(lowerCaseWord);

    private static StopWords Load()
    {
        using Stream stream = typeof(StopWords).Assembly.GetManifestResourceStream("DanVan.Analytics.Learning.Tables.StopWords.tsv")
            ?? throw new InvalidOperationException("The stop-word table is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            string word = line.Trim();
            if (word.Length > 0 && word[0] != '#')
            {
                words.Add(word.Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant());
            }
        }

        return new StopWords(words.ToFrozenSet(StringComparer.Ordinal));
    }
}
