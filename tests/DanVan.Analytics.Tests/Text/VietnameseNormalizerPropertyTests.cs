using System.Globalization;
using System.Text;
using System.Text.Json;
using DanVan.Analytics.Text;
using DanVan.Analytics.Text.Normalization;

namespace DanVan.Analytics.Tests.Text;

public sealed class VietnameseNormalizerPropertyTests
{
    private static readonly VietnameseNormalizer Old = VietnameseNormalizer.Default;
    private static readonly VietnameseNormalizer New = new(new VietnameseNormalizerOptions { ToneStyle = ToneStyle.New });
    private static readonly VietnameseNormalizer Preserve = new(new VietnameseNormalizerOptions { ToneStyle = ToneStyle.Preserve });

    private static readonly Lazy<IReadOnlyList<(string Name, string Text)>> s_corpus = new(LoadCorpus);

    public static TheoryData<string> CorpusNames()
    {
        var data = new TheoryData<string>();
        foreach ((string name, _) in s_corpus.Value)
        {
            data.Add(name);
        }

        return data;
    }

    private static string Corpus(string name) => s_corpus.Value.Single(t => t.Name == name).Text;

    [Fact]
    public void Corpus_IsLoaded()
    {
        Assert.True(s_corpus.Value.Count >= 100, $"seeds and labeled excerpts expected, found {s_corpus.Value.Count} texts");
    }

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public void Normalize_CorpusText_IsIdempotentInEveryStyle(string name)
    {
        string text = Corpus(name);
        foreach (VietnameseNormalizer normalizer in new[] { Old, New, Preserve })
        {
            string once = normalizer.Normalize(text);
            Assert.Same(once, normalizer.Normalize(once));
            Assert.True(normalizer.IsNormalized(once));
        }
    }

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public void Normalize_RenderingsOfTheSameText_GiveOneString(string name)
    {
        string text = Corpus(name);
        string expectedOld = Old.Normalize(text);
        string expectedNew = New.Normalize(text);
        string[] renderings =
        [
            TextPerturbations.ToNfd(text),
            TextPerturbations.ToEthLookAlike(text),
            TextPerturbations.ToNewToneStyle(text),
            TextPerturbations.ToOldToneStyle(text),
            TextPerturbations.WithNbspBetweenWords(text),
            TextPerturbations.ToNfd(TextPerturbations.ToEthLookAlike(TextPerturbations.ToNewToneStyle(TextPerturbations.WithNbspBetweenWords(text)))),
        ];
        foreach (string rendering in renderings)
        {
            Assert.Equal(expectedOld, Old.Normalize(rendering));
            Assert.Equal(expectedNew, New.Normalize(rendering));
        }

        // The old-style normalization is itself the old-style rendering, and likewise for new.
        Assert.Equal(TextPerturbations.ToOldToneStyle(expectedOld), expectedOld);
        Assert.Equal(TextPerturbations.ToNewToneStyle(expectedOld), expectedNew);
    }

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public void Fold_OfNormalizedText_EqualsFoldOfTheRawText(string name)
    {
        string text = Corpus(name);
        foreach (string rendering in new[] { text, TextPerturbations.ToNfd(text), TextPerturbations.WithNbspBetweenWords(text) })
        {
            Assert.Equal(VietnameseFolder.Fold(rendering), VietnameseFolder.Fold(Old.Normalize(rendering)));
            Assert.Equal(VietnameseFolder.Fold(rendering), VietnameseFolder.Fold(New.Normalize(rendering)));
        }
    }

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public void NormalizeWithOffsets_EveryWordOfAPerturbedCorpusText_MapsBackToItsSource(string name)
    {
        string raw = TextPerturbations.ToNfd(TextPerturbations.ToEthLookAlike(TextPerturbations.ToNewToneStyle(Corpus(name))));
        raw = raw.Replace(" ", " \u200B", StringComparison.Ordinal);
        NormalizedText normalized = Old.NormalizeWithOffsets(raw);
        Assert.False(normalized.PreservesOffsets);
        OffsetAssert.MapsEveryWordBack(Old, normalized);
    }

    [Fact]
    public void TextPerturbations_MoveTonesOnlyInOpenOaOeUy()
    {
        Assert.Equal("hoà khoẻ thuỷ Uỷ ban HOÀ", TextPerturbations.ToNewToneStyle("hòa khỏe thủy Ủy ban HÒA"));
        Assert.Equal("hòa khỏe thủy Ủy ban HÒA", TextPerturbations.ToOldToneStyle("hoà khoẻ thuỷ Uỷ ban HOÀ"));
        Assert.Equal("ngoài quý hoàn toán của", TextPerturbations.ToNewToneStyle("ngoài quý hoàn toán của"));
        Assert.Equal("ngoài quý hoàn toán của", TextPerturbations.ToOldToneStyle("ngoài quý hoàn toán của"));
    }

    // Every syllable shape: initials × nuclei × finals × tones on every vowel × cases. The fast scan must never
    // call a word canonical that the rewrite would change.
    [Theory]
    [InlineData(ToneStyle.Old)]
    [InlineData(ToneStyle.New)]
    [InlineData(ToneStyle.Preserve)]
    public void FindFirstChange_GeneratedSyllables_NeverMissesAChange(ToneStyle style)
    {
        int checkedWords = 0;
        foreach (string cased in GeneratedSyllables())
        {
            foreach (string text in new[] { cased, "(" + cased + ")", "ở " + cased + " nữa", cased + "’s" })
            {
                AssertFastScanAgrees(text, style);
                checkedWords++;
            }
        }

        Assert.True(checkedWords > 50_000);
    }

    // The AVX-512 scan reads 64 characters per step and settles common words from masks of their neighbours: on texts
    // long enough for it, it must report exactly the change the narrower scan reports, at every place in a block
    // (the padding moves the word across the lanes, including the first and last ones, whose neighbours lie in
    // the blocks around). Where the hardware has no AVX-512 both calls take the same path.
    [Theory]
    [InlineData(ToneStyle.Old)]
    [InlineData(ToneStyle.New)]
    [InlineData(ToneStyle.Preserve)]
    public void FindFirstChange_GeneratedSyllablesInLongTexts_AgreesWithTheNarrowScan(ToneStyle style)
    {
        string[] contexts = ["{0}", "({0})", "ở {0} nữa", "{0}’s", "q{0}", "g{0} ", "{0}'a", "\u00A0{0}\u0301", "K’{0}"];
        var random = new Random(7);
        int found = 0;
        int words = 0;
        foreach (string word in GeneratedSyllables())
        {
            string context = contexts[words++ % contexts.Length];
            string text = new string('a', random.Next(0, 64)) + " " + string.Format(CultureInfo.InvariantCulture, context, word) + " " + new string('x', random.Next(0, 70));
            int narrow = NormalizationCore.FindFirstChangeNarrow(text, style, 0);
            Assert.True(narrow == NormalizationCore.FindFirstChange(text, style), $"\"{text}\" ({style}): the narrow scan says {narrow}.");
            found += narrow >= 0 ? 1 : 0;
        }

        // The contexts with a no-break space or a combining mark always change; many words do in every style.
        Assert.InRange(found, words / 9, words - 1);
    }

    // Random long strings of Vietnamese words with apostrophes, marks, invisibles and any UTF-16 unit now and then:
    // the wide scan agrees with the narrow one, on the text and on suffixes that start in the first block (other
    // alignments). Changes are rare enough that most texts are scanned over several blocks.
    [Fact]
    public void FindFirstChange_RandomLongStrings_AgreesWithTheNarrowScan()
    {
        string[] common = ["của", "hoạt", "ngoài", "quá", "già", "giáo", "quý", "hòa", "khuỷu", "thủy", "người", "K’ré", "H'Mông", "Guðrún", "tại", "nghĩa",
            "báo", "UỶ", "HÒA", "gìn", "quốc", " ", " ", " ", ", ", ".", "’", "'", "-", "/", "\n", "1", "😀", "\u2013", "\u201C", "q", "g", "u", "i"];
        string[] rare = ["hoà", "qúa", "gìa", "thuỷ", "ướ", "ừơ", "Ðảng", "\u00A0", "\u200B", "\u0301", "\u0300", "e\u0302"];
        int farChanges = 0;
        for (int seed = 0; seed < 3000; seed++)
        {
            var random = new Random(seed);
            var builder = new StringBuilder();
            int target = random.Next(64, 400);
            while (builder.Length < target)
            {
                int draw = random.Next(60);
                builder.Append(draw == 0 ? ((char)random.Next(0, 0x10000)).ToString() : draw < 3 ? rare[random.Next(rare.Length)] : common[random.Next(common.Length)]);
            }

            string text = builder.ToString();
            foreach (ToneStyle style in new[] { ToneStyle.Old, ToneStyle.New, ToneStyle.Preserve })
            {
                for (int skip = 0; skip < 64 && text.Length - skip >= 64; skip += 1 + random.Next(12))
                {
                    ReadOnlySpan<char> suffix = text.AsSpan(skip);
                    int narrow = NormalizationCore.FindFirstChangeNarrow(suffix, style, 0);
                    Assert.True(narrow == NormalizationCore.FindFirstChange(suffix, style), $"seed {seed}, {style}, from {skip}: the narrow scan says {narrow}.");
                    farChanges += narrow is < 0 or >= 64 ? 1 : 0;
                }
            }
        }

        Assert.True(farChanges > 5000, $"Only {farChanges} scans went past the first block.");
    }

    private static IEnumerable<string> GeneratedSyllables()
    {
        string[] initials = ["", "b", "ch", "g", "ngh", "q", "th", "đ"];
        string[] nuclei = "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu iê oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ưu ươ yê iêu yêu oai oay oeo uây uôi ươi ươu uya uyê uyu".Split(' ');
        string[] finals = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "x"];
        string[] tones = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
        foreach (string initial in initials)
        {
            foreach (string nucleus in nuclei)
            {
                foreach (string final in finals)
                {
                    string plain = initial + nucleus + final;
                    for (int v = initial.Length; v < initial.Length + nucleus.Length; v++)
                    {
                        foreach (string tone in tones)
                        {
                            string word = (plain[..(v + 1)].Normalize(NormalizationForm.FormD) + tone + plain[(v + 1)..]).Normalize(NormalizationForm.FormC);
                            yield return word;
                            yield return word.ToUpperInvariant();
                            yield return char.ToUpperInvariant(word[0]) + word[1..];
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void Normalize_RandomStrings_NeverThrowAndKeepTheirProperties()
    {
        const string Alphabet = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯYdđĐÐðnghqtkc .,’'-/_@\t\n\u00A0\u200B\u00AD\u0300\u0301\u0309\u0303\u0323\u0302\u0306\u031B\u0340\u0341\u0338=éàÆ😀\uD800\uDC00\u1100\u1161\u11A8\u2126\uFB1D\u0958\uFFFE\u200D\u200D❤\uFE0F🔥";
        for (int seed = 0; seed < 10000; seed++)
        {
            string text = RandomText.Create(seed, Alphabet, 90);
            foreach (VietnameseNormalizer normalizer in new[] { Old, New, Preserve })
            {
                NormalizedText n = normalizer.NormalizeWithOffsets(text);
                Assert.Equal(n.Text, normalizer.Normalize(text));
                Assert.Equal(n.Text, normalizer.Normalize(n.Text));
                Assert.True(normalizer.IsNormalized(n.Text), $"seed {seed}");
                OffsetAssert.IsMonotonicWithFixedEnds(n);
                AssertBlockwiseEqualsWhole(normalizer, text, n.Text);
            }

            AssertFastScanAgrees(text, ToneStyle.Old);
        }
    }

    private static void AssertFastScanAgrees(string text, ToneStyle style)
    {
        if (NormalizationCore.FindFirstChange(text, style) >= 0)
        {
            return;
        }

        char[] buffer = new char[(text.Length * 3) + 16];
        var writer = new NormalizationWriter(buffer, default);
        Assert.Equal(text.Length, NormalizationCore.Rewrite(text, 0, style, ref writer));
        Assert.True(text.AsSpan().SequenceEqual(writer.Written), $"The fast scan calls \"{text}\" canonical ({style}) but it normalizes to \"{writer.Written.ToString()}\".");
    }

    private static void AssertBlockwiseEqualsWhole(VietnameseNormalizer normalizer, string text, string expected)
    {
        var reader = new StringReader(text);
        var writer = new StringWriter();
        normalizer.Normalize(reader, writer, bufferSize: 3, CancellationToken.None);
        Assert.Equal(expected, writer.ToString());
    }

    private static List<(string Name, string Text)> LoadCorpus()
    {
        var texts = new List<(string Name, string Text)>(RepositoryPaths.SeedTexts());
        string labeled = Path.Combine(RepositoryPaths.Shared, "corpus", "labeled.jsonl");
        int line = 0;
        foreach (string json in File.ReadLines(labeled))
        {
            line++;
            if (json.Length == 0)
            {
                continue;
            }

            using JsonDocument document = JsonDocument.Parse(json);
            if (document.RootElement.TryGetProperty("text", out JsonElement text) && text.GetString() is { Length: > 0 } value)
            {
                texts.Add(($"labeled.jsonl:{line}", value));
            }
        }

        return texts;
    }
}
