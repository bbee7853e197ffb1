using System.Text;
using DanVan.Analytics.Text.Tables;

namespace DanVan.Analytics.Tests.Text;

public sealed class RuntimeNormalizationTests
{
    // The start-up tables normalize all code units in one call; it must give what one call per unit gives.
    [Theory]
    [InlineData(NormalizationForm.FormC)]
    [InlineData(NormalizationForm.FormD)]
    public void NormalizeEachChar_InOneCall_EqualsOneCallPerCharacter(NormalizationForm form)
    {
        (char[] first, bool[] same) = RuntimeNormalization.NormalizeEachChar(form);
        char[] result = new char[32];
        for (int i = 0; i <= char.MaxValue; i++)
        {
            char c = (char)i;
            char expectedFirst = c;
            bool expectedSame = true;
            if (i >= 0xC0 && !char.IsSurrogate(c) && RuntimeNormalization.TryNormalize([c], result, out int written, form) && written > 0)
            {
                expectedFirst = result[0];
                expectedSame = written == 1 && result[0] == c;
            }

            Assert.True(expectedFirst == first[i] && expectedSame == same[i], $"U+{i:X4}");
        }
    }

    [Fact]
    public void IsNormalized_InvalidUtf16_IsTreatedAsNormalized()
    {
        Assert.True(RuntimeNormalization.IsNormalized("a\uD800", NormalizationForm.FormC));
        char[] destination = new char[8];
        Assert.True(RuntimeNormalization.TryNormalize("a\uD800", destination, out int written, NormalizationForm.FormC));
        Assert.Equal("a\uD800", new string(destination, 0, written));
    }
}
