using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using PhoneBooking.Storage;
using PhoneBooking.Storage.Encryption;

namespace PhoneBooking.IvrHost.AgentConsole.Storage;

/// <summary>
/// The console's Data Protection key ring (what signs and encrypts its cookies) in the line's database, so a
/// cookie one instance issued is read by every other, and a restart signs no one out. Data Protection asks
/// synchronously, rarely (at start, then about once a day).
/// </summary>
public sealed class DatabaseXmlRepository(IDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. Wait(database.ReadAsync(
            connection => connection.QueryAsync<string>(new CommandDefinition("SELECT xml FROM data_protection_keys ORDER BY id")),
            CancellationToken.None)).Select(xml => XElement.Parse(xml))];

    public void StoreElement(XElement element, string friendlyName) =>
        Wait(database.WriteAsync(
            connection => connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@friendlyName, @xml)",
                new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting) })),
            CancellationToken.None));

    private static T Wait<T>(Task<T> task) => Task.Run(() => task).GetAwaiter().GetResult();
}

/// <summary>
/// Keys of the key ring are stored encrypted with the line's <see cref="DataCipher"/> (section <c>Encryption</c>):
/// a copy of the database alone cannot forge an agent's cookie.
/// </summary>
public sealed class CipherXmlEncryptor(DataCipher cipher) : IXmlEncryptor
{
    internal const string Context = "data_protection_keys";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(
        new XElement("encryptedKey", new XElement("value", cipher.Encrypt(plaintextElement.ToString(SaveOptions.DisableFormatting), Context))),
        typeof(CipherXmlDecryptor));
}

/// <summary>Made by Data Protection by its type name, with the host's services.</summary>
public sealed class CipherXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        XElement.Parse(services.GetRequiredService<DataCipher>().Decrypt(
            encryptedElement.Element("value")?.Value ?? throw new InvalidOperationException("An encrypted key has no value."),
            CipherXmlEncryptor.Context));
}
