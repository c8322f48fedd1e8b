using System.Collections.Concurrent;
using System.Globalization;

namespace PhoneBooking.Prompts.Catalog;

/// <summary>
/// Where to look for a prompt: the caller's locale, its parents (fr-CA → fr), other regions of the
/// same language (fr-FR → fr-CA: French beats the default), then the default locale; only loaded
/// locales, each once. An unknown or malformed locale goes straight to the default.
/// </summary>
internal sealed class LocaleChain(IReadOnlyCollection<string> loaded, string defaultLocale)
{
    private readonly ConcurrentDictionary<string, string[]> _chains = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> For(string locale) => _chains.GetOrAdd(locale ?? string.Empty, Build);

    private string[] Build(string locale)
    {
        var chain = new List<string>();
        var ancestry = Ancestry(locale).ToList();
        var language = ancestry.Count > 0 ? ancestry[^1] : null;
        var sameLanguage = loaded.Where(l => language is not null && l.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal);
        foreach (var name in ancestry.Concat(sameLanguage).Append(defaultLocale))
        {
            var match = loaded.FirstOrDefault(l => string.Equals(l, name, StringComparison.OrdinalIgnoreCase));
            if (match is not null && !chain.Contains(match))
            {
                chain.Add(match);
            }
        }

        return [.. chain];
    }

    private static IEnumerable<string> Ancestry(string locale)
    {
        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(locale, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            yield break;
        }

        for (; culture.Name.Length > 0; culture = culture.Parent)
        {
            yield return culture.Name;
        }
    }
}
