using System.Text.Json;

namespace PhoneBooking.Twilio.Tests.Security;

/// <summary>One vector of twilio-signature-vectors.json (copied from ../shared; taken from the official SDKs' tests).</summary>
public sealed record SignatureVector(
    string Id,
    string Kind,
    string? Token,
    string? Url,
    IReadOnlyList<KeyValuePair<string, string>> Params,
    string? Signature,
    string? Body,
    string? BodySha256,
    bool ExpectedValid,
    string? SignatureOfUrlAsGiven)
{
    private static readonly Lazy<IReadOnlyList<SignatureVector>> Loaded = new(Load);

    public static IReadOnlyList<SignatureVector> All => Loaded.Value;

    public static SignatureVector Get(string id) => All.Single(v => v.Id == id);

    public override string ToString() => Id;

    private static IReadOnlyList<SignatureVector> Load()
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Security", "twilio-signature-vectors.json"));
        using var json = JsonDocument.Parse(file);
        return [.. json.RootElement.GetProperty("vectors").EnumerateArray().Select(Parse)];
    }

    private static SignatureVector Parse(JsonElement v) => new(
        v.GetProperty("id").GetString()!,
        v.GetProperty("kind").GetString()!,
        Text(v, "token"),
        Text(v, "url"),
        v.TryGetProperty("params", out var p) ? [.. p.EnumerateObject().SelectMany(Values)] : [],
        Text(v, "signature"),
        Text(v, "body"),
        Text(v, "bodySHA256"),
        v.GetProperty("expected_valid").GetBoolean(),
        v.TryGetProperty("twilio_node_check", out var check) ? Text(check, "signature_of_url_as_given") : null);

    // A repeated form field is an array in the file; on the wire it is the same name sent once per value.
    private static IEnumerable<KeyValuePair<string, string>> Values(JsonProperty p) =>
        p.Value.ValueKind == JsonValueKind.Array
            ? p.Value.EnumerateArray().Select(x => new KeyValuePair<string, string>(p.Name, x.GetString()!))
            : [new(p.Name, p.Value.GetString()!)];

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
