using System.Text;
using DanVan.Analytics.Text.Dates;

namespace DanVan.Analytics.Tests.Text.Dates;

public sealed class VietnameseDateParserTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static TheoryData<string, DateTimeOffset, bool> PageDates() => new()
    {
        { "18. Mai 2014", new DateTimeOffset(2014, 5, 18, 0, 0, 0, Vietnam), false },
        { "Veröffentlicht am 3. März 2021, 10:05", new DateTimeOffset(2021, 3, 3, 10, 5, 0, Vietnam), false },
        { "publié le 30 septembre 2018", new DateTimeOffset(2018, 9, 30, 0, 0, 0, Vietnam), false },
        { "3 de mayo de 2022", new DateTimeOffset(2022, 5, 3, 0, 0, 0, Vietnam), false },
        { "Posted on May 18, 2014", new DateTimeOffset(2014, 5, 18, 0, 0, 0, Vietnam), false },
        { "January 5th 2020", new DateTimeOffset(2020, 1, 5, 0, 0, 0, Vietnam), false },
        { "3 listopada 2023", new DateTimeOffset(2023, 11, 3, 0, 0, 0, Vietnam), false },
        { "15 августа 2016, 13:43", new DateTimeOffset(2016, 8, 15, 13, 43, 0, Vietnam), false },
        { "3. března 2023", new DateTimeOffset(2023, 3, 3, 0, 0, 0, Vietnam), false },
        { "28.09.1912:44", new DateTimeOffset(2019, 9, 28, 12, 44, 0, Vietnam), false }, // "28.09.19" and "12:44" run together
        { "/2019/10/21/interning-of-small-integers/", new DateTimeOffset(2019, 10, 21, 0, 0, 0, Vietnam), false },
        { "Thứ Bảy, 4/1/2025", new DateTimeOffset(2025, 1, 4, 0, 0, 0, Vietnam), false },
        { "Thứ Hai, 12/06/2023 22:32 (GMT+0)", new DateTimeOffset(2023, 6, 12, 22, 32, 0, TimeSpan.Zero), true },
        { "Thứ năm, 2/11/2023, 19:20 (GMT+7)", new DateTimeOffset(2023, 11, 2, 19, 20, 0, Vietnam), true },
        { "Cập nhật: 08:15 ngày 22/09/2023", new DateTimeOffset(2023, 9, 22, 8, 15, 0, Vietnam), false },
        { "22/9/2023 | 10:05", new DateTimeOffset(2023, 9, 22, 10, 5, 0, Vietnam), false },
        { "ngày 18 tháng 12 năm 2024", new DateTimeOffset(2024, 12, 18, 0, 0, 0, Vietnam), false },
        { "Đăng ngày 18 Tháng 12 Năm 2025", new DateTimeOffset(2025, 12, 18, 0, 0, 0, Vietnam), false },
        { "2023-11-02T19:20:45+07:00", new DateTimeOffset(2023, 11, 2, 19, 20, 45, Vietnam), true },
        { "2025-12-18T08:30:12Z", new DateTimeOffset(2025, 12, 18, 8, 30, 12, TimeSpan.Zero), true },
        { "2019-06-17T18:28:00+0200", new DateTimeOffset(2019, 6, 17, 18, 28, 0, TimeSpan.FromHours(2)), true },
        { "2023-09-22T10:05:00", new DateTimeOffset(2023, 9, 22, 10, 5, 0, Vietnam), false },
        { "2023-11-02T19:20:45.123-05:00", new DateTimeOffset(2023, 11, 2, 19, 20, 45, TimeSpan.FromHours(-5)), true },
        { "26-03-2021 18h05", new DateTimeOffset(2021, 3, 26, 18, 5, 0, Vietnam), false },
        { "(02/01/2025)", new DateTimeOffset(2025, 1, 2, 0, 0, 0, Vietnam), false },
        { "Thứ Sáu, 22.09.2023 - 10:05 GMT+07:00", new DateTimeOffset(2023, 9, 22, 10, 5, 0, Vietnam), true },
    };

    [Theory]
    [MemberData(nameof(PageDates))]
    public void TryParse_VietnamesePageDate_ReadsDayBeforeMonthAndZone(string text, DateTimeOffset expected, bool zoneInText)
    {
        Assert.True(VietnameseDateParser.TryParse(text, VietnameseDateParser.VietnamOffset, out DateTimeOffset value, out bool offsetGiven));
        Assert.Equal(expected, value);
        Assert.Equal(expected.Offset, value.Offset);
        Assert.Equal(zoneInText, offsetGiven);
    }

    [Fact]
    public void TryParse_DecomposedText_ReadsTheSameDate()
    {
        string nfd = "ngày 18 tháng 12 năm 2024".Normalize(NormalizationForm.FormD);
        Assert.True(VietnameseDateParser.TryParse(nfd, out DateTimeOffset value));
        Assert.Equal(new DateTimeOffset(2024, 12, 18, 0, 0, 0, Vietnam), value);
    }

    [Fact]
    public void TryParse_AmbiguousDayMonth_ReadsDayFirst()
    {
        Assert.True(VietnameseDateParser.TryParse("4/1/2025", out DateTimeOffset value));
        Assert.Equal(4, value.Day);
        Assert.Equal(1, value.Month);
    }

    [Fact]
    public void TryParse_OtherDefaultOffset_IsUsedWhenTextHasNoZone()
    {
        Assert.True(VietnameseDateParser.TryParse("22/9/2023 10:05", TimeSpan.Zero, out DateTimeOffset value, out bool given));
        Assert.False(given);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Chiều 26-3, Ủy viên Ban Thường vụ Thành ủy")]
    [InlineData("Ngày18/12, Ban Tuyên giáo")]
    [InlineData("nhiệm kỳ 2021-2026")]
    [InlineData("31/2/2023")]
    [InlineData("12/13/2023")]
    [InlineData("32/01/2023")]
    [InlineData("ngày 18 tháng 12")]
    [InlineData("quý II-2021")]
    [InlineData("1/2025")]
    [InlineData("Số 25-NQ/TW")]
    [InlineData("2023-13-45")]
    [InlineData("99999999999999999999/1/2024")]
    public void TryParse_NoCompleteDate_ReturnsFalse(string text)
    {
        Assert.False(VietnameseDateParser.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_InvalidTime_KeepsTheDateAtMidnight()
    {
        Assert.True(VietnameseDateParser.TryParse("22/9/2023 25:61", out DateTimeOffset value));
        Assert.Equal(new DateTimeOffset(2023, 9, 22, 0, 0, 0, Vietnam), value);
    }

    [Fact]
    public void TryParse_RandomText_NeverThrows()
    {
        var random = new Random(20250104);
        const string alphabet = "0123456789/-.: ,|()GMTUCZ+ngàytháng năm Thứ";
        for (int i = 0; i < 5000; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (int k = 0; k < chars.Length; k++)
            {
                chars[k] = alphabet[random.Next(alphabet.Length)];
            }

            if (VietnameseDateParser.TryParse(new string(chars), out DateTimeOffset value))
            {
                Assert.InRange(value.Year, 1900, 2200);
            }
        }
    }

    [Theory]
    [InlineData("ngày 3/6/2013 của", 5, 2013, 6, 3, "3/6/2013")]
    [InlineData("ngày 03-6-2013.", 5, 2013, 6, 3, "03-6-2013")]
    [InlineData("ngày 3.6.2013,", 5, 2013, 6, 3, "3.6.2013")]
    [InlineData("ngày 3 tháng 6 năm 2013 của", 5, 2013, 6, 3, "3 tháng 6 năm 2013")]
    [InlineData("Ngày 29 Tháng 02 Năm 2024", 5, 2024, 2, 29, "29 Tháng 02 Năm 2024")]
    public void TryReadDocumentDate_CitationForms_ReadsAtTheOffsetAndEndsAfterTheYear(
        string text, int start, int year, int month, int day, string surface)
    {
        Assert.True(VietnameseDateParser.TryReadDocumentDate(text, start, out DateOnly date, out int end));
        Assert.Equal(new DateOnly(year, month, day), date);
        Assert.Equal(surface, text[start..end]);
    }

    [Theory]
    [InlineData("ngày 3/6/13")] // a document citation writes the year in full
    [InlineData("ngày 2013-06-03")] // ISO is a page form, not a citation form
    [InlineData("ngày 3/6-2013")] // two separators
    [InlineData("ngày 31/6/2013")] // no such day
    [InlineData("ngày 3 de mayo de 2022")] // month names of other languages are page forms
    [InlineData("ngày 3 tháng 6 năm 13")]
    [InlineData("ngày 3/6/20131")]
    public void TryReadDocumentDate_NotACitationDate_ReadsNothing(string text)
    {
        Assert.False(VietnameseDateParser.TryReadDocumentDate(text, 5, out _, out int end));
        Assert.Equal(5, end);
    }

    [Theory]
    [InlineData("3/6 năm", 3, 3, 6, 0, 0)] // no year: the tokenizer's "3/6"
    [InlineData("22.09.2023 -", 10, 22, 9, 2023, 4)]
    [InlineData("03-6-13,", 7, 3, 6, 13, 2)]
    [InlineData("28.09.1912:44", 8, 28, 9, 19, 2)] // a two-digit year run into the time
    [InlineData("31/2/2023", 9, 31, 2, 2023, 4)] // a shape, not a check: the readers check the calendar
    public void ScanDayFirst_NumericDate_EndsAfterTheLastPart(string text, int end, int day, int month, int year, int yearDigits)
    {
        Assert.Equal(end, VietnameseDateParser.ScanDayFirst(text, 0, out int d, out int m, out int y, out int digits));
        Assert.Equal((day, month, year, yearDigits), (d, m, y, digits));
    }

    [Theory]
    [InlineData("1.5")] // a dotted date needs its year
    [InlineData("32/1")]
    [InlineData("0/1")]
    [InlineData("3/13")]
    [InlineData("3/6/20131")]
    [InlineData("3/6/201")]
    [InlineData("123/6")]
    [InlineData("3/106")]
    public void ScanDayFirst_NotADate_IsZero(string text)
    {
        Assert.Equal(0, VietnameseDateParser.ScanDayFirst(text, 0, out _, out _, out _, out _));
    }
}
