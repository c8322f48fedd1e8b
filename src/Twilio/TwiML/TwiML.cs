using System.Text;
using System.Xml;

namespace PhoneBooking.Twilio.TwiML;

/// <summary>
/// Base of every TwiML element (Twilio SDK: <c>Twilio.TwiML.TwiML</c>). Elements keep their
/// children in order; <see cref="ToString"/> writes the document through an <see cref="XmlWriter"/>,
/// which does the escaping.
/// </summary>
public abstract class TwiML
{
    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = false,
    };

    private readonly List<TwiML> _children = [];
    private readonly List<KeyValuePair<string, string>> _options = [];

    protected TwiML(string tagName) => TagName = tagName;

    public string TagName { get; }

    /// <summary>Appends a child element (returns this element, as the SDK does).</summary>
    public TwiML Append(TwiML childElem)
    {
        ArgumentNullException.ThrowIfNull(childElem);
        if (!CanNest(childElem))
        {
            throw new ArgumentException($"<{TagName}> cannot nest <{childElem.TagName}>.", nameof(childElem));
        }

        _children.Add(childElem);
        return this;
    }

    /// <summary>Sets an attribute this writer has no typed parameter for (SDK: <c>SetOption</c>).</summary>
    public TwiML SetOption(string key, object value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        _options.RemoveAll(o => o.Key == key);
        _options.Add(new(key, TwilioValue.Format(value) ?? string.Empty));
        return this;
    }

    /// <summary>The whole document: UTF-8 declaration and this element as root.</summary>
    public override string ToString()
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, WriterSettings))
        {
            writer.WriteStartDocument();
            WriteTo(writer);
            writer.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    protected virtual bool CanNest(TwiML child) => true;

    protected virtual string? GetElementBody() => null;

    /// <summary>Attributes in Twilio's exact spelling; null values are left out.</summary>
    protected virtual IEnumerable<(string Name, object? Value)> GetElementAttributes() => [];

    internal virtual void WriteTo(XmlWriter writer)
    {
        writer.WriteStartElement(TagName);
        // An option set by hand wins over the typed attribute of the same name (XML allows each once).
        foreach (var (name, value) in GetElementAttributes().Where(a => !_options.Exists(o => o.Key == a.Name)))
        {
            if (TwilioValue.Format(value) is { } text)
            {
                writer.WriteAttributeString(name, text);
            }
        }

        foreach (var (key, value) in _options)
        {
            writer.WriteAttributeString(key, value);
        }

        if (GetElementBody() is { Length: > 0 } body)
        {
            writer.WriteString(body);
        }

        foreach (var child in _children)
        {
            child.WriteTo(writer);
        }

        writer.WriteEndElement();
    }
}
