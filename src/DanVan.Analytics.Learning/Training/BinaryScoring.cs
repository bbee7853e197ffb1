namespace DanVan.Analytics.Learning.Training;

/// <summary>Precision, recall and F1 at a threshold, the threshold that maximises F1, and AUC, over scored examples.</summary>
internal static class BinaryScoring
{
    public readonly record struct Counts(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
    {
        public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

        public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

        public double F1 => TruePositives == 0 ? 0 : 2.0 * TruePositives / (2.0 * TruePositives + FalsePositives + FalseNegatives);

        public static Counts operator +(Counts a, Counts b) => new(
            a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives,
            a.FalseNegatives + b.FalseNegatives, a.TrueNegatives + b.TrueNegatives);
    }

    public static Counts CountAt(IEnumerable<(double Score, bool Label)> scored, double threshold)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach ((double score, bool label) in scored)
        {
            bool predicted = score >= threshold;
            if (predicted && label) tp++;
            else if (predicted) fp++;
            else if (label) fn++;
            else tn++;
        }

        return new Counts(tp, fp, fn, tn);
    }

    /// <summary>
    /// The threshold with the best F1; among equal ones the middle of the widest gap between scores, so that the cut
    /// does not sit on a training example's score.
    /// </summary>
    public static double BestThreshold(IReadOnlyList<(double Score, bool Label)> scored)
    {
        var sorted = scored.OrderByDescending(s => s.Score).ToArray();
        int positives = sorted.Count(s => s.Label);
        double bestF1 = -1, bestThreshold = 0.5, bestGap = -1;
        int tp = 0, fp = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].Label) tp++;
            else fp++;

            if (i + 1 < sorted.Length && sorted[i + 1].Score == sorted[i].Score)
            {
                continue;
            }

            double next = i + 1 < sorted.Length ? sorted[i + 1].Score : 0;
            double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + (positives - tp));
            double gap = sorted[i].Score - next;
            if (f1 > bestF1 + 1e-12 || (Math.Abs(f1 - bestF1) <= 1e-12 && gap > bestGap))
            {
                bestF1 = f1;
                bestGap = gap;
                bestThreshold = (sorted[i].Score + next) / 2;
            }
        }

        return bestThreshold;
    }

    /// <summary>The area under the ROC curve (the probability that a positive scores above a negative; ties count half).</summary>
    public static double Auc(IReadOnlyList<(double Score, bool Label)> scored)
    {
        var sorted = scored.OrderBy(s => s.Score).ToArray();
        double rankSum = 0;
        int positives = 0;
        for (int i = 0; i < sorted.Length;)
        {
            int j = i;
            while (j < sorted.Length && sorted[j].Score == sorted[i].Score)
            {
                j++;
            }

            double rank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++)
            {
                if (sorted[k].Label)
                {
                    rankSum += rank;
                    positives++;
                }
            }

            i = j;
        }

        int negatives = sorted.Length - positives;
        return positives == 0 || negatives == 0 ? double.NaN : (rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }
}
