using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace DanVan.Analytics.Search.Tests.Fixtures;

/// <summary>Reads a Lucene token stream whole, as the indexing chain does: reset, every token, end.</summary>
internal static class TokenStreams
{
    /// <summary>Every token's term, position increment, offsets and type, and the end offset the stream reports after the last one.</summary>
    public static (List<(string Term, int Increment, int Start, int End, string Type)> Tokens, int EndOffset) Read(TokenStream stream)
    {
        var tokens = new List<(string, int, int, int, string)>();
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), increment.PositionIncrement, offset.StartOffset, offset.EndOffset, type.Type));
        }

        stream.End();
        return (tokens, offset.EndOffset);
    }
}
