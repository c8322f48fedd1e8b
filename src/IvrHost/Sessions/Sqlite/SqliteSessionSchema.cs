namespace PhoneBooking.IvrHost.Sessions.Sqlite;

internal static class SqliteSessionSchema
{
    /// <summary>
    /// WAL lets webhooks read while one writes; the mode is stored in the file, so setting it once
    /// here holds for every later connection. Times are Unix milliseconds (UTC).
    /// </summary>
    public const string Create =
        """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS call_sessions (
            call_sid   TEXT    NOT NULL PRIMARY KEY,
            version    INTEGER NOT NULL,
            caller_key TEXT    NULL,
            status     TEXT    NOT NULL CHECK (status IN ('active', 'completed')),
            resumable  INTEGER NOT NULL CHECK (resumable IN (0, 1)),
            payload    TEXT    NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_call_sessions_resumable ON call_sessions (caller_key, updated_at) WHERE resumable = 1;
        CREATE INDEX IF NOT EXISTS ix_call_sessions_updated_at ON call_sessions (updated_at);
        """;
}
