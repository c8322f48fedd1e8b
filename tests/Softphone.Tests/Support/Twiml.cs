namespace PhoneBooking.Softphone.Tests.Support;

/// <summary>Hand-written TwiML documents, wrapped the way a line would send them.</summary>
public static class Twiml
{
    public static string Response(string verbs) => $"""<?xml version="1.0" encoding="UTF-8"?><Response>{verbs}</Response>""";
}
