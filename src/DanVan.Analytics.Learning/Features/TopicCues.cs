using System.Buffers;
using System.Collections.Frozen;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Learning.Features;

/// <summary>
/// The cue phrases of each area of dân vận work (<c>Tables/TopicCues.tsv</c>) and what an article holds of them: for each
/// area, how many cues it has and how early the first one comes. Areas group phrases the labelled excerpts may never have
/// shown, so that a "Hội Cựu chiến binh" story counts for the mass organisations even if no training article named them.
/// </summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
internal sealed class TopicCues
{
    /// <summary>The features of one area: log(1 + cues), a cue in the lead, closeness of the first cue to the start.</summary>
    public const int FeaturesPerArea = 3;

    /// <summary>The lead: the first words of an article, where the title and the first sentence name its subject.</summary>
    public const int LeadWords = 40;

    // A first cue at word p gives exp(-p / PositionScale): 1 at the start, 0.37 at the 80th word, 0.05 at the 240th.
    private const float PositionScale = 80f;

    private readonly FrozenDictionary<string, Cue[]>.AlternateLookup<ReadOnlySpan<char>> _byFirstWord;

    private TopicCues(IReadOnlyList<string> areas, FrozenDictionary<string, Cue[]> byFirstWord, int phrases)
    {
        Areas = areas;
        PhraseCount = phrases;
        _byFirstWord = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The table shipped with the assembly.</summary>
    public static TopicCues Default { get; } = Load();

    /// <summary>The areas, in the order of the table.</summary>
    public IReadOnlyList<string> Areas { get; }

    /// <summary>How many phrases the table has.</summary>
    public int PhraseCount { get; }

    /// <summary>The length of the feature vector: <see cref="FeaturesPerArea"/> per area.</summary>
    public int FeatureCount => Areas.Count * FeaturesPerArea;

    /// <summary>Reads a table: <c>area TAB phrase</c> lines, '#' comments.</summary>
    /// <exception cref="FormatException">A line is not two fields, or a phrase has no word.</exception>
    public static TopicCues Parse(TextReader reader)
    {
        var areas = new List<string>();
        var cues = new Dictionary<string, List<Cue>>(StringComparer.Ordinal);
        int phrases = 0, lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            string[] fields = trimmed.Split('\t', StringSplitOptions.TrimEntries);
            string[] words = fields.Length == 2 ? Words(fields[1]) : [];
            if (words.Length == 0)
            {
                throw new FormatException($"Line {lineNumber} of the cue table is not 'area<TAB>phrase': '{line}'.");
            }

            int area = areas.IndexOf(fields[0]);
            if (area < 0)
            {
                area = areas.Count;
                areas.Add(fields[0]);
            }

            if (!cues.TryGetValue(words[0], out List<Cue>? list))
            {
                cues[words[0]] = list = [];
            }

            list.Add(new Cue(words[1..], area));
            phrases++;
        }

        return new TopicCues(areas, cues.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), phrases);
    }

    /// <summary>
    /// Writes the cue features of <paramref name="normalized"/> (the output of <see cref="VietnameseNormalizer"/>) into
    /// <paramref name="features"/>, <see cref="FeaturesPerArea"/> per area in area order, each times <paramref name="scale"/>.
    /// </summary>
    public void Fill(ReadOnlySpan<char> normalized, Span<float> features, float scale)
    {
        features.Clear();
        if (normalized.IsEmpty)
        {
            return;
        }

        // The words, lower-cased in place of their offsets; a punctuation mark, number or code ends a run of words, and
        // a phrase never spans two runs.
        char[] rented = ArrayPool<char>.Shared.Rent(normalized.Length);
        (int Start, int Length, int Run)[] words = ArrayPool<(int, int, int)>.Shared.Rent(Math.Max(16, normalized.Length / 3));
        Span<int> counts = stackalloc int[Areas.Count];
        Span<int> first = stackalloc int[Areas.Count];
        counts.Clear();
        first.Fill(-1);
        try
        {
            Span<char> lower = rented.AsSpan(0, normalized.Length);
            int count = 0, run = 0;
            foreach (Token token in SyllableTokenizer.Tokenize(normalized))
            {
                if (token.Kind is not (TokenKind.Syllable or TokenKind.Abbreviation))
                {
                    run++;
                    continue;
                }

                if (count == words.Length)
                {
                    var larger = ArrayPool<(int, int, int)>.Shared.Rent(words.Length * 2);
                    words.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<(int, int, int)>.Shared.Return(words);
                    words = larger;
                }

                token.TextIn(normalized).ToLowerInvariant(lower.Slice(token.Start, token.Length));
                words[count++] = (token.Start, token.Length, run);
            }

            for (int i = 0; i < count; i++)
            {
                if (!_byFirstWord.TryGetValue(lower.Slice(words[i].Start, words[i].Length), out Cue[]? candidates))
                {
                    continue;
                }

                foreach (Cue cue in candidates)
                {
                    if (Matches(cue, lower, words.AsSpan(0, count), i))
                    {
                        counts[cue.Area]++;
                        if (first[cue.Area] < 0)
                        {
                            first[cue.Area] = i;
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
            ArrayPool<(int, int, int)>.Shared.Return(words);
        }

        for (int a = 0; a < counts.Length; a++)
        {
            if (counts[a] == 0)
            {
                continue;
            }

            Span<float> area = features.Slice(a * FeaturesPerArea, FeaturesPerArea);
            area[0] = scale * MathF.Log(1 + counts[a]);
            area[1] = first[a] < LeadWords ? scale : 0f;
            area[2] = scale * MathF.Exp(-first[a] / PositionScale);
        }
    }

    private static bool Matches(Cue cue, ReadOnlySpan<char> lower, ReadOnlySpan<(int Start, int Length, int Run)> words, int at)
    {
        if (at + cue.Rest.Length >= words.Length)
        {
            return false;
        }

        for (int k = 0; k < cue.Rest.Length; k++)
        {
            var word = words[at + 1 + k];
            if (word.Run != words[at].Run || !lower.Slice(word.Start, word.Length).SequenceEqual(cue.Rest[k]))
            {
                return false;
            }
        }

        return true;
    }

    // The phrase's words as the scan sees them: normalized like the text, lower-cased, punctuation dropped.
    private static string[] Words(string phrase)
    {
        string normalized = VietnameseNormalizer.Default.Normalize(phrase);
        var words = new List<string>();
        foreach (Token token in SyllableTokenizer.Tokenize(normalized))
        {
            if (token.Kind is TokenKind.Syllable or TokenKind.Abbreviation)
            {
                words.Add(token.TextIn(normalized).ToString().ToLowerInvariant());
            }
        }

        return [.. words];
    }

    private static TopicCues Load()
    {
        using Stream stream = typeof(TopicCues).Assembly.GetManifestResourceStream("DanVan.Analytics.Learning.Tables.TopicCues.tsv")
            ?? throw new InvalidOperationException("The topic cue table is missing from the assembly.");
        using var reader = new StreamReader(stream);
        TopicCues cues = Parse(reader);
        if (cues.Areas.Count != VietnameseFeaturizer.CueAreas)
        {
            throw new InvalidOperationException(
                $"The cue table has {cues.Areas.Count} areas and the features room for {VietnameseFeaturizer.CueAreas}: change VietnameseFeaturizer.CueAreas and its Version with the table.");
        }

        return cues;
    }

    /// <summary>A phrase after its first word, and its area.</summary>
    private sealed record Cue(string[] Rest, int Area);
}
