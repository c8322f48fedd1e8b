using PhoneBooking.Storage.Migrations;

namespace PhoneBooking.Storage.Tests.Support;

/// <summary>Features whose scripts live in this test assembly (<c>Fixtures/*/Migrations</c>).</summary>
public static class TestFeatures
{
    /// <summary>Two good scripts per provider; each inserts a row, so a script run twice shows.</summary>
    public static FeatureSchema Widgets() => new("widgets", typeof(TestFeatures).Assembly, "Fixtures/Widgets/Migrations");

    /// <summary>A good script, then one the database refuses.</summary>
    public static FeatureSchema Broken() => new("broken", typeof(TestFeatures).Assembly, "Fixtures/Broken/Migrations");

    /// <summary>Scripts 1 and 3: a missing script must stop the build, not be skipped.</summary>
    public static FeatureSchema Gapped() => new("gapped", typeof(TestFeatures).Assembly, "Fixtures/Gapped/Migrations");
}
