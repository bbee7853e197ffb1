using System.Text;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Tests.Text;

public sealed class VietnameseNormalizerTests
{
    private const string Nfc = "Đảng ủy Thành phố";
    private static readonly string Nfd = Nfc.Normalize(NormalizationForm.FormD);
    private const string EthLookAlike = "\u00D0ảng ủy Thành phố";

    [Fact]
    public void Normalize_CanonicalInput_ReturnsSameInstance()
    {
        string text = Nfc;
        Assert.Same(text, VietnameseNormalizer.Default.Normalize(text));
    }

    [Fact]
    public void Normalize_NfdInput_EqualsNfc()
    {
        Assert.Equal(Nfc, VietnameseNormalizer.Default.Normalize(Nfd));
    }

    [Fact]
    public void Normalize_EthLookAlike_BecomesDWithStroke()
    {
        Assert.Equal(Nfc, VietnameseNormalizer.Default.Normalize(EthLookAlike));
    }

    [Fact]
    public void Normalize_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => VietnameseNormalizer.Default.Normalize(null!));
    }

    [Fact]
    public void NormalizeWithOffsets_NfdInput_MapsEachSyllableBackToItsOriginalCharacters()
    {
        NormalizedText normalized = VietnameseNormalizer.Default.NormalizeWithOffsets(Nfd);
        int start = normalized.Text.IndexOf("Thành", StringComparison.Ordinal);
        TextSpan original = normalized.ToOriginal(new TextSpan(start, "Thành".Length));
        Assert.Equal("Thành", Nfd.Substring(original.Start, original.Length).Normalize(NormalizationForm.FormC));
    }
}
