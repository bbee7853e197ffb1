using DanVan.Analytics.Text;

namespace DanVan.Analytics.Tests.Text;

/// <summary>Helpers that turn tokenizer output into plain values to compare with hand-written expectations.</summary>
internal static class TokenAssert
{
    /// <summary>Every token of <paramref name="text"/> as its surface and kind.</summary>
    public static List<(string Surface, TokenKind Kind)> Tokens(string text)
    {
        var tokens = new List<(string, TokenKind)>();
        foreach (Token token in SyllableTokenizer.Tokenize(text))
        {
            tokens.Add((text.Substring(token.Start, token.Length), token.Kind));
        }

        return tokens;
    }

    /// <summary>Every token of <paramref name="text"/>.</summary>
    public static List<Token> Raw(string text)
    {
        var tokens = new List<Token>();
        foreach (Token token in SyllableTokenizer.Tokenize(text))
        {
            tokens.Add(token);
        }

        return tokens;
    }

    /// <summary>Parses "surface:Kind surface:Kind" (split at the last colon of each item, items separated by a space).</summary>
    public static List<(string Surface, TokenKind Kind)> Parse(string expected)
    {
        var tokens = new List<(string, TokenKind)>();
        foreach (string item in expected.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = item.LastIndexOf(':');
            tokens.Add((item[..colon], Enum.Parse<TokenKind>(item[(colon + 1)..])));
        }

        return tokens;
    }

    /// <summary>Asserts that tokens are non-empty, inside the text, in order and do not overlap.</summary>
    public static void WellFormed(string text, IReadOnlyList<Token> tokens)
    {
        int previousEnd = 0;
        foreach (Token token in tokens)
        {
            // Messages are formatted only on failure: these checks run over a million tokens.
            if (token.Length <= 0)
            {
                Assert.Fail($"empty token at {token.Start}");
            }

            if (token.Start < previousEnd)
            {
                Assert.Fail($"token at {token.Start} overlaps the one ending at {previousEnd}");
            }

            if (token.End > text.Length)
            {
                Assert.Fail($"token at {token.Start} runs past the text");
            }

            if (token.Start > 0 && char.IsLowSurrogate(text[token.Start]) && char.IsHighSurrogate(text[token.Start - 1]))
            {
                Assert.Fail($"token at {token.Start} splits a surrogate pair");
            }

            previousEnd = token.End;
        }
    }
}
