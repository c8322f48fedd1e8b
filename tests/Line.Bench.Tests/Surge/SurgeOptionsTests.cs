using PhoneBooking.Line.Bench.Surge;

namespace PhoneBooking.Line.Bench.Tests.Surge;

public class SurgeOptionsTests
{
    [Fact]
    public void Parse_Quick_ShortPhasesFasterCallersLaunchDayMultiples()
    {
        var options = SurgeOptions.Parse(["--capacity", "4", "--quick"]);

        Assert.Equal(TimeSpan.FromSeconds(15), options.Hold);
        Assert.Equal(5, options.Speedup);
        Assert.Equal([1.0, 2, 5, 10], options.Multiples);
    }

    [Fact]
    public void Parse_QuickWithOwnHoldAndPace_KeepsThem()
    {
        var options = SurgeOptions.Parse(["--quick", "--hold", "30", "--speedup", "1", "--capacity", "2.5", "--phases", "1,3"]);

        Assert.Equal(TimeSpan.FromSeconds(30), options.Hold);
        Assert.Equal(1, options.Speedup);
        Assert.Equal(2.5, options.Capacity);
        Assert.Equal([1.0, 3], options.Multiples);
    }

    [Fact]
    public void Parse_SeveralInstances_MetricsFromEach()
    {
        var options = SurgeOptions.Parse(["--capacity", "4", "--url", "http://127.0.0.1:36780/voice", "--metrics", "http://127.0.0.1:36711,http://127.0.0.1:36712/"]);

        Assert.Equal(new Uri("http://127.0.0.1:36780/"), options.Url);
        Assert.Equal([new Uri("http://127.0.0.1:36711/"), new Uri("http://127.0.0.1:36712/")], options.MetricsFrom);
    }

    [Theory]
    [InlineData(new[] { "--quick" }, "--capacity is needed")]
    [InlineData(new[] { "--capacity", "many" }, "'many'")]
    [InlineData(new[] { "--capacity", "4", "--phases", "1,x" }, "'x'")]
    [InlineData(new[] { "--capacity", "4", "--surge" }, "'--surge'")]
    public void Parse_BadArguments_RefusedQuotingTheValue(string[] args, string quoted)
    {
        var error = Assert.Throws<ArgumentException>(() => SurgeOptions.Parse(args));

        Assert.Contains(quoted, error.Message, StringComparison.Ordinal);
    }
}
