using System.Security.Cryptography;

namespace PhoneBooking.SchedulingApi.Security;

/// <summary>A random key kept in a file only its owner can read (0600), created once; a racing process reads the same key.</summary>
internal static class SecretFile
{
    public static byte[] LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var draft = $"{path}.{Guid.NewGuid():N}.tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(draft, options))
            {
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecurityOptions.MinKeyBytes)));
            }

            try
            {
                File.Move(draft, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(draft);
            }
        }

        return SecurityOptions.Decode(File.ReadAllText(path)) is { Length: >= SecurityOptions.MinKeyBytes } key
            ? key
            : throw new InvalidOperationException($"The key file {path} does not hold base64 of at least {SecurityOptions.MinKeyBytes} bytes: delete it to have a new one made.");
    }
}
