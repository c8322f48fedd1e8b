using PhoneBooking.IvrHost.Outbound;
using PhoneBooking.IvrHost.Tests.Callbacks.Support;

namespace PhoneBooking.IvrHost.Tests.Outbound;

/// <summary>The one number rule for calls and texts alike: what a caller may type as a call-back number and still never be called or texted.</summary>
public sealed class OutboundPolicyTests
{
    private readonly OutboundPolicy _guard = new(new FixedOptions<OutboundOptions>(new OutboundOptions()));

    [Theory]
    [InlineData("+14165550123")] // Toronto
    [InlineData("+15145550199")] // Montréal
    [InlineData("+17095550100")] // St. John's
    [InlineData("+12125550100")] // New York
    [InlineData("+13105550100")] // Los Angeles
    [InlineData("+19075550100")] // Alaska
    public void Refusal_CanadianAndUsSubscriberNumbers_AreCalled(string phone) =>
        Assert.Null(_guard.Refusal(phone));

    [Theory]
    [InlineData("+19005550123", RefusalReasons.PremiumRate)]
    [InlineData("+14169765555", RefusalReasons.PremiumRate)]
    [InlineData("+18005550123", RefusalReasons.TollFree)]
    [InlineData("+18885550123", RefusalReasons.TollFree)]
    [InlineData("+15005550123", RefusalReasons.NonGeographic)]
    [InlineData("+15335550123", RefusalReasons.NonGeographic)]
    [InlineData("+16005550123", RefusalReasons.NonGeographic)]
    [InlineData("+17005550123", RefusalReasons.NonGeographic)]
    [InlineData("+14445550123", RefusalReasons.NonGeographic)]
    [InlineData("+14115550123", RefusalReasons.ServiceCode)]
    [InlineData("+14164115555", RefusalReasons.ServiceCode)]
    [InlineData("+14169505555", RefusalReasons.ServiceCode)]
    [InlineData("+14165551212", RefusalReasons.InformationService)]
    [InlineData("+16135554334", RefusalReasons.InformationService)]
    [InlineData("+11235550123", RefusalReasons.InvalidAreaCode)]
    [InlineData("+19905550123", RefusalReasons.InvalidAreaCode)]
    [InlineData("+13745550123", RefusalReasons.InvalidAreaCode)]
    [InlineData("+14161550123", RefusalReasons.InvalidExchange)]
    [InlineData("+18765550123", RefusalReasons.CountryNotAllowed)] // Jamaica: +1, but not Canada or the US
    [InlineData("+18762345678", RefusalReasons.CountryNotAllowed)] // issue 12: texted before the policy covered texts
    [InlineData("+19005551234", RefusalReasons.PremiumRate)] // issue 12: texted five times
    [InlineData("+19115550123", RefusalReasons.ServiceCode)]
    [InlineData("+18095550123", RefusalReasons.CountryNotAllowed)] // Dominican Republic
    [InlineData("+12425550123", RefusalReasons.CountryNotAllowed)] // Bahamas
    [InlineData("+17875550123", RefusalReasons.CountryNotAllowed)] // Puerto Rico
    [InlineData("+442071838750", RefusalReasons.CountryNotAllowed)]
    [InlineData("+882123456789", RefusalReasons.CountryNotAllowed)]
    [InlineData("4165550123", RefusalReasons.NotE164)]
    [InlineData("+1416555012", RefusalReasons.NotE164)]
    [InlineData("+1 416 555 0123", RefusalReasons.NotE164)]
    [InlineData("", RefusalReasons.NotE164)]
    public void Refusal_PremiumSpecialAndForeignNumbers_AreRefusedWithTheirReason(string phone, string reason) =>
        Assert.Equal(reason, _guard.Refusal(phone));

    [Fact]
    public void Refusal_TollFreeAllowed_CallsItButStillNeverPremium()
    {
        var guard = new OutboundPolicy(new FixedOptions<OutboundOptions>(new OutboundOptions { AllowTollFree = true }));

        Assert.Null(guard.Refusal("+18005550123"));
        Assert.Equal(RefusalReasons.PremiumRate, guard.Refusal("+19005550123"));
    }

    [Fact]
    public void Refusal_OnlyCanadaAllowed_RefusesUsNumbers()
    {
        var guard = new OutboundPolicy(new FixedOptions<OutboundOptions>(new OutboundOptions { AllowedCountries = ["CA"] }));

        Assert.Null(guard.Refusal("+14165550123"));
        Assert.Equal(RefusalReasons.CountryNotAllowed, guard.Refusal("+12125550100"));
    }
}
