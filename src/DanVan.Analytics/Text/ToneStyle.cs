namespace DanVan.Analytics.Text;

/// <summary>Where the normalizer puts the tone mark in syllables whose spelling allows two places.</summary>
public enum ToneStyle
{
    /// <summary>The traditional placement most of the Vietnamese press uses: hòa, khỏe, thủy, Ủy.</summary>
    Old = 0,

    /// <summary>The placement of the 1980s spelling reform: hoà, khoẻ, thuỷ, Uỷ.</summary>
    New = 1,

    /// <summary>Tone marks stay on the vowel the input put them on.</summary>
    Preserve = 2,
}
