using PhoneBooking.IvrHost.CallFlow;
using static PhoneBooking.IvrHost.Tests.CallFlow.CallFlowTestData;

namespace PhoneBooking.IvrHost.Tests.CallFlow;

public sealed class EntriesTests
{
    [Theory]
    [InlineData("19500305", true)]
    [InlineData("20261123", true)]
    [InlineData("20261124", false)] // tomorrow
    [InlineData("18991231", false)]
    [InlineData("19500230", false)]
    [InlineData("1950035", false)]
    [InlineData("1950030a", false)]
    public void BirthDate_Entry_AcceptsOnlyRealPastDates(string keys, bool valid)
    {
        Assert.Equal(valid, Entries.BirthDate.Accepts(keys, At(CallState.BirthDate), Context));
    }

    [Theory]
    [InlineData("1203", "en-CA", "2026-12-03")]
    [InlineData("0312", "fr-CA", "2026-12-03")]
    [InlineData("1123", "en-CA", "2026-11-23")] // today still counts
    [InlineData("0105", "en-CA", "2027-01-05")] // next year
    [InlineData("0501", "fr-CA", "2027-01-05")]
    public void Day_Entry_IsTheNextSuchDay_InTheOrderTheCallersLanguageWritesDates(string keys, string locale, string expected)
    {
        Assert.True(Entries.Day.Parse(keys, At(CallState.PreferenceDate, s => s with { Locale = locale }), Context, out var date));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [InlineData("1300", "en-CA")]
    [InlineData("0000", "en-CA")]
    [InlineData("123", "en-CA")]
    [InlineData("1232", "en-CA")]
    [InlineData("0229", "en-CA")] // no February 29 within a year
    [InlineData("3212", "fr-CA")]
    [InlineData("0313", "fr-CA")]
    public void Day_Entry_RejectsImpossibleDates(string keys, string locale)
    {
        Assert.False(Entries.Day.Accepts(keys, At(CallState.PreferenceDate, s => s with { Locale = locale }), Context));
    }

    [Theory]
    [InlineData("4165550123", "+14165550123")]
    [InlineData("14165550123", "+14165550123")]
    [InlineData("+1 (416) 555-0123", "+14165550123")]
    public void PhoneNumber_NorthAmerican_NormalisesToE164(string input, string expected)
    {
        Assert.True(Entries.TryNorthAmerican(input, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("0165550123")]
    [InlineData("4161550123")]
    [InlineData("416555012")]
    [InlineData("+442071838750")]
    [InlineData("anonymous")]
    [InlineData("")]
    public void PhoneNumber_NotNorthAmerican_IsRefused(string input)
    {
        Assert.False(Entries.TryNorthAmerican(input, out _));
    }

    [Theory]
    [InlineData("0", false, true)]
    [InlineData("1", true, true)]
    [InlineData("9", true, true)]
    [InlineData("2000", true, true)]
    [InlineData("2001", false, false)]
    public void Counts_ResidentsFromOne_StaffFromZero(string keys, bool residents, bool staff)
    {
        Assert.Equal(residents, Entries.Residents.Accepts(keys, At(CallState.Residents), Context));
        Assert.Equal(staff, Entries.Staff.Accepts(keys, At(CallState.Staff), Context));
    }
}
