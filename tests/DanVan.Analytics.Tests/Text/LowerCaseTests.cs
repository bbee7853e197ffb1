using System.Text;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Tests.Text;

public sealed class LowerCaseTests
{
    [Theory]
    [InlineData("ĐẢNG ỦY Thành Phố", "đảng ủy thành phố")]
    [InlineData("ƠƯĂÂÊÔĐ", "ơưăâêôđ")]
    [InlineData("NQ/TW 25", "nq/tw 25")]
    [InlineData("ΣΩ Ⅻ Ａ", "σω ⅻ ａ")]
    [InlineData("\uD801\uDC00x", "\uD801\uDC28x")]
    [InlineData("\uD801", "\uD801")]
    public void ToLower_LowerCasesEveryScriptAndKeepsTheLength(string text, string expected)
    {
        char[] lower = new char[text.Length];

        LowerCase.ToLower(text, lower);

        Assert.Equal(expected, new string(lower));
    }

    [Fact]
    public void ToLower_EveryCharacterOfTheBasicPlane_AsTheRuntimeLowerCasesIt()
    {
        var text = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++)
        {
            if (!char.IsSurrogate((char)c))
            {
                text.Append((char)c);
            }
        }

        string all = text.ToString();
        char[] lower = new char[all.Length];

        LowerCase.ToLower(all, lower);

        Assert.Equal(all.ToLowerInvariant(), new string(lower));
    }

    [Fact]
    public void ToLower_OneCharacter_AsTheRuntimeLowerCasesIt()
    {
        for (int c = 0; c <= 0xFFFF; c++)
        {
            Assert.Equal(char.ToLowerInvariant((char)c), LowerCase.ToLower((char)c));
        }
    }

    [Fact]
    public void ToLower_ShortDestination_Throws()
    {
        char[] lower = new char[2];

        Assert.Throws<ArgumentException>(() => LowerCase.ToLower("abc", lower));
    }
}
