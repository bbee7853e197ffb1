using DanVan.Analytics.Extraction;
using DanVan.Analytics.Learning.Tagging;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Learning.Tests.Tagging;

public sealed class SequenceAndMergeTests
{
    [Fact]
    public void Decode_AnyScores_GivesValidIob2()
    {
        var random = new Random(7);
        for (int run = 0; run < 200; run++)
        {
            float[][] scores = [.. Enumerable.Range(0, 1 + random.Next(12)).Select(_ => Enumerable.Range(0, 5).Select(_ => (float)-random.NextDouble() * 5).ToArray())];
            int[] labels = SequenceDecoder.Decode(scores);
            for (int i = 0; i < labels.Length; i++)
            {
                Assert.True(SequenceDecoder.Allowed(i == 0 ? -1 : labels[i - 1], labels[i]), $"{string.Join(",", labels)}");
            }
        }
    }

    [Fact]
    public void Decode_InsideWithoutBegin_IsRepairedByTheBestValidPath()
    {
        // Token 0 prefers I-PER (impossible at the start), then I-PER again: B-PER I-PER is the best valid reading.
        float[][] scores =
        [
            [-3f, -0.9f, -0.5f, -5f, -5f],
            [-3f, -4f, -0.1f, -5f, -5f],
            [-0.1f, -4f, -4f, -5f, -5f],
        ];
        Assert.Equal([1, 2, 0], SequenceDecoder.Decode(scores));
    }

    [Fact]
    public void Entities_StrayInside_StartsAnEntity()
    {
        Assert.Equal([new TokenEntity(0, 1, 3), new TokenEntity(1, 3, 4)], SequenceDecoder.Entities([0, 2, 2, 4, 0]));
    }

    [Fact]
    public void Read_BadLine_NamesFileAndLine_AndStringTagsAreRead()
    {
        string file = Path.Combine(Path.GetTempPath(), $"ner-{Guid.NewGuid():N}.jsonl");
        try
        {
            File.WriteAllLines(file,
            [
                """{"id":"a#0","article_id":"a","tokens":["ông","Lê","Văn","Tám"],"ner_tags":["O","B-PER","I-PER","I-PER"]}""",
                """{"id":"b#0","article_id":"b","tokens":["Số","25-NQ/TW"],"ner_tags":[0,5]}""",
            ]);
            var sentences = TaggedSentenceReader.Read(file);
            Assert.Equal([0, 1, 2, 2], sentences[0].Tags);
            Assert.Equal([0, 0], sentences[1].Tags); // documents are not the tagger's
            Assert.Equal("a", sentences[0].Group);

            File.AppendAllLines(file, ["""{"id":"c#0","article_id":"c","tokens":["x","y"],"ner_tags":[0]}"""]);
            var error = Assert.Throws<TrainingDataException>(() => TaggedSentenceReader.Read(file));
            Assert.Equal(3, error.Line);

            Assert.Throws<TrainingDataException>(() => NameTaggerTrainer.Train([sentences[1]]));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Merge_AddsOnlyNamesTheirContextSupports()
    {
        const string text = "Dự có ông Hà Minh Tuấn, Phó Chủ tịch Ủy ban, và Phạm Thu Lan cùng người dân thôn Pa Khoang. Chủ tịch Hồ Chí Minh.";
        TaggedEntity Entity(string kind, string surface)
        {
            int start = text.IndexOf(surface, StringComparison.Ordinal);
            return new TaggedEntity(kind, surface, new TextSpan(start, surface.Length), 0, 0.9);
        }

        var tagged = new List<TaggedEntity>
        {
            Entity("PER", "Hà Minh Tuấn"),
            Entity("TITLE", "Phó Chủ tịch Ủy ban"),
            Entity("PER", "Phạm Thu Lan"),   // no title, no honorific: left out
            Entity("PER", "Pa Khoang"),      // after "thôn": a place
            Entity("PER", "Hồ Chí"),         // cut inside a capitalised run
        };
        var rules = new ExtractionResult([], [], []);

        ExtractionResult merged = TaggedOfficials.Merge(text, rules, tagged);

        Official added = Assert.Single(merged.Officials);
        Assert.Equal("Hà Minh Tuấn", added.Name);
        Assert.Equal("Phó Chủ tịch Ủy ban", Assert.Single(added.Titles).Text);
        Assert.Equal(NameEvidence.Position, Assert.Single(added.Mentions).Evidence);

        // A name the rules already hold is theirs, and a tagger name overlapping a rules mention is dropped.
        int start = text.IndexOf("Hà Minh Tuấn", StringComparison.Ordinal);
        var ruled = new Official("Hà Minh Tuấn", [], [new OfficialMention("Hà Minh Tuấn", new TextSpan(start, 12), 0, "Hà Minh Tuấn", [])]);
        ExtractionResult withRules = TaggedOfficials.Merge(text, new ExtractionResult([], [], [ruled]), tagged);
        Assert.Same(ruled, Assert.Single(withRules.Officials));
    }

    [Fact]
    public void Merge_AListAfterAnHonorific_AddsEachNameOfTheList_AndApostropheNames()
    {
        const string text = "Ủy ban Kiểm tra gồm các đồng chí: Đoàn Minh Quang, Trương Công Lý và Siu H’Nhoa. Đoàn Minh Quang phát biểu, Lê Văn Tám nghe.";
        var tagged = new List<TaggedEntity>
        {
            Entity(text, "PER", "Đoàn Minh Quang"),
            Entity(text, "PER", "Trương Công Lý"),
            Entity(text, "PER", "Siu H’Nhoa"),
            Entity(text, "PER", "Lê Văn Tám", sentence: 1),   // no title, no honorific, no list before it: left out
        };

        ExtractionResult merged = TaggedOfficials.Merge(text, new ExtractionResult([], [], []), tagged);

        Assert.Equal(["Đoàn Minh Quang", "Trương Công Lý", "Siu H’Nhoa"], merged.Officials.Select(o => o.Name));
        Assert.True(TaggedOfficials.LooksLikeName("K'Brơi"));
        Assert.False(TaggedOfficials.LooksLikeName("M'"));
        Assert.False(TaggedOfficials.LooksLikeName("Hà"));
    }

    [Theory]
    [InlineData("Trưởng bản Sùng A Hồ cho biết bản có 60 hộ.", "Trưởng bản", "Sùng A Hồ", true)]
    [InlineData("Trưởng thôn Lò Văn Pọm cho biết.", "Trưởng thôn", "Lò Văn Pọm", true)]
    [InlineData("Chủ tịch UBND xã Ea Kao cho biết.", "Chủ tịch UBND xã", "Ea Kao", false)]          // a place's name after "xã"
    [InlineData("Chủ tịch UBND phường Nguyễn Thái Bình cho biết.", "Chủ tịch UBND phường", "Nguyễn Thái Bình", false)] // a ward named after a person
    [InlineData("Người dân bản Sùng A Hồ cho biết.", null, "Sùng A Hồ", false)]                   // no title ends at the noun
    public void Merge_NameAfterAPlaceNoun_IsKeptOnlyAfterATitleAndWithAMiddleName(string text, string? title, string name, bool kept)
    {
        var tagged = new List<TaggedEntity>();
        if (title is not null)
        {
            tagged.Add(Entity(text, "TITLE", title));
        }

        tagged.Add(Entity(text, "PER", name));
        ExtractionResult merged = TaggedOfficials.Merge(text, new ExtractionResult([], [], []), tagged);
        Assert.Equal(kept ? [name] : [], merged.Officials.Select(o => o.Name));
    }

    [Fact]
    public void Merge_ARulesNameTheTaggerReadsAsATitle_IsDropped_OnlyThen()
    {
        const string text = "Đại tá Y Ngọc Khoa, Phó Giám đốc Công an tỉnh, phát biểu.";
        int start = text.IndexOf("Phó Giám", StringComparison.Ordinal);
        var wrong = new Official("Phó Giám", [], [new OfficialMention("Phó Giám", new TextSpan(start, 8), 0, "Phó Giám", [])]);
        int name = text.IndexOf("Y Ngọc Khoa", StringComparison.Ordinal);
        var right = new Official("Y Ngọc Khoa", [], [new OfficialMention("Y Ngọc Khoa", new TextSpan(name, 11), 0, "Y Ngọc Khoa", [])]);
        var rules = new ExtractionResult([], [], [right, wrong]);

        // The tagger reads "Phó Giám đốc Công an tỉnh" as a title: the rules' "Phó Giám" goes, their other official stays.
        ExtractionResult merged = TaggedOfficials.Merge(text, rules, [Entity(text, "TITLE", "Phó Giám đốc Công an tỉnh")]);
        Assert.Same(right, Assert.Single(merged.Officials));

        // The tagger reads it as a name, or reads nothing there: the rules' reading stands.
        Assert.Equal(2, TaggedOfficials.Merge(text, rules, [Entity(text, "PER", "Phó Giám")]).Officials.Count);
        Assert.Same(rules, TaggedOfficials.Merge(text, rules, []));

        // A title over a name whose first word opens no title ("Y") leaves the rules' name alone.
        Assert.Equal(2, TaggedOfficials.Merge(text, rules, [Entity(text, "TITLE", "Y Ngọc Khoa")]).Officials.Count);
    }

    private static TaggedEntity Entity(string text, string kind, string surface, int sentence = 0)
    {
        int start = text.IndexOf(surface, StringComparison.Ordinal);
        return new TaggedEntity(kind, surface, new TextSpan(start, surface.Length), sentence, 0.9);
    }
}
