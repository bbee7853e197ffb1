using System.Buffers;
using DanVan.Analytics.Extraction;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Datasets.Ner;

/// <summary>
/// Turns an article's facts into IOB2 tags over the tokenizer's tokens (<see cref="SyllableTokenizer"/>), sentence by
/// sentence (<see cref="SentenceSegmenter"/>).
/// </summary>
/// <remarks>
/// A token belongs to an entity when it overlaps the entity's span. Where entities overlap, the first kind in the order
/// PER, DOC, COUNT, TITLE keeps the token (a name is never lost to a title around it). The first token of an entity, and
/// the first token of a sentence inside an entity that runs over a sentence break, is tagged B-, the others I-, so the
/// tags of each sentence are valid IOB2 on their own.
/// </remarks>
public static class IobTagger
{
    /// <summary>The entities of <paramref name="facts"/>: names at each mention, titles, document references, counts.</summary>
    public static List<EntitySpan> Entities(ExtractionResult facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var spans = new List<EntitySpan>();
        foreach (Official official in facts.Officials)
        {
            foreach (OfficialMention mention in official.Mentions)
            {
                spans.Add(new EntitySpan(mention.Span.Start, mention.Span.End, EntityKind.Person));
                foreach (OfficialTitle title in mention.Titles)
                {
                    if (title.Span is TextSpan t)
                    {
                        spans.Add(new EntitySpan(t.Start, t.End, EntityKind.Title));
                    }
                }
            }
        }

        foreach (DocumentReference d in facts.Documents)
        {
            spans.Add(new EntitySpan(d.Span.Start, d.Span.End, EntityKind.Document));
        }

        foreach (ModelCount c in facts.ModelCounts)
        {
            spans.Add(new EntitySpan(c.Span.Start, c.Span.End, EntityKind.Count));
        }

        return spans;
    }

    /// <summary>Tags the tokens of <paramref name="text"/>, one list per sentence, and calls <paramref name="onSentence"/> for each.</summary>
    /// <param name="text">The article's text, which the spans point into.</param>
    /// <param name="entities">The entities.</param>
    /// <param name="onSentence">Called with the sentence's index, its tokens and their label indices (reused between calls).</param>
    public static void Tag(string text, IReadOnlyList<EntitySpan> entities, Action<int, List<string>, List<int>> onSentence) =>
        Tag(text, entities, onSentence, null);

    /// <summary>The same as the public <c>Tag</c>, the token strings taken from <paramref name="strings"/> when given.</summary>
    internal static void Tag(string text, IReadOnlyList<EntitySpan> entities, Action<int, List<string>, List<int>> onSentence, TokenStrings? strings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(onSentence);

        // Per character: the entity that owns it (index+1 into the ordered list), 0 for none.
        EntitySpan[] ordered = [.. entities.Where(e => e.End > e.Start && e.Start >= 0 && e.End <= text.Length)
            .OrderBy(e => Priority(e.Kind)).ThenBy(e => e.Start)];
        int[] owner = ArrayPool<int>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            TagSentences(text, ordered, owner, onSentence, strings);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(owner);
        }
    }

    private static void TagSentences(string text, EntitySpan[] ordered, int[] owner, Action<int, List<string>, List<int>> onSentence, TokenStrings? strings)
    {
        owner.AsSpan(0, text.Length).Clear();
        for (int i = 0; i < ordered.Length; i++)
        {
            for (int c = ordered[i].Start; c < ordered[i].End; c++)
            {
                if (owner[c] == 0)
                {
                    owner[c] = i + 1;
                }
            }
        }

        var tokens = new List<string>();
        var tags = new List<int>();
        int sentenceIndex = 0;
        foreach (TextSpan sentence in SentenceSegmenter.Split(text))
        {
            tokens.Clear();
            tags.Clear();
            int previousOwner = 0;
            foreach (Token token in SyllableTokenizer.Tokenize(text.AsSpan(0, sentence.End), sentence.Start))
            {
                int tokenOwner = OwnerOf(owner, token);
                int tag = NerLabels.Outside;
                if (tokenOwner != 0)
                {
                    int begin = NerLabels.Begin(ordered[tokenOwner - 1].Kind);
                    tag = tokenOwner == previousOwner ? begin + 1 : begin;
                }

                tokens.Add(strings?.Get(text.AsSpan(token.Start, token.Length)) ?? text.Substring(token.Start, token.Length));
                tags.Add(tag);
                previousOwner = tokenOwner;
            }

            if (tokens.Count > 0)
            {
                onSentence(sentenceIndex, tokens, tags);
            }

            sentenceIndex++;
        }
    }

    private static int Priority(EntityKind kind) => kind switch
    {
        EntityKind.Person => 0,
        EntityKind.Document => 1,
        EntityKind.Count => 2,
        _ => 3,
    };

    // The entity of the token's first owned character: a token that only partly overlaps an entity still belongs to it.
    private static int OwnerOf(int[] owner, Token token)
    {
        for (int c = token.Start; c < token.End; c++)
        {
            if (owner[c] != 0)
            {
                return owner[c];
            }
        }

        return 0;
    }
}
