using System.Text;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Tests.Text;

public sealed class NormalizedTextTests
{
    private static readonly VietnameseNormalizer Old = VietnameseNormalizer.Default;

    [Fact]
    public void NormalizeWithOffsets_CanonicalText_IsIdentityWithoutMap()
    {
        const string Text = "Ban Dân vận Trung ương";
        NormalizedText n = Old.NormalizeWithOffsets(Text);
        Assert.True(n.IsIdentity);
        Assert.True(n.PreservesOffsets);
        Assert.Same(Text, n.Text);
        Assert.Equal(new TextSpan(4, 3), n.ToOriginal(new TextSpan(4, 3)));
    }

    [Fact]
    public void NormalizeWithOffsets_OneForOneReplacements_ChangeTheTextButKeepOffsets()
    {
        NormalizedText n = Old.NormalizeWithOffsets("Khánh\u00A0Hoà \u00D0ảng");
        Assert.Equal("Khánh Hòa Đảng", n.Text);
        Assert.False(n.IsIdentity);
        Assert.True(n.PreservesOffsets);
        Assert.Equal(6, n.ToOriginal(6));
    }

    [Fact]
    public void NormalizeWithOffsets_NfdInput_MapsEachSyllableBackToItsOriginalCharacters()
    {
        string nfd = "Đảng ủy Thành phố".Normalize(NormalizationForm.FormD);
        NormalizedText normalized = Old.NormalizeWithOffsets(nfd);
        int start = normalized.Text.IndexOf("Thành", StringComparison.Ordinal);
        TextSpan original = normalized.ToOriginal(new TextSpan(start, "Thành".Length));
        Assert.Equal("Tha\u0300nh", nfd.Substring(original.Start, original.Length));
        Assert.Equal(nfd.Length, normalized.ToOriginal(normalized.Text.Length));
    }

    [Fact]
    public void ToOriginal_SpanOfOneComposedLetter_CoversItsBaseAndMarks()
    {
        // "việt" in NFD: v i e U+0323 U+0302 t
        NormalizedText n = Old.NormalizeWithOffsets("vie\u0323\u0302t");
        Assert.Equal("việt", n.Text);
        Assert.Equal(new TextSpan(2, 3), n.ToOriginal(new TextSpan(2, 1)));
        Assert.Equal(new TextSpan(5, 1), n.ToOriginal(new TextSpan(3, 1)));
        Assert.Equal(new TextSpan(0, 6), n.ToOriginal(new TextSpan(0, 4)));
    }

    [Fact]
    public void ToOriginal_RemovedInvisibles_CountWithTheNextCharacter()
    {
        // "abc" ZWSP " " ZWSP "def": the word before the space ends before the invisible.
        NormalizedText n = Old.NormalizeWithOffsets("abc\u200B \u200Bdef");
        Assert.Equal("abc def", n.Text);
        Assert.Equal(new TextSpan(0, 3), n.ToOriginal(new TextSpan(0, 3)));
        Assert.Equal(new TextSpan(5, 4), n.ToOriginal(new TextSpan(4, 3)));
        Assert.Equal("def", Old.Normalize("abc\u200B \u200Bdef".Substring(5, 4)));
    }

    [Fact]
    public void ToOriginal_InsideAnExpansion_EndsAfterTheSourceCharacter()
    {
        // U+0958 DEVANAGARI LETTER QA has no NFC form of its own: it becomes two characters.
        NormalizedText n = Old.NormalizeWithOffsets("x\u0958y");
        Assert.Equal("x\u0915\u093Cy", n.Text);
        Assert.Equal(new TextSpan(1, 1), n.ToOriginal(new TextSpan(1, 1)));
        Assert.Equal(new TextSpan(1, 1), n.ToOriginal(new TextSpan(1, 2)));
        Assert.Equal(new TextSpan(3, 0), n.ToOriginal(new TextSpan(4, 0)));
    }

    [Fact]
    public void ToOriginal_TrailingInvisibles_BelongToTheEnd()
    {
        NormalizedText n = Old.NormalizeWithOffsets("hòa\u200B\u00AD");
        Assert.Equal("hòa", n.Text);
        Assert.Equal(5, n.ToOriginal(3));

        // Nothing follows them, so the last word takes them (and they normalize away with it).
        Assert.Equal(new TextSpan(0, 5), n.ToOriginal(new TextSpan(0, 3)));
        Assert.Equal(new TextSpan(0, 2), n.ToOriginal(new TextSpan(0, 2)));
    }

    [Fact]
    public void ToOriginal_OutOfRange_Throws()
    {
        NormalizedText n = Old.NormalizeWithOffsets("a\u0300");
        Assert.Throws<ArgumentOutOfRangeException>(() => n.ToOriginal(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => n.ToOriginal(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => n.ToOriginal(new TextSpan(1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => n.ToOriginal(new TextSpan(0, -1)));
    }

    [Fact]
    public void ToOriginal_TonesMovedInNfdText_StayWithinTheSyllable()
    {
        string raw = "Khánh Hoa\u0300 thu\u0309y".Normalize(NormalizationForm.FormD);
        NormalizedText n = Old.NormalizeWithOffsets(raw);
        Assert.Equal("Khánh Hòa thủy", n.Text);
        OffsetAssert.MapsEveryWordBack(Old, n);
    }
}
