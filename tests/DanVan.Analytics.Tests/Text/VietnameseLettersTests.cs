using System.Text;
using DanVan.Analytics.Text.Tables;

namespace DanVan.Analytics.Tests.Text;

public sealed class VietnameseLettersTests
{
    // The table rows, checked against base letter + combining marks through the runtime's NFC.
    [Fact]
    public void Letters_EveryRow_IsTheNfcOfItsVowelCaseAndTone()
    {
        string[] vowels = ["a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031B", "u", "u\u031B", "y"];
        string[] tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
        Assert.Equal(vowels.Length * 2 * tones.Length, VietnameseLetters.Letters.Length);
        for (int v = 0; v < vowels.Length; v++)
        {
            for (int t = 0; t < tones.Length; t++)
            {
                foreach (bool upper in new[] { false, true })
                {
                    string b = upper ? vowels[v][..1].ToUpperInvariant() + vowels[v][1..] : vowels[v];
                    string expected = (b + tones[t]).Normalize(NormalizationForm.FormC);
                    char letter = VietnameseLetters.Compose(v, upper, t);
                    Assert.Equal(expected, letter.ToString());
                    Assert.True(VietnameseLetters.TryDecompose(letter, out int vowel, out bool isUpper, out int tone));
                    Assert.Equal((v, upper, t), (vowel, isUpper, tone));
                }
            }
        }
    }

    [Fact]
    public void Letters_HaveNoDuplicates()
    {
        Assert.Equal(VietnameseLetters.Letters.Length, VietnameseLetters.Letters.ToArray().Distinct().Count());
    }

    [Theory]
    [InlineData('b')]
    [InlineData('đ')]
    [InlineData('ç')]
    [InlineData('\uFFFF')]
    public void TryDecompose_NonVowels_ReturnsFalse(char c)
    {
        Assert.False(VietnameseLetters.TryDecompose(c, out _, out _, out _));
    }
}
