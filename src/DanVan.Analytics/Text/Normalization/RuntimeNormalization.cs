using System.Text;

namespace DanVan.Analytics.Text.Normalization;

/// <summary>
/// The runtime's Unicode normalization for the rare sequences the Vietnamese tables do not cover, made
/// total: the runtime rejects some code units (lone surrogates, noncharacters), which then stay as they are.
/// </summary>
internal static class RuntimeNormalization
{
    /// <summary>True when <paramref name="text"/> is in <paramref name="form"/>, or the runtime cannot tell (invalid code points).</summary>
    public static bool IsNormalized(ReadOnlySpan<char> text, NormalizationForm form)
    {
        try
        {
            return text.IsNormalized(form);
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    /// <summary>Writes <paramref name="text"/> in <paramref name="form"/>, or unchanged when the runtime rejects it.</summary>
    /// <returns>False when <paramref name="destination"/> is too small.</returns>
    public static bool TryNormalize(ReadOnlySpan<char> text, Span<char> destination, out int written, NormalizationForm form)
    {
        try
        {
            if (text.TryNormalize(destination, out written, form))
            {
                return true;
            }
        }
        catch (ArgumentException)
        {
            // Invalid code points: keep the text as it is.
        }

        written = text.Length;
        return text.TryCopyTo(destination);
    }
}
