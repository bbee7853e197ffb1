using System.Buffers.Binary;
using DanVan.Analytics.Search.Analysis;
using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Schema;
using DanVan.Analytics.Search.Tests.Fixtures;
using DanVan.Analytics.Text;
using Lucene.Net.Util;

namespace DanVan.Analytics.Search.Tests.Indexing;

public sealed class AccentSignatureTests
{
    [Fact]
    public void Build_HoldsTheAccentedWordsOfEachScope_AndNoWordWithoutAccents()
    {
        BytesRef signature = Build("Dân vận khéo", "Đảng ủy online và dân");

        Assert.True(Has(signature, AccentScope.Title, "dân"));
        Assert.True(Has(signature, AccentScope.Title, "khéo"));
        Assert.True(Has(signature, AccentScope.Body, "dân"), "the body scope holds the title too");
        Assert.True(Has(signature, AccentScope.Body, "đảng"));
        Assert.True(Has(signature, AccentScope.Body, "và"));
        Assert.False(Has(signature, AccentScope.Title, "đảng"), "a word of the body only is not in the title scope");
        Assert.False(Has(signature, AccentScope.Body, "dần"), "another word that folds alike");
        Assert.False(Has(signature, AccentScope.Body, "online"), "a word folding leaves alone needs no key");
        Assert.False(Has(signature, AccentScope.Body, "Đảng"), "keys are of the lower-case form");
    }

    [Fact]
    public void Build_RepeatedWords_KeepsOneSortedKeyEach()
    {
        BytesRef signature = Build("", "dân dân dân vận vận Dân");
        uint[] keys = Keys(signature);

        Assert.Equal(2, keys.Length);
        Assert.True(keys[0] < keys[1]);
    }

    [Fact]
    public void Build_NfdAndOldStyleText_GivesTheKeysOfTheCanonicalForm()
    {
        string nfd = "Hoà bình và thuỷ lợi".Normalize(System.Text.NormalizationForm.FormD);
        BytesRef signature = Build("", nfd);

        Assert.True(Has(signature, AccentScope.Body, "hòa"));
        Assert.True(Has(signature, AccentScope.Body, "thủy"));
        Assert.True(Has(signature, AccentScope.Body, "bình"));
    }

    [Fact]
    public void Build_CorpusArticles_FindsEveryAccentedWordAndOnlyThose()
    {
        var analyzed = new AnalyzedText();
        foreach (ArticleDocument article in TestCorpus.All.Take(40))
        {
            BytesRef signature = Build(article.Title, article.Body);
            analyzed.Analyze(article.Body.AsMemory(), VietnameseNormalizer.Default, fold: true, lower: true);
            var accented = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < analyzed.Count; i++)
            {
                string word = analyzed.Accented(i).ToString();
                Assert.Equal(analyzed.FoldingChanges(i), Has(signature, AccentScope.Body, word));
                if (analyzed.FoldingChanges(i))
                {
                    accented.Add(word);
                }
            }

            Assert.True(Keys(signature).Length >= accented.Count);
        }
    }

    [Fact]
    public void Build_RandomText_HoldsExactlyTheKeysOfTheWordsFoldingChanges()
    {
        // The signature lower-cases only the words that are not ASCII; the keys must be those of every word whose
        // lower-case form folding changes, as the analysis with both forms sees them.
        const string Alphabet = "aăâeêoôơuưiyđĐÁÀẢÃẠàảãạÊỀỂ\u0301\u0300 \n.,-/0123456789ÐKkéÉİΣσЖж\u00A0\uD83D\uDE00\uD801\uDC00";
        var random = new Random(20261124);
        var analyzed = new AnalyzedText();
        for (int round = 0; round < 500; round++)
        {
            string text = RandomText.Next(random, Alphabet, 120);
            BytesRef signature = Build("", text);
            analyzed.Analyze(text.AsMemory(), VietnameseNormalizer.Default, fold: true, lower: true);
            var expected = new SortedSet<uint>();
            for (int i = 0; i < analyzed.Count; i++)
            {
                if (analyzed.FoldingChanges(i))
                {
                    expected.Add(AccentSignature.WordKey(AccentScope.Body, analyzed.Accented(i)));
                }
            }

            Assert.Equal(expected, Keys(signature));
        }
    }

    [Fact]
    public void Build_ArticleWithMoreAccentedWordsThanTheLimit_KeepsTheLimit()
    {
        // Tens of thousands of distinct accented words (a pasted word list, a mangled page) must not make the
        // doc value too long for Lucene.
        string body = string.Join(' ', ManyAccentedWords(20_000));
        BytesRef signature = Build("", body);

        Assert.Equal(AccentSignature.MaxKeys, Keys(signature).Length);
    }

    [Fact]
    public void Index_ArticleWithMoreAccentedWordsThanTheLimit_IsIndexedAndFound()
    {
        using var folder = new TempIndexFolder();
        using ArticleIndex index = ArticleIndex.OpenOrCreate(folder.Path);
        List<string> words = ManyAccentedWords(20_000);
        index.AddOrUpdate(new ArticleDocument { Id = "long", Url = "https://x.vn/long", Title = "Danh sách", Body = string.Join(' ', words) });
        index.AddOrUpdate(new ArticleDocument { Id = "short", Url = "https://x.vn/short", Title = "Tin", Body = "Dân vận khéo." });
        index.Commit();

        Assert.Equal("long", Assert.Single(index.Search(words[^1]).Hits).Id);
        Assert.Equal("short", Assert.Single(index.Search("dan van kheo").Hits).Id);
    }

    private static List<string> ManyAccentedWords(int count)
    {
        const string Letters = "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệ";
        var words = new List<string>(count);
        for (int n = 0; words.Count < count; n++)
        {
            words.Add(new string([Letters[n % Letters.Length], Letters[(n / Letters.Length) % Letters.Length], Letters[(n / Letters.Length / Letters.Length) % Letters.Length], 'n']));
        }

        return words;
    }

    private static BytesRef Build(string title, string content)
    {
        var analyzedTitle = new AnalyzedText();
        var analyzedContent = new AnalyzedText();
        analyzedTitle.Analyze(title.AsMemory(), VietnameseNormalizer.Default, fold: true, lower: true);
        analyzedContent.Analyze(content.AsMemory(), VietnameseNormalizer.Default, fold: true, lower: true);
        return BytesRef.DeepCopyOf(new AccentSignature().Build(analyzedTitle, analyzedContent));
    }

    private static bool Has(BytesRef signature, AccentScope scope, string word) => AccentSignature.Contains(signature, AccentSignature.WordKey(scope, word));

    private static uint[] Keys(BytesRef signature)
    {
        var keys = new uint[signature.Length / sizeof(uint)];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = BinaryPrimitives.ReadUInt32LittleEndian(signature.Bytes.AsSpan(signature.Offset + (i * sizeof(uint))));
        }

        return keys;
    }
}
