using System.Text;

namespace PhoneBooking.IvrHost.AgentConsole.Accounts;

/// <summary>
/// <c>dotnet run --project src/IvrHost -- hash-password</c>: reads a password from standard input
/// (never from the command line, where shell history and process lists would keep it; typed
/// without echo at a terminal) and prints its PasswordHasher v3 hash for
/// <c>AgentConsole:Accounts:N:PasswordHash</c>.
/// </summary>
public static class PasswordHashCommand
{
    public const string Name = "hash-password";

    public static bool Matches(string[] args) => args is [Name];

    public static int Run(TextReader input, TextWriter output, TextWriter error, bool interactive)
    {
        var password = interactive ? ReadHidden(error) : input.ReadLine();
        if (string.IsNullOrEmpty(password) || password.Length < 8)
        {
            error.WriteLine("A password of at least 8 characters is required on standard input.");
            return 2;
        }

        output.WriteLine(PasswordHashes.Hash(password));
        return 0;
    }

    private static string ReadHidden(TextWriter prompt)
    {
        prompt.Write("Password: ");
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        prompt.WriteLine();
        return typed.ToString();
    }
}
