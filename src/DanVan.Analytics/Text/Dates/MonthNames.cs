using System.Collections.Frozen;

namespace DanVan.Analytics.Text.Dates;

/// <summary>
/// Month names and their common abbreviations in the languages of the pages a crawl meets besides Vietnamese
/// (whose months are numbered: "tháng 12"), folded as <see cref="VietnameseFolder"/> folds them (lower case, no
/// diacritics: "März" → "marz", "février" → "fevrier"). Polish and Czech give the genitive that dates use.
/// </summary>
/// <remarks>Collected by hand; add a row to add a name, nothing else needs to change.</remarks>
internal static class MonthNames
{
    private static readonly (string Name, int Month)[] Rows =
    [
        // English
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7),
        ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
        ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9),
        ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),

        // German
        ("januar", 1), ("janner", 1), ("februar", 2), ("marz", 3), ("maerz", 3), ("mai", 5),
        ("juni", 6), ("juli", 7), ("oktober", 10), ("dezember", 12), ("okt", 10), ("dez", 12), ("mrz", 3),

        // French
        ("janvier", 1), ("fevrier", 2), ("mars", 3), ("avril", 4), ("juin", 6), ("juillet", 7), ("aout", 8),
        ("septembre", 9), ("octobre", 10), ("novembre", 11), ("decembre", 12), ("janv", 1), ("fevr", 2),
        ("avr", 4), ("juil", 7),

        // Spanish, Portuguese, Italian
        ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6), ("julio", 7),
        ("agosto", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10), ("noviembre", 11), ("diciembre", 12),
        ("janeiro", 1), ("fevereiro", 2), ("marco", 3), ("maio", 5), ("junho", 6), ("julho", 7), ("setembro", 9),
        ("outubro", 10), ("novembro", 11), ("dezembro", 12),
        ("gennaio", 1), ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("giugno", 6), ("luglio", 7),
        ("settembre", 9), ("ottobre", 10), ("dicembre", 12),

        // Dutch
        ("januari", 1), ("februari", 2), ("maart", 3), ("mei", 5), ("augustus", 8), ("december", 12),

        // Polish (genitive, as in "3 listopada 2023") and nominative
        ("stycznia", 1), ("lutego", 2), ("marca", 3), ("kwietnia", 4), ("maja", 5), ("czerwca", 6), ("lipca", 7),
        ("sierpnia", 8), ("wrzesnia", 9), ("pazdziernika", 10), ("listopada", 11), ("grudnia", 12),
        ("styczen", 1), ("luty", 2), ("kwiecien", 4), ("czerwiec", 6), ("lipiec", 7), ("sierpien", 8),
        ("wrzesien", 9), ("pazdziernik", 10), ("listopad", 11), ("grudzien", 12),
    ];

    /// <summary>The month (1–12) of each folded name.</summary>
    public static FrozenDictionary<string, int> ByName { get; } = Rows.DistinctBy(r => r.Name).ToFrozenDictionary(r => r.Name, r => r.Month, StringComparer.Ordinal);

    /// <summary>The longest name, to bound a look-up.</summary>
    public static int MaxLength { get; } = Rows.Max(r => r.Name.Length);
}
