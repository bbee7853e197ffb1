namespace DanVan.Analytics.Learning.Tagging;

/// <summary>
/// Turns per-token label scores into the best valid IOB2 sequence (Viterbi): an <c>I-X</c> may only follow <c>B-X</c> or
/// <c>I-X</c>, so a span never starts inside and never changes kind in the middle. ML.NET has no sequence model; the
/// per-token classifier gives the scores and this decoder gives them a structure.
/// </summary>
internal static class SequenceDecoder
{
    /// <summary>The best valid labels for scores <c>[token][label]</c> (log-probabilities, <see cref="TaggerLabels"/> order).</summary>
    public static int[] Decode(float[][] scores)
    {
        int n = scores.Length;
        int labels = TaggerLabels.All.Count;
        var best = new float[n, labels];
        var from = new int[n, labels];
        for (int t = 0; t < labels; t++)
        {
            best[0, t] = Allowed(-1, t) ? scores[0][t] : float.NegativeInfinity;
        }

        for (int i = 1; i < n; i++)
        {
            for (int t = 0; t < labels; t++)
            {
                float top = float.NegativeInfinity;
                int arg = 0;
                for (int p = 0; p < labels; p++)
                {
                    if (Allowed(p, t) && best[i - 1, p] > top)
                    {
                        top = best[i - 1, p];
                        arg = p;
                    }
                }

                best[i, t] = top + scores[i][t];
                from[i, t] = arg;
            }
        }

        var path = new int[n];
        if (n == 0)
        {
            return path;
        }

        float end = float.NegativeInfinity;
        for (int t = 0; t < labels; t++)
        {
            if (best[n - 1, t] > end)
            {
                end = best[n - 1, t];
                path[n - 1] = t;
            }
        }

        for (int i = n - 1; i > 0; i--)
        {
            path[i - 1] = from[i, path[i]];
        }

        return path;
    }

    /// <summary>True when <paramref name="label"/> may follow <paramref name="previous"/> (-1: the sentence's start).</summary>
    internal static bool Allowed(int previous, int label) =>
        TaggerLabels.IsBegin(label) || label == TaggerLabels.Outside
        || (previous > TaggerLabels.Outside && TaggerLabels.KindOf(previous) == TaggerLabels.KindOf(label));

    /// <summary>
    /// The entities of a label sequence as token ranges. A stray <c>I-X</c> (after <c>O</c> or another kind) starts an
    /// entity, as conlleval reads it, so silver data with a broken sequence is still scored.
    /// </summary>
    public static List<TokenEntity> Entities(IReadOnlyList<int> tags)
    {
        var entities = new List<TokenEntity>();
        int start = -1, kind = -1;
        for (int i = 0; i <= tags.Count; i++)
        {
            int tag = i < tags.Count ? tags[i] : TaggerLabels.Outside;
            bool continues = tag != TaggerLabels.Outside && !TaggerLabels.IsBegin(tag) && TaggerLabels.KindOf(tag) == kind;
            if (start >= 0 && !continues)
            {
                entities.Add(new TokenEntity(kind, start, i));
                start = -1;
                kind = -1;
            }

            if (tag != TaggerLabels.Outside && !continues)
            {
                start = i;
                kind = TaggerLabels.KindOf(tag);
            }
        }

        return entities;
    }
}

/// <summary>An entity over tokens <c>[Start, End)</c> of a sentence.</summary>
/// <param name="Kind">0 = PER, 1 = TITLE (<see cref="TaggerLabels.Kinds"/>).</param>
/// <param name="Start">The first token.</param>
/// <param name="End">The token after the last.</param>
internal readonly record struct TokenEntity(int Kind, int Start, int End);
