using System.Collections;

namespace PhoneBooking.Twilio.Rest;

/// <summary>Form fields in Twilio's spelling; unset values are left out, lists repeat the name.</summary>
internal sealed class FormFields : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public FormFields Add(string name, object? value)
    {
        if (TwilioValue.Format(value) is { } text)
        {
            _fields.Add(new(name, text));
        }

        return this;
    }

    public FormFields AddEach(string name, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            Add(name, value);
        }

        return this;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
