using PhoneBooking.Prompts.Catalog;
using PhoneBooking.Prompts.Speech;

namespace PhoneBooking.Prompts.Tests.Speech;

/// <summary>How the shipped locales say values: what a caller hears, and what a text message shows.</summary>
public sealed class SpeechFormatterTests
{
    private static readonly PromptCatalog Catalog = PromptCatalog.Load(new PromptOptions { Directory = PromptFolder.Shipped });

    [Theory]
    [InlineData("en-CA", "2027-03-23", false, "Tuesday, March 23")]
    [InlineData("en-CA", "2027-03-23", true, "Tuesday, March 23, 2027")]
    [InlineData("en-CA", "2026-12-01", false, "Tuesday, December 1")]
    [InlineData("fr-CA", "2027-03-23", false, "mardi 23 mars")]
    [InlineData("fr-CA", "2027-03-23", true, "mardi 23 mars 2027")]
    [InlineData("fr-CA", "2026-12-01", false, "mardi premier décembre")]
    public void Date_Spoken_HasWeekdayDayAndMonth(string locale, string date, bool withYear, string expected) =>
        Assert.Equal(expected, Spoken(locale, SpeechValue.Date(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), withYear)));

    [Theory]
    [InlineData("en-CA", "1950-03-23", "March 23, 1950")]
    [InlineData("fr-CA", "1950-03-23", "23 mars 1950")]
    [InlineData("fr-CA", "1944-01-01", "premier janvier 1944")]
    public void BirthDate_Spoken_HasTheYearForConfirmation(string locale, string date, string expected) =>
        Assert.Equal(expected, Spoken(locale, SpeechValue.BirthDate(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))));

    [Fact]
    public void Date_FirstOfTheMonthInFrench_IsWritten1erInText() =>
        Assert.Equal("mardi 1er décembre", Written("fr-CA", SpeechValue.Date(new DateOnly(2026, 12, 1))));

    [Theory]
    [InlineData("10:00", "11:00", "between 10 and 11 in the morning")]
    [InlineData("09:00", "10:00", "between 9 and 10 in the morning")]
    [InlineData("11:00", "12:00", "between 11 in the morning and noon")]
    [InlineData("12:00", "13:00", "between noon and 1 in the afternoon")]
    [InlineData("16:00", "17:00", "between 4 and 5 in the afternoon")]
    [InlineData("17:00", "18:00", "between 5 and 6 in the evening")]
    [InlineData("21:00", "22:00", "between 9 and 10 at night")]
    [InlineData("23:00", "00:00", "between 11 at night and midnight")]
    [InlineData("00:00", "01:00", "between midnight and 1 in the morning")]
    [InlineData("10:30", "11:30", "between 10:30 and 11:30 in the morning")]
    [InlineData("11:30", "12:30", "between 11:30 in the morning and 12:30 in the afternoon")]
    public void Window_English_SaysThePartOfDayOnce(string start, string end, string expected) =>
        Assert.Equal(expected, Spoken("en-CA", Window(start, end)));

    [Theory]
    [InlineData("10:00", "11:00", "entre 10 h et 11 h", "entre 10 heures et 11 heures")]
    [InlineData("11:00", "12:00", "entre 11 h et midi", "entre 11 heures et midi")]
    [InlineData("12:00", "13:00", "entre midi et 13 h", "entre midi et 13 heures")]
    [InlineData("17:00", "18:00", "entre 17 h et 18 h", "entre 17 heures et 18 heures")]
    [InlineData("23:00", "00:00", "entre 23 h et minuit", "entre 23 heures et minuit")]
    [InlineData("00:00", "01:00", "entre minuit et 1 h", "entre minuit et une heure")]
    [InlineData("09:30", "10:30", "entre 9 h 30 et 10 h 30", "entre 9 heures 30 et 10 heures 30")]
    [InlineData("13:00", "14:00", "entre 13 h et 14 h", "entre 13 heures et 14 heures")]
    public void Window_French_Uses24HourClockWrittenAndSpoken(string start, string end, string written, string spoken)
    {
        Assert.Equal(written, Written("fr-CA", Window(start, end)));
        Assert.Equal(spoken, Spoken("fr-CA", Window(start, end)));
    }

    [Fact]
    public void Code_EightDigits_TwoGroupsOfFourWithAPause()
    {
        var parts = Formatter("en-CA").Format(SpeechValue.Code("4821-3907"));

        Assert.Equal<SpeechPart>(
            [new CharactersPart("4821"), new PausePart(SpeechFormatter.GroupPauseMilliseconds, " "), new CharactersPart("3907")],
            parts);
    }

    [Fact]
    public void Code_LettersAndDigits_ReadAsCharactersInEvenGroups()
    {
        var groups = Formatter("fr-CA").Format(SpeechValue.Code("gv-7305")).OfType<CharactersPart>().ToList();

        Assert.Equal(["GV7", "305"], groups.Select(g => g.Characters));
        Assert.False(groups[0].IsDigits);
        Assert.True(groups[1].IsDigits);
    }

    [Theory]
    [InlineData(8, new[] { 4, 4 })]
    [InlineData(7, new[] { 4, 3 })]
    [InlineData(9, new[] { 3, 3, 3 })]
    [InlineData(10, new[] { 4, 3, 3 })]
    [InlineData(4, new[] { 4 })]
    [InlineData(1, new[] { 1 })]
    public void EvenGroups_Length_AtMostFourAndBalanced(int length, int[] expected) =>
        Assert.Equal(expected, SpeechFormatter.EvenGroups(length));

    [Theory]
    [InlineData("+1 (416) 555-0123")]
    [InlineData("4165550123")]
    [InlineData("1-416-555-0123")]
    public void Phone_NorthAmerican_ThreeThreeFourWithoutTheLeadingOne(string number)
    {
        var parts = Formatter("en-CA").Format(SpeechValue.Phone(number));

        Assert.Equal(["416", "555", "0123"], parts.OfType<CharactersPart>().Select(p => p.Characters));
        Assert.Equal(2, parts.OfType<PausePart>().Count());
        Assert.Equal("416-555-0123", Written("en-CA", SpeechValue.Phone(number)));
        Assert.Equal("4 1 6 5 5 5 0 1 2 3", Spoken("en-CA", SpeechValue.Phone(number)));
    }

    [Fact]
    public void Phone_International_EvenGroups() =>
        Assert.Equal("3312-3456-789", Written("fr-CA", SpeechValue.Phone("+33 1 23 45 67 89")));

    [Theory]
    [InlineData("en-CA", 1, "first")]
    [InlineData("en-CA", 2, "second")]
    [InlineData("en-CA", 5, "fifth")]
    [InlineData("fr-CA", 1, "premier")]
    [InlineData("fr-CA", 3, "troisième")]
    [InlineData("fr-CA", 5, "cinquième")]
    [InlineData("en-CA", 6, "6")]
    public void Rank_Ordinal_InWords(string locale, int rank, string expected) =>
        Assert.Equal(expected, Spoken(locale, SpeechValue.Rank(rank)));

    [Theory]
    [InlineData("en-CA", 1, "1 minute")]
    [InlineData("en-CA", 10, "10 minutes")]
    [InlineData("fr-CA", 1, "1 minute")]
    [InlineData("fr-CA", 15, "15 minutes")]
    public void Minutes_WithTheRightUnit(string locale, int minutes, string expected) =>
        Assert.Equal(expected, Spoken(locale, SpeechValue.Minutes(minutes)));

    [Theory]
    [InlineData("en-CA", PartOfDay.Morning, "in the morning")]
    [InlineData("en-CA", PartOfDay.Any, "at any time")]
    [InlineData("fr-CA", PartOfDay.Afternoon, "en après-midi")]
    [InlineData("fr-CA", PartOfDay.Any, "à n'importe quelle heure")]
    public void DayPart_InWords(string locale, PartOfDay part, string expected) =>
        Assert.Equal(expected, Spoken(locale, SpeechValue.DayPart(part)));

    [Fact]
    public void Site_WithAliasInTheLocaleFile_TheLanguagesOwnNameSaidAndWritten()
    {
        var site = SpeechValue.Site("north-york", "North York Civic Centre", "North York Civic Center");

        Assert.Equal("Centre civique de North York", Spoken("fr-CA", site));
        Assert.Equal("Centre civique de North York", Written("fr-CA", site));
    }

    [Fact]
    public void Site_AliasWithTwoForms_SaysOneAndWritesTheOther()
    {
        var site = SpeechValue.Site("st-lawrence", "St. Lawrence Market Community Clinic", "Saint Lawrence Market Community Clinic");

        Assert.Equal("Clinique communautaire du marché Saint-Laurent", Spoken("fr-CA", site));
        Assert.Equal("Clinique communautaire du marché St. Lawrence", Written("fr-CA", site));
    }

    [Fact]
    public void Site_WithoutAlias_SpeaksTheApisSpokenName() =>
        Assert.Equal("Etobicoke Civic Centre", Spoken("fr-CA", SpeechValue.Site("etobicoke", "Etobicoke CC", "Etobicoke Civic Centre")));

    [Fact]
    public void Count_Number_AsDigits() =>
        Assert.Equal("40", Spoken("fr-CA", SpeechValue.Count(40)));

    private static SpokenWindow Window(string start, string end) =>
        SpeechValue.Window(TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));

    private static SpeechFormatter Formatter(string locale) => Catalog.Files.Single(f => f.Locale == locale).Formatter;

    private static string Spoken(string locale, SpeechValue value) =>
        string.Join(' ', string.Concat(Formatter(locale).Format(value).Select(part => part switch
        {
            TextPart text => text.Spoken,
            CharactersPart characters => $" {string.Join(' ', characters.Characters.ToCharArray())} ",
            _ => " ",
        })).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Written(string locale, SpeechValue value) =>
        string.Concat(Formatter(locale).Format(value).Select(part => part switch
        {
            TextPart text => text.Written,
            CharactersPart characters => characters.Characters,
            PausePart pause => pause.WrittenSeparator,
            _ => string.Empty,
        }));
}
