using System.Text.Json;
using DanVan.Analytics.Learning.Data;
using DanVan.Analytics.Learning.Topics;

namespace DanVan.Analytics.Learning.Tests.Topics;

public sealed class TopicModelerTests
{
    private static List<DatedText> Articles()
    {
        // The excerpts with a date get one, so trends have months; the rest show that undated articles are modelled too.
        var dates = new Dictionary<string, DateOnly>();
        foreach (string line in File.ReadLines(PublicCorpus.Files[1]))
        {
            using JsonDocument d = JsonDocument.Parse(line);
            if (d.RootElement.GetProperty("date").GetString() is { } date)
            {
                dates[d.RootElement.GetProperty("id").GetString()!] = DateOnly.ParseExact(date.Length == 7 ? date + "-01" : date, "yyyy-MM-dd");
            }
        }

        return LabeledDataReader.Read(PublicCorpus.Files)
            .Select(e => new DatedText(e.Id, e.Text, dates.TryGetValue(e.Id, out DateOnly day) ? day : null))
            .ToList();
    }

    [Fact]
    public void Fit_PublicCorpus_GivesTopicsMixturesAndTrends()
    {
        List<DatedText> articles = Articles();
        TopicModelResult result = TopicModeler.Fit(articles, new TopicModelOptions { Topics = 6, Iterations = 60 });

        Assert.Equal(6, result.Topics.Count);
        Assert.All(result.Topics, t => Assert.True(t.TopWords.Count >= 10));
        Assert.All(result.Topics, t => Assert.Equal(t.TopWords.Count, t.TopWords.Distinct().Count()));
        // Accented words, not folded ones: at least half of all listed words carry a letter outside ASCII.
        var words = result.Topics.SelectMany(t => t.TopWords).ToList();
        Assert.True(words.Count(w => w.Any(c => c > 127)) * 2 >= words.Count);
        Assert.Equal(1.0, result.Topics.Sum(t => t.Weight), 3);

        Assert.Equal(articles.Select(a => a.Id), result.Documents.Select(d => d.Id));
        Assert.All(result.Documents, d => Assert.Equal(1.0, d.Mixture.Sum(), 2));

        var months = articles.Where(a => a.Date is not null).Select(a => a.Date!.Value.ToString("yyyy-MM")).Distinct().Order().ToList();
        Assert.Equal(months, result.Trends.Select(t => t.Month));
        Assert.Equal(articles.Count(a => a.Date is not null), result.Trends.Sum(t => t.Documents));
        Assert.All(result.Trends, t => Assert.Equal(1.0, t.Shares.Sum(), 2));
    }

    [Fact]
    public void Fit_TermsCappedPerArticle_ModelsOnlyTheStartOfEachArticle()
    {
        List<DatedText> articles = [.. Articles().Take(80)];
        var options = new TopicModelOptions { Topics = 3, Iterations = 10, MinimumDocumentFrequency = 1 };
        TopicModelResult all = TopicModeler.Fit(articles, options);
        TopicModelResult capped = TopicModeler.Fit(articles, options with { MaximumTermsPerDocument = 40 });

        Assert.True(capped.VocabularySize < all.VocabularySize, $"capped {capped.VocabularySize}, all {all.VocabularySize}");
        Assert.Equal(articles.Count, capped.Documents.Count);
        var starts = articles.SelectMany(a => TopicModeler.Terms(a.Text).Take(40)).ToHashSet(StringComparer.Ordinal);
        Assert.All(capped.Topics.SelectMany(t => t.TopWords), w => Assert.Contains(w, starts));
        Assert.Throws<ArgumentOutOfRangeException>(() => TopicModeler.Fit(articles, options with { MaximumTermsPerDocument = -1 }));
    }

    [Fact]
    public void Write_GivesTheFourOutputsReadableByOtherReaders()
    {
        List<DatedText> articles = Articles();
        TopicModelResult result = TopicModeler.Fit(articles, new TopicModelOptions { Topics = 4, Iterations = 30 });
        string directory = Path.Combine(Path.GetTempPath(), $"topics-{Guid.NewGuid():N}");
        try
        {
            TopicOutputWriter.Write(result, directory);

            using JsonDocument topics = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "topics.json")));
            JsonElement list = topics.RootElement.GetProperty("topics");
            Assert.Equal(4, list.GetArrayLength());
            Assert.All(list.EnumerateArray(), t => Assert.True(t.GetProperty("top_words").GetArrayLength() >= 10));
            Assert.Contains(list.EnumerateArray().SelectMany(t => t.GetProperty("top_words").EnumerateArray()), w => w.GetString()!.Any(c => c > 127));

            string[] docLines = File.ReadAllLines(Path.Combine(directory, "doc_topics.jsonl"));
            Assert.Equal(articles.Count, docLines.Length);
            using (JsonDocument first = JsonDocument.Parse(docLines[0]))
            {
                Assert.Equal(articles[0].Id, first.RootElement.GetProperty("id").GetString());
                Assert.Equal(4, first.RootElement.GetProperty("topics").GetArrayLength());
            }

            string[] csv = File.ReadAllLines(Path.Combine(directory, "trends.csv"));
            Assert.Equal("month,documents,topic_0,topic_1,topic_2,topic_3", csv[0]);
            Assert.Equal(result.Trends.Count + 1, csv.Length);

            byte[] png = File.ReadAllBytes(Path.Combine(directory, "trends.png"));
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
            Assert.Contains("<svg", File.ReadAllText(Path.Combine(directory, "trends.svg")), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public void Fit_NoVietnameseWords_IsATypedError() =>
        Assert.Throws<ArgumentException>(() => TopicModeler.Fit([new DatedText("a", "2024 ... 12/3", null), new DatedText("b", "", null)]));

    [Fact]
    public void Fit_OneTopic_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TopicModeler.Fit(Articles(), new TopicModelOptions { Topics = 1 }));
}
