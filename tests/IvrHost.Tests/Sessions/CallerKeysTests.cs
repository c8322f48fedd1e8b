using System.Text;
using Microsoft.Extensions.Options;
using PhoneBooking.IvrHost.Sessions;
using PhoneBooking.Storage;
using PhoneBooking.IvrHost.Tests.Hosting;

namespace PhoneBooking.IvrHost.Tests.Sessions;

public sealed class CallerKeysTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void For_SameNumber_SameKeyThatDoesNotContainTheNumber()
    {
        var keys = Keys(secret: new string('s', 32));

        var key = keys.For("+14165550123");

        Assert.Equal(key, keys.For("+14165550123"));
        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.DoesNotContain("4165550123", key, StringComparison.Ordinal);
        Assert.NotEqual(key, keys.For("+14165550124"));
    }

    [Fact]
    public void For_DifferentSecrets_DifferentKeys()
    {
        Assert.NotEqual(Keys(new string('a', 32)).For("+14165550123"), Keys(new string('b', 32)).For("+14165550123"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("anonymous")]
    [InlineData("+266696687")]
    [InlineData("+7378742833")]
    [InlineData("4165550123")]
    [InlineData("+1 416 555 0123")]
    public void For_WithheldOrMalformedNumber_IsNull(string? from)
    {
        Assert.Null(Keys(new string('s', 32)).For(from));
    }

    [Fact]
    public void For_NoConfiguredSecret_CreatesOnePrivateFileThatTheNextInstanceReuses()
    {
        var first = Keys(secret: null).For("+14165550123");

        var secretFile = _data.File(CallerKeys.SecretFileName);
        Assert.True(File.Exists(secretFile));
        Assert.Equal(first, Keys(secret: null).For("+14165550123"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretFile));
        }
    }

    [Fact]
    public void For_ConfiguredSecret_IsTheHmacKey()
    {
        var secret = new string('k', 40);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), "+14165550123"u8));

        Assert.Equal(expected, Keys(secret).For("+14165550123"));
        Assert.False(File.Exists(_data.File(CallerKeys.SecretFileName)));
    }

    private CallerKeys Keys(string? secret) =>
        new(Options.Create(new SessionsOptions { CallerKeySecret = secret }), new DataDirectory(_data.Path));
}
