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
        string[] initials = ["", "b", "ch", "g", "ngh", "q", "th", "đ"];
        string[] nuclei = "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu iê oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ưu ươ yê iêu yêu oai oay oeo uây uôi ươi ươu uya uyê uyu".Split(' ');
        string[] finals = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "x"];
        string[] tones = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
        int checkedWords = 0;
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
                            foreach (string cased in new[] { word, word.ToUpperInvariant(), char.ToUpperInvariant(word[0]) + word[1..] })
                            {
                                foreach (string text in new[] { cased, "(" + cased + ")", "ở " + cased + " nữa", cased + "’s" })
                                {
                                    AssertFastScanAgrees(text, style);
                                    checkedWords++;
                                }
                            }
                        }
                    }
                }
            }
        }

        Assert.True(checkedWords > 50_000);
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
