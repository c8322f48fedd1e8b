using System.Globalization;
using System.Text;

namespace PhoneBooking.SchedulingApi.Storage.Stores;

/// <summary>
/// Many rows in one statement on both providers: numbered parameters (SQLite has no array parameters),
/// <c>@Id0, @Id1</c> for an IN list and <c>(@Id0, @Offer0), (@Id1, @Offer1)</c> for a VALUES list, whose
/// columns both providers name <c>column1, column2, …</c>. Callers send at most <see cref="PerStatement"/>
/// rows a statement, which keeps the parameters far below either provider's limit.
/// </summary>
internal static class SqlRows
{
    public const int PerStatement = 500;

    /// <summary><c>@Name0, @Name1, …</c> for <paramref name="count"/> rows.</summary>
    public static string List(int count, string name) =>
        string.Join(", ", Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"@{name}{i}")));

    /// <summary><c>(@A0, @B0), (@A1, @B1), …</c> for <paramref name="count"/> rows of the columns <paramref name="names"/>.</summary>
    public static string Values(int count, params string[] names)
    {
        var sql = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sql.Append(i == 0 ? "(" : ", (");
            for (var c = 0; c < names.Length; c++)
            {
                sql.Append(c == 0 ? "@" : ", @").Append(names[c]).Append(i.ToString(CultureInfo.InvariantCulture));
            }

            sql.Append(')');
        }

        return sql.ToString();
    }
}
