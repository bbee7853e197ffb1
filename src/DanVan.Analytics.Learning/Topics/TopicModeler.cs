using System.Globalization;
using DanVan.Analytics.Learning.Features;
using DanVan.Analytics.Learning.Models;
using DanVan.Analytics.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace DanVan.Analytics.Learning.Topics;

/// <summary>
/// Topics over time: ML.NET's <c>LatentDirichletAllocation</c> over the articles' accented words and bigrams (function
/// words left out), each article's mixture, and the topics' share per month.
/// </summary>
public static class TopicModeler
{
    /// <summary>Fits a topic model on <paramref name="articles"/>.</summary>
    /// <exception cref="ArgumentException">No article has a text, or the options are out of range.</exception>
    public static TopicModelResult Fit(IEnumerable<DatedText> articles, TopicModelOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        options ??= new TopicModelOptions();
        if (options.Topics < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Topics, "At least two topics are needed.");
        }

        if (options.MaximumTermsPerDocument < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaximumTermsPerDocument, "The terms per article cannot be negative.");
        }

        // First pass: every article's terms as numbers, so the texts need not stay in memory.
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        var documents = new List<(DatedText Article, int[] Terms)>();
        foreach (DatedText article in articles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            documents.Add((article with { Text = string.Empty }, TermsOf(article.Text, terms, options.MaximumTermsPerDocument)));
        }

        if (documents.All(d => d.Terms.Length == 0))
        {
            throw new ArgumentException("No article has a Vietnamese word to model.", nameof(articles));
        }

        (int[] vocabularyOf, string[] vocabulary) = ChooseVocabulary(documents, terms, options);
        MLContext context = ModelFile.CreateContext(options.Seed);
        var rows = documents.Select(d => new BagRow { Bag = Bag(d.Terms, vocabularyOf, vocabulary.Length) }).ToList();
        var schema = SchemaDefinition.Create(typeof(BagRow));
        schema[nameof(BagRow.Bag)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, vocabulary.Length);
        IDataView data = context.Data.LoadFromEnumerable(rows, schema);

        var lda = context.Transforms.Text.LatentDirichletAllocation(
            "Topics", nameof(BagRow.Bag), numberOfTopics: options.Topics, maximumNumberOfIterations: options.Iterations,
            numberOfThreads: options.NumberOfThreads, numberOfSummaryTermsPerTopic: options.TopWords, resetRandomGenerator: true,
            likelihoodInterval: LikelihoodInterval(options.Iterations));
        var model = (LatentDirichletAllocationTransformer)lda.Fit(data);
        cancellationToken.ThrowIfCancellationRequested();
        float[][] mixtures = context.Data.CreateEnumerable<TopicRow>(model.Transform(data), reuseRowObject: false)
            .Select(r => r.Topics).ToArray();

        var details = model.GetLdaDetails(0);
        var mixtureRecords = documents.Select((d, i) => new DocumentTopics(d.Article.Id, d.Article.Date, mixtures[i])).ToList();
        double[] weights = MeanShares(mixtureRecords.Where(m => m.Mixture.Sum() > 0).Select(m => m.Mixture), options.Topics);
        var topics = Enumerable.Range(0, options.Topics).Select(t => new TopicSummary(
            t,
            details.ItemScoresPerTopic[t].OrderByDescending(w => w.Score).Select(w => vocabulary[w.Item]).ToList(),
            weights[t])).ToList();

        var trends = mixtureRecords
            .Where(m => m.Date is not null && m.Mixture.Sum() > 0)
            .GroupBy(m => m.Date!.Value.ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TopicTrend(g.Key, g.Count(), MeanShares(g.Select(m => m.Mixture), options.Topics)))
            .ToList();
        return new TopicModelResult(topics, mixtureRecords, trends, vocabulary.Length);
    }

    // The sampler's log-likelihood is only logged, never used: computed once at the end rather than every 5 iterations.
    private static int LikelihoodInterval(int iterations) => Math.Max(1, iterations);

    /// <summary>The terms of a text the topics are made of: accented words and bigrams of two content words.</summary>
    internal static List<string> Terms(string text)
    {
        var sink = new WordSink(new List<string>());
        VietnameseTerms.Scan(VietnameseNormalizer.Default.Normalize(text), ref sink, StopWords.Default, foldedTwins: false);
        return sink.Terms;
    }

    private static int[] TermsOf(string text, Dictionary<string, int> ids, int maximum)
    {
        List<string> terms = Terms(text ?? string.Empty);
        var result = new int[maximum > 0 ? Math.Min(maximum, terms.Count) : terms.Count];
        for (int i = 0; i < result.Length; i++)
        {
            if (!ids.TryGetValue(terms[i], out int id))
            {
                id = ids.Count;
                ids.Add(terms[i], id);
            }

            result[i] = id;
        }

        return result;
    }

    private static (int[] VocabularyOf, string[] Vocabulary) ChooseVocabulary(
        List<(DatedText Article, int[] Terms)> documents, Dictionary<string, int> ids, TopicModelOptions options)
    {
        var documentFrequency = new int[ids.Count];
        foreach ((_, int[] terms) in documents)
        {
            foreach (int id in terms.Distinct())
            {
                documentFrequency[id]++;
            }
        }

        int minimum = documents.Count < 20 ? 1 : options.MinimumDocumentFrequency;
        int maximum = Math.Max(minimum, (int)(options.MaximumDocumentShare * documents.Count));
        string[] names = new string[ids.Count];
        foreach ((string term, int id) in ids)
        {
            names[id] = term;
        }

        string[] vocabulary = Enumerable.Range(0, ids.Count)
            .Where(id => documentFrequency[id] >= minimum && documentFrequency[id] <= maximum)
            .OrderByDescending(id => documentFrequency[id]).ThenBy(id => names[id], StringComparer.Ordinal)
            .Take(options.VocabularySize)
            .Select(id => names[id])
            .ToArray();
        var vocabularyOf = new int[ids.Count];
        Array.Fill(vocabularyOf, -1);
        for (int i = 0; i < vocabulary.Length; i++)
        {
            vocabularyOf[ids[vocabulary[i]]] = i;
        }

        return (vocabularyOf, vocabulary);
    }

    private static VBuffer<float> Bag(int[] terms, int[] vocabularyOf, int size)
    {
        var counts = new SortedDictionary<int, float>();
        foreach (int id in terms)
        {
            int slot = vocabularyOf[id];
            if (slot >= 0)
            {
                counts[slot] = counts.GetValueOrDefault(slot) + 1;
            }
        }

        return new VBuffer<float>(size, counts.Count, counts.Values.ToArray(), counts.Keys.ToArray());
    }

    private static double[] MeanShares(IEnumerable<IReadOnlyList<float>> mixtures, int topics)
    {
        var sum = new double[topics];
        int n = 0;
        foreach (IReadOnlyList<float> mixture in mixtures)
        {
            for (int t = 0; t < topics; t++)
            {
                sum[t] += mixture[t];
            }

            n++;
        }

        return sum.Select(s => n == 0 ? 0 : s / n).ToArray();
    }

    private sealed class BagRow
    {
        public VBuffer<float> Bag { get; set; }
    }

    private sealed class TopicRow
    {
        public float[] Topics { get; set; } = [];
    }

    private readonly struct WordSink(List<string> terms) : ITermSink
    {
        public List<string> Terms => terms;

        public void Term(ReadOnlySpan<char> term, TermKind kind)
        {
            if (kind == TermKind.Word && term.Length > 1)
            {
                terms.Add(term.ToString());
            }
        }

        public void Bigram(ReadOnlySpan<char> first, ReadOnlySpan<char> second, bool folded)
        {
            if (!folded && !StopWords.Default.Contains(first) && !StopWords.Default.Contains(second))
            {
                terms.Add(string.Concat(first, " ", second));
            }
        }
    }
}
