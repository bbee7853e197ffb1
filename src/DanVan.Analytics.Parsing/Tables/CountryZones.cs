using System.Collections.Frozen;

namespace DanVan.Analytics.Parsing.Tables;

/// <summary>
/// The time zone a country-code domain's sites date their pages in: a machine time stored in UTC
/// ("2019-10-18T22:04:00Z" on a .at site) is shown to readers on the next local day. Countries that span several
/// zones are left out, and so are the generic domains (.com, .org), whose sites may be anywhere.
/// </summary>
/// <remarks>Add a row to add a country: the domain label, the IANA zone, and its standard offset in hours for a
/// system without the zone database.</remarks>
internal static class CountryZones
{
    private static readonly (string Domain, string Zone, double StandardHours)[] Rows =
    [
        ("vn", "Asia/Ho_Chi_Minh", 7), ("la", "Asia/Vientiane", 7), ("kh", "Asia/Phnom_Penh", 7), ("th", "Asia/Bangkok", 7),
        ("cn", "Asia/Shanghai", 8), ("tw", "Asia/Taipei", 8), ("hk", "Asia/Hong_Kong", 8), ("sg", "Asia/Singapore", 8),
        ("jp", "Asia/Tokyo", 9), ("kr", "Asia/Seoul", 9), ("in", "Asia/Kolkata", 5.5),
        ("de", "Europe/Berlin", 1), ("at", "Europe/Vienna", 1), ("ch", "Europe/Zurich", 1), ("li", "Europe/Vaduz", 1),
        ("fr", "Europe/Paris", 1), ("be", "Europe/Brussels", 1), ("nl", "Europe/Amsterdam", 1), ("lu", "Europe/Luxembourg", 1),
        ("it", "Europe/Rome", 1), ("es", "Europe/Madrid", 1), ("pl", "Europe/Warsaw", 1), ("cz", "Europe/Prague", 1),
        ("sk", "Europe/Bratislava", 1), ("hu", "Europe/Budapest", 1), ("dk", "Europe/Copenhagen", 1), ("se", "Europe/Stockholm", 1),
        ("no", "Europe/Oslo", 1), ("hr", "Europe/Zagreb", 1), ("si", "Europe/Ljubljana", 1), ("rs", "Europe/Belgrade", 1),
        ("fi", "Europe/Helsinki", 2), ("ee", "Europe/Tallinn", 2), ("lv", "Europe/Riga", 2), ("lt", "Europe/Vilnius", 2),
        ("gr", "Europe/Athens", 2), ("ro", "Europe/Bucharest", 2), ("bg", "Europe/Sofia", 2), ("ua", "Europe/Kyiv", 2),
        ("tr", "Europe/Istanbul", 3), ("by", "Europe/Minsk", 3),
        ("uk", "Europe/London", 0), ("ie", "Europe/Dublin", 0), ("pt", "Europe/Lisbon", 0),
        ("ar", "America/Argentina/Buenos_Aires", -3), ("uy", "America/Montevideo", -3), ("cl", "America/Santiago", -4),
        ("bo", "America/La_Paz", -4), ("ve", "America/Caracas", -4), ("py", "America/Asuncion", -4), ("co", "America/Bogota", -5),
        ("pe", "America/Lima", -5), ("ec", "America/Guayaquil", -5), ("cu", "America/Havana", -5), ("gt", "America/Guatemala", -6),
        ("cr", "America/Costa_Rica", -6), ("sv", "America/El_Salvador", -6), ("hn", "America/Tegucigalpa", -6),
        ("ni", "America/Managua", -6), ("pa", "America/Panama", -5), ("do", "America/Santo_Domingo", -4),
        ("za", "Africa/Johannesburg", 2), ("eg", "Africa/Cairo", 2), ("ng", "Africa/Lagos", 1), ("ke", "Africa/Nairobi", 3),
        ("il", "Asia/Jerusalem", 2), ("nz", "Pacific/Auckland", 12),
    ];

    private static readonly FrozenDictionary<string, (string Zone, double StandardHours)> ByDomain =
        Rows.ToFrozenDictionary(r => r.Domain, r => (r.Zone, r.StandardHours), StringComparer.Ordinal);

    /// <summary>The UTC offset at <paramref name="instant"/> of the zone of <paramref name="host"/>'s country, if it has one.</summary>
    public static TimeSpan? OffsetAt(string? host, DateTimeOffset instant)
    {
        if (string.IsNullOrEmpty(host))
        {
            return null;
        }

        int dot = host.LastIndexOf('.');
        string domain = host[(dot + 1)..].ToLowerInvariant();
        if (!ByDomain.TryGetValue(domain, out (string Zone, double StandardHours) row))
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(row.Zone, out TimeZoneInfo? zone)
            ? zone.GetUtcOffset(instant.UtcDateTime)
            : TimeSpan.FromHours(row.StandardHours);
    }
}
