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
        Assert.Equal(valid, Entries.BirthDate.Parse(keys, Context, out _));
    }

    [Theory]
    [InlineData("1203", "2026-12-03")]
    [InlineData("1123", "2026-11-23")] // today still counts
    [InlineData("0105", "2027-01-05")] // next year
    [InlineData("0229", "2028-02-29")] // no Feb 29 in 2027: not within a year
    public void MonthDay_Entry_IsTheNextSuchDay(string keys, string expected)
    {
        var ok = Entries.MonthDay.Parse(keys, Context, out var date);

        Assert.Equal(expected != "2028-02-29", ok);
        if (ok)
        {
            Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
        }
    }

    [Theory]
    [InlineData("1300")]
    [InlineData("0000")]
    [InlineData("123")]
    [InlineData("1232")]
    public void MonthDay_Entry_RejectsImpossibleDates(string keys)
    {
        Assert.False(Entries.MonthDay.Parse(keys, Context, out _));
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
    [InlineData("0", false)]
    [InlineData("1", true)]
    [InlineData("2000", true)]
    [InlineData("2001", false)]
    public void Count_Entry_IsBetweenOneAndTheCap(string keys, bool valid)
    {
        Assert.Equal(valid, Entries.Count.Parse(keys, Context, out _));
    }
}
