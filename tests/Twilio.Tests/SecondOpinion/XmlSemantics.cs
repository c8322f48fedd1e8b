using System.Xml.Linq;

namespace PhoneBooking.Twilio.Tests.SecondOpinion;

/// <summary>Compares two XML documents by meaning: names, attribute sets (any order), text, child order.</summary>
public static class XmlSemantics
{
    public static void AssertEquivalent(string expected, string actual)
    {
        var expectedDocument = XDocument.Parse(expected);
        var actualDocument = XDocument.Parse(actual);
        Assert.Equal("utf-8", expectedDocument.Declaration?.Encoding, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("utf-8", actualDocument.Declaration?.Encoding, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(Describe(expectedDocument.Root!), Describe(actualDocument.Root!));
    }

    // A canonical one-line form: <Name a="1" b="2">children</Name>, attributes sorted, adjacent text merged.
    private static string Describe(XElement element)
    {
        var attributes = element.Attributes().OrderBy(a => a.Name.ToString(), StringComparer.Ordinal).Select(a => $" {a.Name}=\"{a.Value}\"");
        var children = element.Nodes().Select(node => node switch
        {
            XElement child => Describe(child),
            XText text => "'" + text.Value + "'",
            _ => string.Empty,
        });
        return $"<{element.Name}{string.Concat(attributes)}>{string.Concat(children).Replace("''", string.Empty, StringComparison.Ordinal)}</{element.Name}>";
    }
}
