namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>One prompt to speak: its id in prompts/ (its placeholders are filled by <see cref="PromptArguments"/>).</summary>
public sealed record PromptLine(string Id)
{
    public static PromptLine Of(string id) => new(id);
}
