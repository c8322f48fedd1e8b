using PhoneBooking.PromptTool;

return PromptToolCommand.Create().Parse(args).Invoke();
