using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using PhoneBooking.Prompts.Catalog;
using PhoneBooking.Prompts.Speech;

namespace PhoneBooking.IvrHost.Tests.Hosting;

/// <summary>What a prompt sounds like, rendered by the line's own catalog: tests compare words, not wording they copied.</summary>
internal static class Spoken
{
    public static string Text(IServiceProvider services, string id, string locale = "en-CA", IReadOnlyDictionary<string, SpeechValue>? arguments = null) =>
        XDocument.Parse(services.GetRequiredService<PromptCatalog>().Render(id, locale, arguments).ToString()).Root!.Value;

    public static string Text(this LineWithFaultyApi line, string id, string locale = "en-CA", IReadOnlyDictionary<string, SpeechValue>? arguments = null) =>
        Text(line.Services, id, locale, arguments);
}
