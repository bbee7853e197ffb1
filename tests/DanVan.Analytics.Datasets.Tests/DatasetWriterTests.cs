using System.Data;
using System.Text.Json.Nodes;
using DanVan.Analytics.Datasets.Ner;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Datasets.Tests.Fixtures;
using DanVan.Analytics.Extraction;
using DanVan.Analytics.Text;
using DuckDB.NET.Data;
using YamlDotNet.Serialization;

namespace DanVan.Analytics.Datasets.Tests;

public sealed class DatasetWriterTests(DatasetFixture fixture) : IClassFixture<DatasetFixture>
{
    private static readonly string[] Tables = ["articles", "documents", "model_counts", "officials"];
    private static readonly string[] DuplicatePair = ["jsonld-only-modern", "labour-daily-thanhxuan"];
    private static readonly string[] SplitPlanNames = ["train", "dev", "test"];

    private string Out(string file) => Path.Combine(fixture.Output, file);

    private static List<object?[]> Query(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static string Csv(string path) =>
        $"read_csv('{path}', header = true, delim = ',', quote = '\"', escape = '\"', all_varchar = true, strict_mode = true)";

    [Fact]
    public void BadLine_IsReportedWithItsNumber_AndTheRestIsWritten()
    {
        BadLine bad = Assert.Single(fixture.BadLines);
        Assert.Equal(fixture.Input, bad.File);
        Assert.Equal(File.ReadLines(fixture.Input).Count(), bad.Line);
        Assert.Equal(File.ReadLines(fixture.Input).Count() - 1, fixture.Summary.ArticlesRead);
    }

    [Fact]
    public void DuckDb_ReadsParquetAndCsv_WithTheRowsAndValuesOfTheJsonl()
    {
        JsonObject manifest = JsonNode.Parse(File.ReadAllText(Out("manifest.json")))!.AsObject();
        foreach (string table in Tables)
        {
            List<JsonObject> jsonl = DatasetInputs.ReadJsonl(Out(table + ".jsonl"));
            long parquetCount = (long)Query($"SELECT count(*) FROM read_parquet('{Out(table + ".parquet")}')")[0][0]!;
            long csvCount = (long)Query($"SELECT count(*) FROM {Csv(Out(table + ".csv"))}")[0][0]!;
            Assert.Equal(jsonl.Count, parquetCount);
            Assert.Equal(jsonl.Count, csvCount);
            Assert.Equal(jsonl.Count, (long)manifest["files"]![table + ".parquet"]!);
        }

        Assert.True(DatasetInputs.ReadJsonl(Out("officials.jsonl")).Count > 20, "the texts name officials");

        // Row by row, in file order: the same values through both formats.
        List<JsonObject> articles = DatasetInputs.ReadJsonl(Out("articles.jsonl"));
        List<object?[]> parquet = Query($"SELECT article_id, title, split, text_sha256, text_length FROM read_parquet('{Out("articles.parquet")}')");
        List<object?[]> csv = Query($"SELECT article_id, title, split, text_sha256, text_length FROM {Csv(Out("articles.csv"))}");
        for (int i = 0; i < articles.Count; i++)
        {
            Assert.Equal((string?)articles[i]["article_id"], parquet[i][0]);
            Assert.Equal((string?)articles[i]["title"], parquet[i][1]);
            Assert.Equal((string?)articles[i]["title"] ?? "", csv[i][1] ?? "");
            Assert.Equal((string?)articles[i]["split"], csv[i][2]);
            Assert.Equal((string?)articles[i]["text_sha256"], parquet[i][3]);
            Assert.Equal(((long)articles[i]["text_length"]!).ToString(System.Globalization.CultureInfo.InvariantCulture), csv[i][4]);
        }

        Assert.Contains(csv, r => (string?)r[1] == DatasetInputs.TrickyTitle);

        List<JsonObject> officials = DatasetInputs.ReadJsonl(Out("officials.jsonl"));
        List<object?[]> officialCsv = Query($"SELECT name, titles FROM {Csv(Out("officials.csv"))}");
        List<object?[]> officialParquet = Query($"SELECT name, len(titles), titles[1] FROM read_parquet('{Out("officials.parquet")}')");
        for (int i = 0; i < officials.Count; i++)
        {
            string[] titles = [.. officials[i]["titles"]!.AsArray().Select(t => (string)t!)];
            Assert.Equal((string?)officials[i]["name"], officialParquet[i][0]);
            Assert.Equal((long)titles.Length, Convert.ToInt64(officialParquet[i][1], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(titles.FirstOrDefault(), officialParquet[i][2]);
            Assert.Equal(string.Join("; ", titles), officialCsv[i][1] ?? "");
        }
    }

    [Fact]
    public void FactColumns_EqualWhatTheExtractorGivesForTheText()
    {
        var texts = File.ReadLines(fixture.Input).Where(l => l.Contains("\"text\"", StringComparison.Ordinal))
            .Select(l => JsonNode.Parse(l)!.AsObject()).ToDictionary(o => (string)o["id"]!, o => (string)o["text"]!);
        var documents = DatasetInputs.ReadJsonl(Out("documents.jsonl")).ToLookup(d => (string)d["article_id"]!);
        var officials = DatasetInputs.ReadJsonl(Out("officials.jsonl")).ToLookup(d => (string)d["article_id"]!);
        var counts = DatasetInputs.ReadJsonl(Out("model_counts.jsonl")).ToLookup(d => (string)d["article_id"]!);
        int checkedFacts = 0;
        foreach ((string id, string text) in texts)
        {
            ExtractionResult expected = ArticleExtractor.Default.Extract(text);
            Assert.Equal(expected.Documents.Select(d => (d.Canonical, d.Span.Start, d.Span.Length, d.Surface)),
                documents[id].Select(d => ((string?)d["canonical"], (int)d["start"]!, (int)d["length"]!, (string)d["surface"]!)));
            Assert.Equal(expected.ModelCounts.Select(c => (c.Value, c.Span.Start, c.Surface)),
                counts[id].Select(c => ((long)c["value"]!, (int)c["start"]!, (string)c["surface"]!)));
            Assert.Equal(expected.Officials.Select(o => (o.Name, o.Mentions.Count, string.Join("|", o.Titles.Select(t => t.Text)))),
                officials[id].Select(o => ((string)o["name"]!, (int)o["mentions"]!, string.Join("|", o["titles"]!.AsArray().Select(t => (string)t!)))));
            foreach (JsonObject d in documents[id])
            {
                Assert.Equal((string)d["surface"]!, text.Substring((int)d["start"]!, (int)d["length"]!));
            }

            checkedFacts += expected.Documents.Count + expected.Officials.Count;
        }

        Assert.True(checkedFacts > 30, $"only {checkedFacts} facts were compared");
    }

    [Fact]
    public void NerParquet_ReadByDuckDb_HoldsTheRowsOfTheJsonl_InOrder_OverSeveralRowGroups()
    {
        int groups = 0;
        foreach (string split in SplitPlanNames)
        {
            List<JsonObject> rows = DatasetInputs.ReadJsonl(Out($"ner/{split}.jsonl"));
            string file = Out($"ner/{split}.parquet");
            List<object?[]> parquet = Query($"SELECT id, article_id, array_to_string(tokens, '\u0001'), array_to_string(ner_tags, ' '), len(tokens) FROM read_parquet('{file}')");
            Assert.Equal(rows.Count, parquet.Count);
            for (int i = 0; i < rows.Count; i++)
            {
                Assert.Equal((string?)rows[i]["id"], parquet[i][0]);
                Assert.Equal((string?)rows[i]["article_id"], parquet[i][1]);
                Assert.Equal(string.Join('\u0001', rows[i]["tokens"]!.AsArray().Select(t => (string)t!)), parquet[i][2]);
                Assert.Equal(string.Join(' ', rows[i]["ner_tags"]!.AsArray().Select(t => (int)t!)), parquet[i][3]);
                Assert.Equal((long)rows[i]["tokens"]!.AsArray().Count, Convert.ToInt64(parquet[i][4], System.Globalization.CultureInfo.InvariantCulture));
            }

            groups += Convert.ToInt32(Query($"SELECT count(DISTINCT row_group_id) FROM parquet_metadata('{file}')")[0][0], System.Globalization.CultureInfo.InvariantCulture);
        }

        // The fixture's row groups are small (50 fact rows, 10 sentences), so the sentences span several groups.
        Assert.True(groups > 3, $"only {groups} row groups");
    }

    [Fact]
    public void Conll_IsWellFormedIob2_AndAgreesWithTheJsonl()
    {
        JsonObject manifest = JsonNode.Parse(File.ReadAllText(Out("manifest.json")))!.AsObject();
        Assert.Equal(NerLabels.All, manifest["ner_labels"]!.AsArray().Select(l => (string)l!));
        var articlesPerSplit = DatasetInputs.ReadJsonl(Out("articles.jsonl")).GroupBy(a => (string)a["split"]!).ToDictionary(g => g.Key, g => g.Count());
        foreach (string split in (string[])["train", "dev", "test"])
        {
            List<JsonObject> rows = DatasetInputs.ReadJsonl(Out($"ner/{split}.jsonl"));
            var sentences = new List<List<(string Token, string Tag)>>();
            List<(string, string)>? current = null;
            int docs = 0;
            foreach (string line in File.ReadLines(Out($"ner/{split}.conll")))
            {
                if (line == "-DOCSTART- O")
                {
                    docs++;
                    continue;
                }

                if (line.Length == 0)
                {
                    current = null;
                    continue;
                }

                string[] parts = line.Split(' ');
                Assert.Equal(2, parts.Length);
                Assert.Contains(parts[1], NerLabels.All);
                if (current is null)
                {
                    current = [];
                    sentences.Add(current);
                }

                string previous = current.Count > 0 ? current[^1].Item2 : "O";
                if (parts[1].StartsWith("I-", StringComparison.Ordinal))
                {
                    Assert.True(previous == "B-" + parts[1][2..] || previous == parts[1], $"{parts[1]} after {previous} in {split}");
                }

                current.Add((parts[0], parts[1]));
            }

            Assert.Equal(articlesPerSplit.GetValueOrDefault(split), docs);
            Assert.Equal(rows.Count, sentences.Count);
            for (int i = 0; i < rows.Count; i++)
            {
                Assert.Equal(sentences[i].Select(t => t.Token), rows[i]["tokens"]!.AsArray().Select(t => (string)t!));
                Assert.Equal(sentences[i].Select(t => t.Tag), rows[i]["ner_tags"]!.AsArray().Select(t => NerLabels.All[(int)t!]));
            }
        }
    }

    [Fact]
    public void EveryExtractedOfficial_HasAPerSpanAtEachMention()
    {
        var rows = SplitPlanNames.SelectMany(s => DatasetInputs.ReadJsonl(Out($"ner/{s}.jsonl")))
            .ToLookup(r => (string)r["article_id"]!);
        var texts = File.ReadLines(fixture.Input).Where(l => l.Contains("\"text\"", StringComparison.Ordinal))
            .Select(l => JsonNode.Parse(l)!.AsObject()).ToDictionary(o => (string)o["id"]!, o => (string)o["text"]!);
        int mentions = 0;
        foreach ((string id, string text) in texts)
        {
            // The tags in text order, each with its token's offsets (the tokenizer's, sentence after sentence).
            var tags = new List<(int Start, int End, string Tag)>();
            List<JsonObject> sentences = [.. rows[id]];
            int s = 0;
            foreach (TextSpan sentence in SentenceSegmenter.Split(text))
            {
                var tokens = new List<Token>();
                foreach (Token t in SyllableTokenizer.Tokenize(text.AsSpan(0, sentence.End), sentence.Start))
                {
                    tokens.Add(t);
                }

                JsonArray tagged = sentences[s++]["ner_tags"]!.AsArray();
                Assert.Equal(tokens.Count, tagged.Count);
                tags.AddRange(tokens.Select((t, i) => (t.Start, t.End, NerLabels.All[(int)tagged[i]!])));
            }

            foreach (OfficialMention m in ArticleExtractor.Default.Extract(text).Officials.SelectMany(o => o.Mentions))
            {
                var covered = tags.Where(t => t.Start < m.Span.End && t.End > m.Span.Start).ToList();
                Assert.NotEmpty(covered);
                Assert.Equal("B-PER", covered[0].Tag);
                Assert.All(covered.Skip(1), t => Assert.Equal("I-PER", t.Tag));
                mentions++;
            }
        }

        Assert.True(mentions > 30, $"only {mentions} mentions were checked");
    }

    [Fact]
    public void Splits_KeepEachSiteInOneSplit_ExceptNearDuplicatesWhichFollowTheirOriginal()
    {
        List<JsonObject> articles = DatasetInputs.ReadJsonl(Out("articles.jsonl"));
        foreach (var site in articles.Where(a => a["duplicate_of"] is null && a["site"] is not null).GroupBy(a => (string)a["site"]!))
        {
            Assert.Single(site.Select(a => (string)a["split"]!).Distinct());
        }

        Assert.True(articles.Select(a => (string)a["split"]!).Distinct().Count() == 3, "all three splits are used");
        var byId = articles.ToDictionary(a => (string)a["article_id"]!);
        foreach (JsonObject d in articles.Where(a => a["duplicate_of"] is not null))
        {
            Assert.Equal((string)byId[(string)d["duplicate_of"]!]["split"]!, (string)d["split"]!);
        }
    }

    [Fact]
    public void NearDuplicates_TheSameStoryOnTwoSites_AreFound_AndEachPairReallyIsNearlyTheSameText()
    {
        // The modern JSON-LD page and the labour daily's page carry one story under two site names; the HTML fixtures are
        // also the pages of the seed texts. The excerpts of labeled2 are distinct items.
        List<JsonObject> duplicates = DatasetInputs.ReadJsonl(Out("duplicates.jsonl"));
        Assert.Contains(duplicates, d => DuplicatePair.Contains((string)d["article_id"]!) && DuplicatePair.Contains((string)d["duplicate_of"]!));
        Assert.Contains(duplicates, d => ((string)d["article_id"]!).EndsWith(".txt", StringComparison.Ordinal));
        Assert.DoesNotContain(duplicates, d => ((string)d["article_id"]!).StartsWith("d-", StringComparison.Ordinal));
        Assert.Equal(duplicates.Count, fixture.Summary.Duplicates);

        // An independent measure: the exact Jaccard similarity of the two texts' word 5-shingle sets.
        Dictionary<string, string> texts = ArticleTexts();
        foreach (JsonObject d in duplicates)
        {
            double jaccard = Jaccard(Shingles(texts[(string)d["article_id"]!]), Shingles(texts[(string)d["duplicate_of"]!]));
            Assert.True(jaccard >= 0.6, $"{d["article_id"]} and {d["duplicate_of"]}: exact Jaccard {jaccard:F2}");
        }
    }

    private Dictionary<string, string> ArticleTexts() =>
        File.ReadLines(fixture.Input).Select(l => { try { return JsonNode.Parse(l) as JsonObject; } catch (System.Text.Json.JsonException) { return null; } })
            .OfType<JsonObject>()
            .ToDictionary(o => (string)o["id"]!, o => (string?)o["text"] ?? ArticleText.Compose((string?)o["title"], (string?)o["lead"], (string?)o["body"]));

    private static HashSet<string> Shingles(string text)
    {
        string[] words = System.Text.RegularExpressions.Regex.Matches(text.ToLowerInvariant(), @"\w+").Select(m => m.Value).ToArray();
        return [.. Enumerable.Range(0, Math.Max(0, words.Length - 4)).Select(i => string.Join(' ', words, i, 5))];
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b) => a.Intersect(b).Count() / (double)a.Union(b).Count();

    [Fact]
    public void Card_FrontMatterParses_AndAgreesWithTheFiles()
    {
        string card = File.ReadAllText(Out("README.md"));
        Assert.StartsWith("---\n", card, StringComparison.Ordinal);
        string yaml = card[4..card.IndexOf("\n---\n", 4, StringComparison.Ordinal)];
        var front = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(yaml);
        Assert.Equal(["vi"], ((List<object>)front["language"]).Cast<string>());
        Assert.Contains("token-classification", ((List<object>)front["task_categories"]).Cast<string>());
        foreach (Dictionary<object, object> config in ((List<object>)front["configs"]).Cast<Dictionary<object, object>>())
        {
            foreach (Dictionary<object, object> data in ((List<object>)config["data_files"]).Cast<Dictionary<object, object>>())
            {
                Assert.True(File.Exists(Out((string)data["path"])), $"{data["path"]} of the card exists");
            }
        }

        var info = (Dictionary<object, object>)((List<object>)front["dataset_info"])[0];
        var tags = (Dictionary<object, object>)((List<object>)info["features"]).Cast<Dictionary<object, object>>().Single(f => (string)f["name"] == "ner_tags")["sequence"];
        var names = (Dictionary<object, object>)((Dictionary<object, object>)tags["class_label"])["names"];
        Assert.Equal(NerLabels.All, Enumerable.Range(0, names.Count).Select(i => (string)names[i.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        var splits = ((List<object>)info["splits"]).Cast<Dictionary<object, object>>().ToDictionary(s => (string)s["name"], s => long.Parse((string)s["num_examples"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DatasetInputs.ReadJsonl(Out("ner/dev.jsonl")).Count, splits["validation"]);
        Assert.Equal(DatasetInputs.ReadJsonl(Out("ner/train.jsonl")).Count, splits["train"]);
    }

    [Fact]
    public void Staging_LeavesNoHiddenFolder_AfterASuccessfulRun()
    {
        Assert.Empty(Directory.EnumerateDirectories(fixture.Output, ".partial-*"));
        Assert.Equal(
            DatasetInputs.ReadJsonl(Out("articles.jsonl")).Count,
            DatasetInputs.ReadJsonl(Out("ner/spans.jsonl")).Count);
    }
}
