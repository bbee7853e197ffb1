using DanVan.Analytics.Text.Folding;

namespace DanVan.Analytics.Text.Dates;

/// <summary>
/// Finds the date (and time and zone, when given) in Vietnamese page text: "Thứ Bảy, 4/1/2025",
/// "Thứ Hai, 12/06/2023 22:32 (GMT+0)", "Thứ năm, 2/11/2023, 19:20 (GMT+7)", "Cập nhật: 08:15 ngày 22/09/2023",
/// "22/9/2023 | 10:05", "ngày 18 tháng 12 năm 2024", and ISO "2024-12-18 10:05"; and the spelled months of other
/// languages that crawls meet (<see cref="MonthNames"/>: "18. Mai 2014", "3 de mayo de 2022", "May 18, 2014").
/// In numeric dates the day comes before the month, always (Vietnamese order). A date without a zone is in Vietnam time unless the caller says otherwise.
/// </summary>
/// <remarks>One left-to-right scan of the folded text; no regular expressions, linear time.</remarks>
public static class VietnameseDateParser
{
    /// <summary>Vietnam time (Indochina Time), UTC+07:00, which Vietnamese pages mean when they give no zone.</summary>
    public static TimeSpan VietnamOffset { get; } = TimeSpan.FromHours(7);

    /// <summary>Finds the first valid date in <paramref name="text"/>; Vietnam time when no zone is given.</summary>
    /// <param name="text">Page text such as "Thứ Hai, 12/06/2023 22:32 (GMT+0)".</param>
    /// <param name="value">The date, time and offset found.</param>
    /// <returns>False when the text holds no complete date (day, month and year).</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value) =>
        TryParse(text, VietnamOffset, out value, out _);

    /// <summary>Finds the first valid date in <paramref name="text"/>.</summary>
    /// <param name="text">Page text.</param>
    /// <param name="defaultOffset">The offset to use when the text gives no zone.</param>
    /// <param name="value">The date, time and offset found.</param>
    /// <param name="offsetGiven">True when the text itself gave the zone ("GMT+7", "+07:00", "Z").</param>
    /// <returns>False when the text holds no complete date (day, month and year).</returns>
    public static bool TryParse(ReadOnlySpan<char> text, TimeSpan defaultOffset, out DateTimeOffset value, out bool offsetGiven)
    {
        value = default;
        offsetGiven = false;
        if (text.IsEmpty)
        {
            return false;
        }

        // Folding makes "Tháng", "THÁNG" and "tha\u0301ng" one word and keeps digits and separators as they are.
        string folded = VietnameseFolder.Fold(text.Length > 512 ? text[..512].ToString() : text.ToString());
        ReadOnlySpan<char> s = folded;
        int i = 0;
        while (i < s.Length)
        {
            if (!char.IsAsciiDigit(s[i]) || (i > 0 && char.IsAsciiDigit(s[i - 1])))
            {
                i++;
                continue;
            }

            if (TryDateAt(s, i, DateForms.Page, out int day, out int month, out int year, out int end) && IsValidDate(year, month, day))
            {
                int hour = 0, minute = 0, second = 0;
                int after = end;
                if (TryTimeAfter(s, end, out int h, out int m, out int sec, out int timeEnd) ||
                    TryTimeBefore(s, i, out h, out m, out sec))
                {
                    hour = h;
                    minute = m;
                    second = sec;
                    after = Math.Max(timeEnd, end);
                }

                TimeSpan offset = defaultOffset;
                if (TryZone(s, after, out TimeSpan zone))
                {
                    offset = zone;
                    offsetGiven = true;
                }

                value = new DateTimeOffset(year, month, day, hour, minute, second, offset);
                return true;
            }

            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads the date that starts exactly at <paramref name="start"/> of NFC text, in the forms Vietnamese documents
    /// cite: "3/6/2013", "03-6-2013", "3.6.2013" (day first, one separator) and "3 tháng 6 năm 2013", with a
    /// four-digit year; offsets stay those of <paramref name="text"/> (nothing is folded ahead).
    /// </summary>
    internal static bool TryReadDocumentDate(ReadOnlySpan<char> text, int start, out DateOnly date, out int end)
    {
        date = default;
        if (TryDateAt(text, start, DateForms.Document, out int day, out int month, out int year, out end) && IsValidDate(year, month, day))
        {
            date = new DateOnly(year, month, day);
            return true;
        }

        end = start;
        return false;
    }

    /// <summary>
    /// Scans the numeric day-first date at <paramref name="start"/>: a day of 1–31 in one or two digits, a separator
    /// ('/', '-' or '.'), a month of 1–12 in one or two digits, then a year of two or four digits after the same
    /// separator; without the year only when the separator is not a dot ("3/6" is a date, "1.5" a number). The
    /// tokenizer keeps what this scans as one token; the readers here then check the whole date.
    /// </summary>
    /// <returns>The end of the date, or 0 when there is none at <paramref name="start"/>.</returns>
    internal static int ScanDayFirst(ReadOnlySpan<char> text, int start, out int day, out int month, out int year, out int yearDigits)
    {
        month = year = yearDigits = 0;
        int p = start;
        day = ReadNumber(text, ref p, 2, out int dayDigits);
        if (dayDigits == 0 || day is < 1 or > 31 || p >= text.Length || text[p] is not ('/' or '-' or '.'))
        {
            return 0;
        }

        char separator = text[p];
        int q = p + 1;
        month = ReadNumber(text, ref q, 2, out int monthDigits);
        if (monthDigits == 0 || month is < 1 or > 12)
        {
            return 0;
        }

        if (q + 1 < text.Length && text[q] == separator && char.IsAsciiDigit(text[q + 1]))
        {
            int r = q + 1;
            int y = ReadNumber(text, ref r, 4, out int digits);
            // "28.09.1912:44" is "28.09.19" and "12:44" run together (two elements without a space between).
            if (digits == 4 && r + 1 < text.Length && text[r] == ':' && char.IsAsciiDigit(text[r + 1]))
            {
                (y, digits, r) = (y / 100, 2, r - 2);
            }

            if (digits is 2 or 4)
            {
                (year, yearDigits) = (y, digits);
                return r;
            }

            return 0;
        }

        return separator == '.' ? 0 : q;
    }

    private static bool IsValidDate(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    // What a date may look like: everything a page header shows, or only what a document citation uses.
    private enum DateForms
    {
        Page,
        Document,
    }

    private static bool TryDateAt(ReadOnlySpan<char> s, int start, DateForms forms, out int day, out int month, out int year, out int end)
    {
        day = month = year = 0;
        end = start;
        int p = start;
        int first = ReadNumber(s, ref p, 4, out int firstDigits);
        if (firstDigits == 0)
        {
            return false;
        }

        // Numeric forms: D/M/Y, D-M-Y, D.M.Y and ISO Y-M-D.
        if (p < s.Length && s[p] is '/' or '-' or '.')
        {
            char separator = s[p];
            if (firstDigits <= 2)
            {
                int dateEnd = ScanDayFirst(s, start, out int d, out int m, out int y, out int yearDigits);
                if (dateEnd > 0 && (yearDigits == 4 || (forms == DateForms.Page && yearDigits == 2)))
                {
                    (day, month, year, end) = (d, m, yearDigits == 2 ? 2000 + y : y, dateEnd);
                    return true;
                }
            }
            else if (forms == DateForms.Page && firstDigits == 4)
            {
                int q = p + 1;
                int second = ReadNumber(s, ref q, 2, out int secondDigits);
                if (secondDigits > 0 && q < s.Length && s[q] == separator)
                {
                    int r = q + 1;
                    int third = ReadNumber(s, ref r, 2, out int thirdDigits);
                    if (thirdDigits > 0)
                    {
                        (year, month, day, end) = (first, second, third, r);
                        return true;
                    }
                }
            }

            // "18. Mai 2014" goes on to the month names.
            if (separator != '.' || forms == DateForms.Document)
            {
                return false;
            }
        }

        // Spelled form: [ngày] D tháng M năm Y.
        if (firstDigits <= 2)
        {
            int q = p;
            if (ExpectWord(s, ref q, "thang"))
            {
                int m = ReadNumber(s, ref q, 2, out int mDigits);
                if (mDigits > 0 && ExpectWord(s, ref q, "nam"))
                {
                    int y = ReadNumber(s, ref q, 4, out int yDigits);
                    if (yDigits == 4)
                    {
                        (day, month, year, end) = (first, m, y, q);
                        return true;
                    }
                }
            }

            // Month names of other languages: "18. Mai 2014", "3 de mayo de 2022", "30 septembre 2018", "May 18, 2014".
            if (forms == DateForms.Page && TryNamedMonthAfter(s, p, out month, out year, out end) || TryNamedMonthBefore(s, start, p, out month, out year, out end))
            {
                day = first;
                return true;
            }
        }

        return false;
    }

    // "18. Mai 2014", "3 de mayo de 2022", "1er janvier 2020", "5th of May, 2020": p is just after the day.
    private static bool TryNamedMonthAfter(ReadOnlySpan<char> s, int p, out int month, out int year, out int end)
    {
        month = year = 0;
        end = p;
        int q = SkipOrdinalSuffix(s, p);
        if (q < s.Length && s[q] == '.')
        {
            q++;
        }

        q = SkipSpaces(s, q);
        SkipWord(s, ref q, "de");
        SkipWord(s, ref q, "of");
        if (!TryMonthWord(s, ref q, out month))
        {
            return false;
        }

        return TryYearAfterMonth(s, q, out year, out end);
    }

    // "May 18, 2014", "January 5th 2020": the month word stands before the day at start; p is just after the day.
    private static bool TryNamedMonthBefore(ReadOnlySpan<char> s, int start, int p, out int month, out int year, out int end)
    {
        month = year = 0;
        end = p;
        int wordEnd = start;
        while (wordEnd > 0 && s[wordEnd - 1] is ' ' or '\u00A0' or '.')
        {
            wordEnd--;
        }

        int wordStart = wordEnd;
        while (wordStart > 0 && char.IsLetter(s[wordStart - 1]))
        {
            wordStart--;
        }

        if (wordEnd == start || wordStart == wordEnd || wordEnd - wordStart > MonthNames.MaxLength ||
            !MonthNames.ByName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(s[wordStart..wordEnd], out month))
        {
            return false;
        }

        int q = SkipOrdinalSuffix(s, p);
        if (q < s.Length && s[q] == ',')
        {
            q++;
        }

        int y = ReadYear(s, SkipSpaces(s, q), out int yearEnd);
        if (y == 0)
        {
            return false;
        }

        (year, end) = (y, yearEnd);
        return true;
    }

    private static bool TryMonthWord(ReadOnlySpan<char> s, ref int p, out int month)
    {
        month = 0;
        int q = p;
        while (q < s.Length && char.IsLetter(s[q]))
        {
            q++;
        }

        if (q == p || q - p > MonthNames.MaxLength || !MonthNames.ByName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(s[p..q], out month))
        {
            return false;
        }

        if (q < s.Length && s[q] == '.')
        {
            q++;
        }

        p = q;
        return true;
    }

    private static bool TryYearAfterMonth(ReadOnlySpan<char> s, int q, out int year, out int end)
    {
        if (q < s.Length && s[q] == ',')
        {
            q++;
        }

        q = SkipSpaces(s, q);
        SkipWord(s, ref q, "de");
        SkipWord(s, ref q, "del");
        year = ReadYear(s, q, out end);
        return year != 0;
    }

    private static int ReadYear(ReadOnlySpan<char> s, int q, out int end)
    {
        end = q;
        int y = ReadNumber(s, ref q, 4, out int digits);
        if (digits != 4 || (q < s.Length && char.IsAsciiDigit(s[q])))
        {
            return 0;
        }

        end = q;
        return y;
    }

    private static int SkipOrdinalSuffix(ReadOnlySpan<char> s, int p)
    {
        ReadOnlySpan<char> rest = s[p..];
        foreach (string suffix in (ReadOnlySpan<string>)["st", "nd", "rd", "th", "er", "o", "º"])
        {
            if (rest.StartsWith(suffix, StringComparison.Ordinal) && (rest.Length == suffix.Length || !char.IsLetter(rest[suffix.Length])))
            {
                return p + suffix.Length;
            }
        }

        return p;
    }

    private static void SkipWord(ReadOnlySpan<char> s, ref int p, string word)
    {
        int q = p;
        if (ExpectWord(s, ref q, word))
        {
            p = q;
        }
    }

    // Skips spaces, then expects the folded ASCII word (folding each character, so "Tháng" and "thang" both match
    // in text that was not folded ahead), then skips spaces.
    private static bool ExpectWord(ReadOnlySpan<char> s, ref int p, string word)
    {
        int q = SkipSpaces(s, p);
        if (q + word.Length > s.Length)
        {
            return false;
        }

        for (int k = 0; k < word.Length; k++)
        {
            if (FoldingTable.Of(s[q + k]) != word[k])
            {
                return false;
            }
        }

        q += word.Length;
        if (q < s.Length && char.IsLetter(s[q]))
        {
            return false;
        }

        p = SkipSpaces(s, q);
        return true;
    }

    private static int SkipSpaces(ReadOnlySpan<char> s, int p)
    {
        while (p < s.Length && (s[p] == ' ' || s[p] == '\u00A0' || s[p] == '\t' || s[p] == '\n' || s[p] == '\r'))
        {
            p++;
        }

        return p;
    }

    private static int ReadNumber(ReadOnlySpan<char> s, ref int p, int maxDigits, out int digits)
    {
        int value = 0;
        digits = 0;
        int q = p;
        while (q < s.Length && char.IsAsciiDigit(s[q]) && digits < maxDigits + 1)
        {
            value = (value * 10) + (s[q] - '0');
            digits++;
            q++;
        }

        if (digits > maxDigits)
        {
            digits = 0;
            return 0;
        }

        p = q;
        return value;
    }

    private static bool TryTimeAfter(ReadOnlySpan<char> s, int p, out int hour, out int minute, out int second, out int end)
    {
        // Between the date and the time: spaces, ',', '|', '-', '–', 'T' (ISO) and the word "lúc".
        int q = p;
        int limit = Math.Min(s.Length, p + 16);
        while (q < limit)
        {
            char c = s[q];
            if (c is ' ' or '\u00A0' or ',' or '|' or '-' or '\u2013' or '(' or 'T' or 't')
            {
                q++;
            }
            else if (q + 3 <= s.Length && s.Slice(q, 3).SequenceEqual("luc"))
            {
                q += 3;
            }
            else
            {
                break;
            }
        }

        return TryTimeAt(s, q, out hour, out minute, out second, out end);
    }

    private static bool TryTimeBefore(ReadOnlySpan<char> s, int dateStart, out int hour, out int minute, out int second)
    {
        hour = minute = second = 0;
        // "08:15 ngày 22/09/2023": walk back over "ngày", spaces and commas to the time.
        int q = dateStart;
        while (q > 0 && s[q - 1] is ' ' or '\u00A0' or ',' or '-' or '|')
        {
            q--;
        }

        if (q >= 4 && s.Slice(q - 4, 4).SequenceEqual("ngay"))
        {
            q -= 4;
            while (q > 0 && s[q - 1] is ' ' or '\u00A0' or ',' or '-' or '|')
            {
                q--;
            }
        }

        // Find the start of "HH:MM" or "HH:MM:SS" or "HHhMM" ending at q.
        for (int start = Math.Max(0, q - 8); start < q; start++)
        {
            if ((start == 0 || !char.IsAsciiDigit(s[start - 1])) && char.IsAsciiDigit(s[start]) &&
                TryTimeAt(s, start, out hour, out minute, out second, out int end) && end == q)
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryTimeAt(ReadOnlySpan<char> s, int p, out int hour, out int minute, out int second, out int end)
    {
        hour = minute = second = 0;
        end = p;
        int q = p;
        int h = ReadNumber(s, ref q, 2, out int hDigits);
        if (hDigits == 0 || q >= s.Length || s[q] is not (':' or 'h' or 'g'))
        {
            return false;
        }

        q++;
        int m = ReadNumber(s, ref q, 2, out int mDigits);
        if (mDigits != 2 || h > 23 || m > 59)
        {
            return false;
        }

        int sec = 0;
        if (q + 2 < s.Length && s[q] == ':' && char.IsAsciiDigit(s[q + 1]))
        {
            int r = q + 1;
            sec = ReadNumber(s, ref r, 2, out int sDigits);
            if (sDigits == 2 && sec <= 59)
            {
                q = r;
                // Fractions of a second (ISO) carry nothing a news date needs.
                if (q < s.Length && s[q] == '.')
                {
                    q++;
                    while (q < s.Length && char.IsAsciiDigit(s[q]))
                    {
                        q++;
                    }
                }
            }
            else
            {
                sec = 0;
            }
        }

        (hour, minute, second, end) = (h, m, sec, q);
        return true;
    }

    private static bool TryZone(ReadOnlySpan<char> s, int p, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        int q = p;
        while (q < s.Length && q < p + 4 && s[q] is ' ' or '(' or '\u00A0')
        {
            q++;
        }

        if (q < s.Length && s[q] is 'z' or 'Z' && (q + 1 >= s.Length || !char.IsAsciiLetter(s[q + 1])))
        {
            return true;
        }

        bool named = false;
        if (q + 3 <= s.Length && (s.Slice(q, 3).SequenceEqual("gmt") || s.Slice(q, 3).SequenceEqual("utc")))
        {
            q += 3;
            named = true;
        }

        if (q >= s.Length || s[q] is not ('+' or '-' or '\u2212'))
        {
            return named;
        }

        int sign = s[q] == '+' ? 1 : -1;
        q++;
        // "+0200" gives hours and minutes in four digits.
        int start = q;
        int hhmm = ReadNumber(s, ref q, 4, out int allDigits);
        if (allDigits == 4 && hhmm / 100 <= 14 && hhmm % 100 <= 59)
        {
            offset = new TimeSpan(sign * (hhmm / 100), sign * (hhmm % 100), 0);
            return true;
        }

        q = start;
        int h = ReadNumber(s, ref q, 2, out int hDigits);
        if (hDigits == 0 || h > 14)
        {
            return named;
        }

        int m = 0;
        if (q + 2 < s.Length + 1 && q < s.Length && s[q] == ':')
        {
            q++;
            m = ReadNumber(s, ref q, 2, out int mDigits);
            if (mDigits != 2 || m > 59)
            {
                m = 0;
            }
        }
        else if (hDigits == 2 && q + 1 < s.Length + 1 && q < s.Length && char.IsAsciiDigit(s[q]))
        {
            m = ReadNumber(s, ref q, 2, out int mDigits);
            if (mDigits != 2 || m > 59)
            {
                m = 0;
            }
        }

        offset = new TimeSpan(sign * h, sign * m, 0);
        return true;
    }
}
