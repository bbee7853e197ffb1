using System.Collections.Frozen;

namespace DanVan.Analytics.Text.Dates;

/// <summary>
/// Month names and their common abbreviations in the languages of the pages a crawl meets besides Vietnamese
/// (whose months are numbered: "tháng 12"), folded as <see cref="VietnameseFolder"/> folds them (lower case, no
/// diacritics: "März" → "marz", "février" → "fevrier"). Polish, Czech, Russian and Ukrainian give the genitive that dates use.
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

        // Czech (genitive, as in "3. března 2023")
        ("ledna", 1), ("unora", 2), ("brezna", 3), ("dubna", 4), ("kvetna", 5), ("cervna", 6), ("cervence", 7),
        ("srpna", 8), ("zari", 9), ("rijna", 10), ("listopadu", 11), ("prosince", 12),

        // Russian and Ukrainian (genitive, as in "15 августа 2016"; Ukrainian "листопада" is the Polish word)
        ("января", 1), ("февраля", 2), ("марта", 3), ("апреля", 4), ("мая", 5), ("июня", 6), ("июля", 7),
        ("августа", 8), ("сентября", 9), ("октября", 10), ("ноября", 11), ("декабря", 12),
        ("січня", 1), ("лютого", 2), ("березня", 3), ("квітня", 4), ("травня", 5), ("червня", 6), ("липня", 7),
        ("серпня", 8), ("вересня", 9), ("жовтня", 10), ("грудня", 12),

        // Turkish
        ("ocak", 1), ("subat", 2), ("nisan", 4), ("mayis", 5), ("haziran", 6), ("temmuz", 7), ("agustos", 8),
        ("eylul", 9), ("ekim", 10), ("kasim", 11), ("aralik", 12),
    ];

    /// <summary>The month (1–12) of each folded name.</summary>
    public static FrozenDictionary<string, int> ByName { get; } = Rows.DistinctBy(r => r.Name).ToFrozenDictionary(r => r.Name, r => r.Month, StringComparer.Ordinal);

    /// <summary>The longest name, to bound a look-up.</summary>
    public static int MaxLength { get; } = Rows.Max(r => r.Name.Length);
}
