namespace DanVan.Analytics.Text;

/// <summary>Options of <see cref="VietnameseNormalizer"/>.</summary>
public sealed record VietnameseNormalizerOptions
{
    /// <summary>The default options: <see cref="ToneStyle.Old"/>.</summary>
    public static VietnameseNormalizerOptions Default { get; } = new();

    /// <summary>Where tone marks go; <see cref="ToneStyle.Old"/> by default.</summary>
    public ToneStyle ToneStyle { get; init; } = ToneStyle.Old;
}
