using System.Text;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Search.Highlighting;

/// <summary>A passage of an article's text with the spans that match the query.</summary>
/// <param name="Text">The passage (white space collapsed; "…" where it was cut).</param>
/// <param name="Highlights">The matching spans, offsets into <paramref name="Text"/>, in order.</param>
public sealed record Snippet(string Text, IReadOnlyList<TextSpan> Highlights)
{
    /// <summary>The passage with every highlight wrapped in <paramref name="open"/> and <paramref name="close"/>.</summary>
    public string Mark(string open = "«", string close = "»") => MarkSpans(Text, Highlights, open, close);

    /// <summary>Wraps each of <paramref name="spans"/> (in order, not overlapping) in <paramref name="open"/> and <paramref name="close"/>.</summary>
    public static string MarkSpans(string text, IReadOnlyList<TextSpan> spans, string open = "«", string close = "»")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        var builder = new StringBuilder(text.Length + (spans.Count * (open.Length + close.Length)));
        int position = 0;
        foreach (TextSpan span in spans)
        {
            builder.Append(text, position, span.Start - position).Append(open).Append(text, span.Start, span.Length).Append(close);
            position = span.End;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }
}
