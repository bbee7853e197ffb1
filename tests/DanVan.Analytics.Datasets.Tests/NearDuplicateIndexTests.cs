using DanVan.Analytics.Datasets.Dedupe;

namespace DanVan.Analytics.Datasets.Tests;

public sealed class NearDuplicateIndexTests
{
    private static readonly string[] Syllables =
    [
        "công", "tác", "dân", "vận", "chính", "quyền", "mặt", "trận", "tổ", "quốc", "hội", "nông", "dân", "phụ", "nữ", "thanh",
        "niên", "cựu", "chiến", "binh", "xã", "phường", "huyện", "tỉnh", "thành", "phố", "nhân", "dân", "đảng", "bộ", "chi",
        "ủy", "ban", "kiểm", "tra", "giám", "sát", "phản", "biện", "xây", "dựng", "nông", "thôn", "mới", "đô", "thị", "văn",
        "minh", "khéo", "giỏi", "mô", "hình", "điển", "hình", "tiên", "tiến", "phong", "trào", "thi", "đua", "hộ", "nghèo",
    ];

    // Texts of random syllables share few 5-word shingles; every tenth text copies an earlier one with a few words changed.
    private static List<(string Id, string Text, int? CopyOf)> Corpus(int count)
    {
        var random = new Random(7);
        var texts = new List<(string, string, int?)>(count);
        for (int i = 0; i < count; i++)
        {
            if (i % 10 == 9)
            {
                int original = random.Next(i);
                string[] words = texts[original].Item2.Split(' ');
                for (int k = 0; k < 3; k++)
                {
                    words[random.Next(words.Length)] = "khác";
                }

                texts.Add(("a" + i, string.Join(' ', words), original));
                continue;
            }

            texts.Add(("a" + i, string.Join(' ', Enumerable.Range(0, 200).Select(_ => Syllables[random.Next(Syllables.Length)])), null));
        }

        return texts;
    }

    [Fact]
    public void FindsEachNearCopy_AndNothingElse_PastItsBlockAndTableSizes()
    {
        // 3,000 articles: three signature blocks of 1,024 and 48,000 band keys, so the band table grows several times.
        List<(string Id, string Text, int? CopyOf)> corpus = Corpus(3_000);
        var index = new NearDuplicateIndex();
        int copies = 0;
        for (int i = 0; i < corpus.Count; i++)
        {
            NearDuplicate? found = index.FindAndAdd(corpus[i].Id, NearDuplicateIndex.Signature(corpus[i].Text), i % 3);
            if (corpus[i].CopyOf is not null)
            {
                copies++;
                Assert.NotNull(found);
                // A copy of a copy may be matched to any text of its chain.
                Assert.True(Related(corpus, corpus.FindIndex(c => c.Id == found.DuplicateOf), i), $"{corpus[i].Id} matched {found.DuplicateOf}");
                Assert.True(found.Similarity >= index.Threshold);
            }
            else
            {
                Assert.Null(found);
            }
        }

        Assert.Equal(300, copies);
    }

    // Two texts of one copy chain (one copies the other, directly or through copies).
    private static bool Related(List<(string Id, string Text, int? CopyOf)> corpus, int a, int b)
    {
        int Root(int i)
        {
            while (corpus[i].CopyOf is int earlier)
            {
                i = earlier;
            }

            return i;
        }

        return Root(a) == Root(b);
    }

    [Fact]
    public void ADuplicate_JoinsTheSplitOfItsOriginal()
    {
        List<(string Id, string Text, int? CopyOf)> corpus = Corpus(10);
        var index = new NearDuplicateIndex();
        for (int i = 0; i < 9; i++)
        {
            Assert.Null(index.FindAndAdd(corpus[i].Id, NearDuplicateIndex.Signature(corpus[i].Text), i % 3));
        }

        int original = corpus[9].CopyOf!.Value;
        NearDuplicate? found = index.FindAndAdd(corpus[9].Id, NearDuplicateIndex.Signature(corpus[9].Text), (original % 3) + 1);
        Assert.NotNull(found);
        Assert.Equal(corpus[original].Id, found.DuplicateOf);
        Assert.Equal(original % 3, found.Split);
    }
}
