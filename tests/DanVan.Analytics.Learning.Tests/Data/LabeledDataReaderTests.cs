using DanVan.Analytics.Learning.Data;

namespace DanVan.Analytics.Learning.Tests.Data;

public sealed class LabeledDataReaderTests
{
    [Theory]
    [InlineData(" date 2023-06 Phong trào thi đua", "Phong trào thi đua")]
    [InlineData(" date 2023-06-12 Phong trào", "Phong trào")]
    [InlineData("Phong trào date 2023-06 thi đua", "Phong trào date 2023-06 thi đua")]
    public void StripDateMarker_RemovesOnlyTheLeadingMarker(string text, string expected) =>
        Assert.Equal(expected, LabeledDataReader.StripDateMarker(text));

    [Fact]
    public void Parse_WrongLabel_IsATypedErrorWithTheLine()
    {
        var e = Assert.Throws<TrainingDataException>(() =>
            LabeledDataReader.Parse("""{"id":"x","site":"a.vn","label":"relevant","text":"Dân vận"}""", "f.jsonl", 7));
        Assert.Equal(7, e.Line);
        Assert.Contains("relevant", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"x","site":"a.vn","label":"danvan","text":"   "}""")]
    [InlineData("""{"id":"x","site":"a.vn","label":"danvan","text":" date 2023-06 "}""")]
    [InlineData("""{"id":"x","site":"a.vn","label":"danvan"}""")]
    [InlineData("""{"site":"a.vn","label":"danvan","text":"Dân vận"}""")]
    [InlineData("""{"id":"x","site":"a.vn","text":"Dân vận"}""")]
    [InlineData("""[1, 2]""")]
    [InlineData("""{"id":"x",""")]
    public void Parse_UnusableLine_IsATypedError(string line) =>
        Assert.Throws<TrainingDataException>(() => LabeledDataReader.Parse(line, "f.jsonl", 1));

    [Fact]
    public void Read_PublicCorpus_HasBothFilesWithoutDateMarkers()
    {
        IReadOnlyList<LabeledArticle> examples = LabeledDataReader.Read(PublicCorpus.Files);
        Assert.Equal(370, examples.Count);
        Assert.Equal(185, examples.Count(e => e.IsRelevant));
        Assert.DoesNotContain(examples, e => e.Text.TrimStart().StartsWith("date ", StringComparison.Ordinal));
        Assert.All(examples.Where(e => e.IsRelevant), e => Assert.False(string.IsNullOrEmpty(e.Topic)));
    }

    [Fact]
    public void Read_RepeatedId_IsATypedError()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, [
                """{"id":"x","site":"a.vn","label":"danvan","text":"Dân vận khéo"}""",
                """{"id":"x","site":"b.vn","label":"other","text":"Bóng đá"}""",
            ]);
            var e = Assert.Throws<TrainingDataException>(() => LabeledDataReader.Read([path]));
            Assert.Equal(2, e.Line);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Hash_DependsOnTheExamplesNotTheirFiles()
    {
        var a = new LabeledArticle("1", "a.vn", "danvan", "dan_van_kheo", "Dân vận khéo");
        var b = a with { Label = "other" };
        Assert.Equal(LabeledDataReader.Hash([a]), LabeledDataReader.Hash([a with { }]));
        Assert.NotEqual(LabeledDataReader.Hash([a]), LabeledDataReader.Hash([b]));
    }

    [Theory]
    [InlineData("https://danvan.hanoi.gov.vn/tin-tuc/1", "hanoi.gov.vn")]
    [InlineData("www.hanoi.gov.vn", "hanoi.gov.vn")]
    [InlineData("baobariavungtau.com.vn", "baobariavungtau.com.vn")]
    [InlineData("https://www.qdnd.vn/chinh-tri/1", "qdnd.vn")]
    [InlineData("tuyengiao.hagiang.dcs.vn", "hagiang.dcs.vn")]
    public void SiteKey_GroupsHostsOfOneSite(string hostOrUrl, string expected) => Assert.Equal(expected, SiteKey.Of(hostOrUrl));
}
