using System.CommandLine;
using PhoneBooking.Softphone.Cli;

// A phone in the terminal that plays Twilio's part: `dial` the line, run a `script`, or stand in for the REST API (`cloud`).
var root = new RootCommand("PhoneBooking softphone: calls the line exactly as Twilio would")
{
    DialCommand.Create(),
    ScriptCommand.Create(),
    CloudCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
