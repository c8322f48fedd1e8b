using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using PhoneBooking.Softphone.Platform;

namespace PhoneBooking.Softphone.Twiml;

/// <summary>
/// Reads one TwiML element's attributes the way Twilio does: an invalid value is a warning and the default
/// applies; an unknown attribute is a 12200 warning; a structural problem is fatal.
/// </summary>
internal sealed class ElementReader(XElement element, Uri? documentUrl, List<TwilioNotification> warnings)
{
    public int Line => ((IXmlLineInfo)element).LineNumber;

    public string Name => element.Name.LocalName;

    public string Body => element.Nodes().OfType<XText>().Aggregate("", (text, node) => text + node.Value).Trim();

    public ElementReader For(XElement child) => new(child, documentUrl, warnings);

    public void Only(params string[] known)
    {
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration))
        {
            if (!known.Contains(attribute.Name.LocalName, StringComparer.Ordinal))
            {
                Warn(TwilioErrors.SchemaValidation, $"attribute '{attribute.Name.LocalName}' is not allowed in <{Name}> (line {Line})");
            }
        }
    }

    public string? Text(string name)
    {
        var value = element.Attribute(name)?.Value;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public int Integer(string name, int fallback, int minimum, int code = TwilioErrors.SchemaValidation)
    {
        var raw = element.Attribute(name)?.Value;
        if (raw is null)
        {
            return fallback;
        }

        if (int.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum)
        {
            return value;
        }

        Warn(code, $"<{Name}> {name}=\"{raw}\" is not a whole number of at least {minimum}; using {fallback} (line {Line})");
        return fallback;
    }

    public TimeSpan Seconds(string name, int fallback, int minimum, int code = TwilioErrors.SchemaValidation) =>
        TimeSpan.FromSeconds(Integer(name, fallback, minimum, code));

    public bool Boolean(string name, bool fallback)
    {
        var raw = element.Attribute(name)?.Value;
        if (raw is null)
        {
            return fallback;
        }

        if (bool.TryParse(raw.Trim(), out var value))
        {
            return value;
        }

        Warn(TwilioErrors.SchemaValidation, $"<{Name}> {name}=\"{raw}\" is not true or false; using {fallback.ToString().ToLowerInvariant()} (line {Line})");
        return fallback;
    }

    public HttpMethod Method(string name)
    {
        var raw = element.Attribute(name)?.Value;
        if (raw is null || raw.Trim().Equals("POST", StringComparison.OrdinalIgnoreCase))
        {
            return HttpMethod.Post;
        }

        if (raw.Trim().Equals("GET", StringComparison.OrdinalIgnoreCase))
        {
            return HttpMethod.Get;
        }

        Warn(TwilioErrors.SchemaValidation, $"<{Name}> {name}=\"{raw}\" must be GET or POST; using POST (line {Line})");
        return HttpMethod.Post;
    }

    public void Warn(int code, string detail) => warnings.Add(TwilioErrors.Warning(code, detail, documentUrl));

    public TwimlSchemaException Invalid(string detail) =>
        new(TwilioErrors.Error(TwilioErrors.SchemaValidation, $"{detail} (line {Line})", documentUrl));
}
