using PhoneBooking.IvrHost.CallFlow;

namespace PhoneBooking.IvrHost.Voice;

/// <summary>The features a supervisor turned off (docs/operations.md, "Switches"), as this instance knows them now.</summary>
public interface ILineSwitchBoard
{
    /// <summary>A field read, no I/O: it is read on every webhook and every dialer pass.</summary>
    LineSwitches Current { get; }
}

/// <summary>Without the console (no one can switch anything): everything on.</summary>
public sealed class AllOnSwitchBoard : ILineSwitchBoard
{
    public LineSwitches Current => LineSwitches.AllOn;
}
