namespace PhoneBooking.Twilio.Types;

/// <summary>
/// An open set of string values, as Twilio's SDK models them: the named members cover what we
/// use, and any other value Twilio accepts converts implicitly from a string.
/// </summary>
public abstract class StringEnum : IEquatable<StringEnum>
{
    private readonly string _value;

    protected StringEnum(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    public override string ToString() => _value;

    public bool Equals(StringEnum? other) => other is not null && other.GetType() == GetType() && other._value == _value;

    public override bool Equals(object? obj) => Equals(obj as StringEnum);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);

    public static bool operator ==(StringEnum? left, StringEnum? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(StringEnum? left, StringEnum? right) => !(left == right);
}
