using System.Text;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Tests.Text;

public sealed class VietnameseFolderTests
{
    [Theory]
    [InlineData("Đảng ủy Thành phố", "dang uy thanh pho")]
    [InlineData("CÔNG TÁC DÂN VẬN", "cong tac dan van")]
    [InlineData("Nghị quyết 25-NQ/TW", "nghi quyet 25-nq/tw")]
    [InlineData("\u00D0ảng \u00F0oàn", "dang doan")]
    [InlineData("người Ơ Đu", "nguoi o du")]
    [InlineData("", "")]
    public void Fold_VietnameseText_GivesBareLowerCaseLetters(string text, string expected)
    {
        Assert.Equal(expected, VietnameseFolder.Fold(text));
    }

    [Fact]
    public void Fold_EveryVietnameseVowelLetter_GivesItsAsciiVowel()
    {
        const string Vowels = "aăâeêioôơuưy";
        const string Bare = "aaaeeiooouuy";
        string[] tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
        for (int v = 0; v < Vowels.Length; v++)
        {
            foreach (string tone in tones)
            {
                string letter = (Vowels[v].ToString().Normalize(NormalizationForm.FormD) + tone).Normalize(NormalizationForm.FormC);
                Assert.Equal(Bare[v].ToString(), VietnameseFolder.Fold(letter));
                Assert.Equal(Bare[v].ToString(), VietnameseFolder.Fold(letter.ToUpperInvariant()));
            }
        }
    }

    [Theory]
    [InlineData("ÀÉÎÕÜ Ç Ñ", "aeiou c n")]
    [InlineData("ΆΘΗΝΑ", "αθηνα")]
    [InlineData("ЁЛКА", "елка")]
    [InlineData("İstanbul", "istanbul")]
    public void Fold_OtherScripts_AreLowerCasedWithoutDiacritics(string text, string expected)
    {
        Assert.Equal(expected, VietnameseFolder.Fold(text));
    }

    [Fact]
    public void Fold_NfdInput_ShrinksByTheMarksDropped()
    {
        string nfd = "Đảng ủy".Normalize(NormalizationForm.FormD);
        char[] destination = new char[nfd.Length];
        int written = VietnameseFolder.Fold(nfd, destination);
        Assert.Equal("dang uy", new string(destination, 0, written));
        Assert.True(written < nfd.Length);
    }

    [Fact]
    public void Fold_SpacesAndInvisibles_AsTheNormalizerDoes()
    {
        Assert.Equal("dan van", VietnameseFolder.Fold("Dân\u00A0v\u200Bận\u00AD"));
    }

    [Fact]
    public void Fold_InPlace_GivesTheSameAsIntoAnotherBuffer()
    {
        string text = TextPerturbations.ToNfd(string.Concat(Enumerable.Repeat("Ủy ban Mặt trận Tổ quốc Việt Nam ABCDEFGHIJKLMNOPQRSTUVWXYZ ", 5)));
        char[] buffer = text.ToCharArray();
        int written = VietnameseFolder.Fold(buffer, buffer);
        Assert.Equal(VietnameseFolder.Fold(text), new string(buffer, 0, written));
    }

    [Fact]
    public void Fold_DestinationShorterThanSource_Throws()
    {
        Assert.Throws<ArgumentException>(() => VietnameseFolder.Fold("abc", new char[2]));
        Assert.Throws<ArgumentNullException>(() => VietnameseFolder.Fold(null!));
    }

    [Fact]
    public void Fold_CanonicalFoldedText_ReturnsSameInstance()
    {
        const string Text = "dang uy thanh pho 2025";
        Assert.Same(Text, VietnameseFolder.Fold(Text));
        Assert.True(VietnameseFolder.IsFolded(Text));
        Assert.False(VietnameseFolder.IsFolded("Dang"));
    }

    [Fact]
    public void TryFold_SingleCharacters_FoldOrDrop()
    {
        Assert.True(VietnameseFolder.TryFold('Ự', out char folded));
        Assert.Equal('u', folded);
        Assert.True(VietnameseFolder.TryFold('Đ', out folded));
        Assert.Equal('d', folded);
        Assert.True(VietnameseFolder.TryFold('\0', out folded));
        Assert.Equal('\0', folded);
        Assert.False(VietnameseFolder.TryFold('\u0301', out _));
    }

    // The vectorized ASCII path and the per-character path must agree at every length and alignment.
    [Fact]
    public void Fold_RandomStrings_EqualsFoldingCharacterByCharacter()
    {
        const string Alphabet = "aAzZ@[`{ 09ăĂđĐÐðỰự\u0301\u00A0\u200B\uD83D\uDE00ΣЖ";
        for (int seed = 0; seed < 3000; seed++)
        {
            string text = RandomText.Create(seed, Alphabet, 70);
            var expected = new StringBuilder();
            foreach (char c in text)
            {
                if (VietnameseFolder.TryFold(c, out char f))
                {
                    expected.Append(f);
                }
            }

            string folded = VietnameseFolder.Fold(text);
            Assert.Equal(expected.ToString(), folded);
            Assert.Equal(folded, VietnameseFolder.Fold(folded));
        }
    }

    // Long strings, mostly Vietnamese letters with now and then a dropped, foreign or any character, so that the
    // 64-character path folds some blocks and hands others to the one-by-one path, into another buffer and in place.
    [Fact]
    public void Fold_RandomLongStrings_EqualsFoldingCharacterByCharacter()
    {
        const string Common = "aAzZ ăĂđĐỰựếỄươ.,“”–\u00A0\u200B";
        const string Rare = "\0\u0301ΣЖÆ\uD83D\uDE00\u1E00\u20D0";
        for (int seed = 0; seed < 2000; seed++)
        {
            var random = new Random(seed);
            var builder = new StringBuilder();
            int length = random.Next(60, 400);
            for (int k = 0; k < length; k++)
            {
                int draw = random.Next(200);
                builder.Append(draw == 0 ? (char)random.Next(0, 0x10000) : draw < 3 ? Rare[random.Next(Rare.Length)] : Common[random.Next(Common.Length)]);
            }

            string text = builder.ToString();
            var expected = new StringBuilder();
            foreach (char c in text)
            {
                if (VietnameseFolder.TryFold(c, out char f))
                {
                    expected.Append(f);
                }
            }

            char[] destination = new char[text.Length];
            Assert.Equal(expected.ToString(), new string(destination, 0, VietnameseFolder.Fold(text, destination)));
            char[] inPlace = text.ToCharArray();
            Assert.True(expected.ToString() == new string(inPlace, 0, VietnameseFolder.Fold(inPlace, inPlace)), $"seed {seed}, in place");
        }
    }

    [Fact]
    public void TryFold_AsciiLetters_AreLowerCasedOnly()
    {
        for (char c = '\0'; c < '\u0080'; c++)
        {
            Assert.True(VietnameseFolder.TryFold(c, out char folded));
            Assert.Equal(char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c, folded);
        }
    }

    [Fact]
    public void FoldEachChar_EveryCodeUnit_GivesTryFoldAtTheSameOffset()
    {
        // Every UTF-16 code unit once, in vector-sized runs and a ragged tail, so that both the vector and the one-by-one
        // paths meet each of them; dropped ones come out as '\0' in place.
        char[] source = new char[char.MaxValue + 1 + 7];
        for (int c = 0; c < source.Length; c++)
        {
            source[c] = (char)(c % (char.MaxValue + 1));
        }

        char[] destination = new char[source.Length];
        bool zero = VietnameseFolder.FoldEachChar(source, destination);
        for (int k = 0; k < source.Length; k++)
        {
            char expected = VietnameseFolder.TryFold(source[k], out char folded) ? folded : '\0';
            Assert.True(expected == destination[k], $"U+{(int)source[k]:X4}: expected U+{(int)expected:X4}, got U+{(int)destination[k]:X4}");
        }

        Assert.True(zero, "U+0000 and the combining marks fold to '\\0'.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    [InlineData(63)]
    [InlineData(90)]
    public void FoldEachChar_LongTextWithOneDroppedCharacter_ReportsZero(int at)
    {
        string text = string.Concat(Enumerable.Repeat("Đảng ủy “dân vận” Москва ", 5)).Insert(at, "\u0301");
        char[] destination = new char[text.Length];
        Assert.True(VietnameseFolder.FoldEachChar(text, destination));
        Assert.Equal('\0', destination[at]);
    }

    [Fact]
    public void FoldEachChar_EveryCodeUnitAmongAsciiLetters_GivesTryFoldAtTheSameOffset()
    {
        // As in Vietnamese text, one to eight code units of sixteen are not ASCII, at random lanes: the vector path packs
        // those into one table read and must put each result back in its lane. Every code unit appears once.
        var random = new Random(11);
        var source = new List<char>();
        int next = 0x80;
        while (next <= char.MaxValue)
        {
            int count = random.Next(1, 9);
            var lanes = new HashSet<int>();
            while (lanes.Count < count)
            {
                lanes.Add(random.Next(16));
            }

            for (int lane = 0; lane < 16; lane++)
            {
                source.Add(lanes.Contains(lane) && next <= char.MaxValue ? (char)next++ : (char)random.Next('A', 'z' + 1));
            }
        }

        char[] destination = new char[source.Count];
        VietnameseFolder.FoldEachChar(source.ToArray(), destination);
        for (int k = 0; k < source.Count; k++)
        {
            char expected = VietnameseFolder.TryFold(source[k], out char folded) ? folded : '\0';
            Assert.True(expected == destination[k], $"U+{(int)source[k]:X4} at {k}: expected U+{(int)expected:X4}, got U+{(int)destination[k]:X4}");
        }
    }

    [Theory]
    [InlineData("Đảng ủy Thành phố Hồ Chí Minh họp bàn công tác dân vận")]
    [InlineData("short")]
    [InlineData("Hội nghị Москва – Hà Nội “中文” 😀 Ærø Ωμέγα, Đảng ủy Thành phố Hồ Chí Minh họp bàn công tác dân vận ngày 3/6")]
    public void FoldEachChar_TextWithoutDroppedCharacters_ReportsNoZero(string text)
    {
        char[] destination = new char[text.Length];
        Assert.False(VietnameseFolder.FoldEachChar(text, destination));
        Assert.Equal(VietnameseFolder.Fold(text), new string(destination));
    }
}
