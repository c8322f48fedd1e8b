using PhoneBooking.Softphone.Cli;

// A phone in the terminal that plays Twilio's part: `dial` the line, run a `script`, or stand in for the REST API (`cloud`).
return await SoftphoneCli.RunAsync(args);
