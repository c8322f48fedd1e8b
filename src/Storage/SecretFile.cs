using System.Security.Cryptography;

namespace PhoneBooking.Storage;

/// <summary>
/// A random key kept in a file of the data folder that only its owner can read (0600), made once: the
/// development default of a secret that production takes from configuration. Written aside and moved
/// into place, so a process racing to make it reads the same whole key.
/// </summary>
public static class SecretFile
{
    /// <summary>The key in <paramref name="path"/> (base64), made of <paramref name="bytes"/> random bytes if the file does not exist.</summary>
    public static byte[] LoadOrCreate(string path, int bytes)
    {
        try
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
                    writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)));
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

            var text = File.ReadAllText(path).Trim();
            var key = new byte[text.Length];
            return Convert.TryFromBase64String(text, key, out var length) && length >= bytes
                ? key[..length]
                : throw new StorageStartupException($"The key file '{path}' does not hold base64 of at least {bytes} bytes: delete it to have a new one made.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageStartupException($"The key file '{path}' could not be read or made: {ex.Message}", ex);
        }
    }
}
