using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Text;

namespace DanVan.Benchmarks;

/// <summary>
/// A deterministic corpus of any size made by shuffling the sentences of the committed seed articles
/// (seeded <see cref="Random"/>): same count and seed, same articles, on every machine.
/// </summary>
internal static class SyntheticArticles
{
    /// <summary>The article count a benchmark run uses: <c>DANVAN_BENCH_ARTICLES</c> (comma-separated) or 100,000.</summary>
    public static IEnumerable<int> Counts()
    {
        string? configured = Environment.GetEnvironmentVariable("DANVAN_BENCH_ARTICLES");
        return string.IsNullOrWhiteSpace(configured)
            ? [100_000]
            : configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static readonly string[] s_sites = ["baomoi.com", "nhandan.vn", "dangcongsan.vn", "hanoimoi.vn", "vietnamnet.vn", "thanhnien.vn", "sggp.org.vn", "qdnd.vn"];
    private static readonly string[] s_codes = ["25-NQ/TW", "218-QĐ/TW", "217-QĐ/TW", "43-NQ/TW", "04/2015/NĐ-CP", "120-QĐ/TW", "23-NQ/TW", "33-NQ/TW"];
    private static readonly string[] s_officials = ["Nguyễn Doãn Toản", "Hoàng Trung Hải", "Nguyễn Văn Hùng", "Điểu K’ré", "Bùi Thị Minh Hoài", "Trương Thị Mai", "Nguyễn Thanh Hải", "Đào Đức Toàn"];

    /// <summary>The sentences of the seed articles, in file order.</summary>
    public static IReadOnlyList<string> Sentences { get; } = LoadSentences();

    /// <summary>Generates <paramref name="count"/> articles: a title sentence, 6–16 body sentences in 2–4 paragraphs, a date in 2015–2025, a site, and facts.</summary>
    public static List<ArticleDocument> Generate(int count, int seed = 2025)
    {
        var random = new Random(seed);
        IReadOnlyList<string> sentences = Sentences;
        var articles = new List<ArticleDocument>(count);
        var body = new System.Text.StringBuilder();
        for (int n = 0; n < count; n++)
        {
            body.Clear();
            int sentenceCount = random.Next(6, 17);
            int paragraphEvery = random.Next(3, 6);
            for (int s = 0; s < sentenceCount; s++)
            {
                if (s > 0)
                {
                    body.Append(s % paragraphEvery == 0 ? "\n\n" : " ");
                }

                body.Append(sentences[random.Next(sentences.Count)]);
            }

            string site = s_sites[random.Next(s_sites.Length)];
            articles.Add(new ArticleDocument
            {
                Id = $"synthetic-{n}",
                Url = $"https://{site}/bai-{n}.html",
                Site = site,
                Title = sentences[random.Next(sentences.Count)],
                Body = body.ToString(),
                Published = new DateTimeOffset(2015, 1, 1, 8, 0, 0, TimeSpan.FromHours(7)).AddDays(random.Next(0, 4018)).AddMinutes(random.Next(0, 600)),
                DocumentCodes = random.Next(3) == 0 ? [s_codes[random.Next(s_codes.Length)]] : [],
                Officials = random.Next(2) == 0 ? [s_officials[random.Next(s_officials.Length)], s_officials[random.Next(s_officials.Length)]] : [],
                ModelCounts = random.Next(4) == 0 ? [random.Next(1, 200)] : [],
            });
        }

        return articles;
    }

    /// <summary>Distinct 1–3 syllable queries taken from the seed sentences, every other one typed without diacritics.</summary>
    public static List<string> Queries(int count, int seed = 7)
    {
        var random = new Random(seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queries = new List<string>(count);
        IReadOnlyList<string> sentences = Sentences;
        while (queries.Count < count)
        {
            string sentence = sentences[random.Next(sentences.Count)];
            var syllables = new List<string>();
            foreach (Token token in SyllableTokenizer.Tokenize(sentence))
            {
                if (token.Kind == TokenKind.Syllable)
                {
                    syllables.Add(token.TextIn(sentence).ToString().ToLowerInvariant());
                }
            }

            if (syllables.Count < 3)
            {
                continue;
            }

            int words = random.Next(1, 4);
            int start = random.Next(0, syllables.Count - words + 1);
            string query = string.Join(' ', syllables.GetRange(start, words));
            if (queries.Count % 2 == 1)
            {
                query = VietnameseFolder.Fold(query);
            }

            if (seen.Add(query))
            {
                queries.Add(query);
            }
        }

        return queries;
    }

    private static List<string> LoadSentences()
    {
        var sentences = new List<string>();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(BenchmarkCorpus.Directory, "seeds"), "*.txt").Order(StringComparer.Ordinal))
        {
            string text = VietnameseNormalizer.Default.Normalize(File.ReadAllText(file));
            foreach (TextSpan span in SentenceSegmenter.Split(text))
            {
                if (span.Length >= 30)
                {
                    sentences.Add(text.Substring(span.Start, span.Length));
                }
            }
        }

        return sentences;
    }
}
